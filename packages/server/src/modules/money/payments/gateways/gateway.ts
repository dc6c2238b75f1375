/**
 * An online payment channel (WeChat Pay, Alipay): we create an order, the customer pays in the app, and the
 * channel calls us back. A callback is believed only after its signature verifies; the channel's trade number
 * is the idempotency key, so a replayed callback records one payment.
 */
export interface GatewayOrder {
  outTradeNo: string;
  amountFen: number;
  subject: string;
  /** Our merchant data, returned untouched in the callback. */
  attach: string;
}

export interface GatewayCallback {
  outTradeNo: string;
  tradeNo: string;
  amountFen: number;
  paidAt: string;
  attach: string;
  signature: string;
}

export interface PaymentGateway {
  readonly channel: 'wechat' | 'alipay';
  /** Registers the order with the channel; returns what the customer scans. */
  createOrder(order: GatewayOrder): Promise<{ qrText: string }>;
  /** True only when the callback was signed by the channel. */
  verifyCallback(cb: GatewayCallback): boolean;
}
