import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GatewayCallback, GatewayOrder, PaymentGateway } from './gateway.ts';

/** The built-in test gateway's shared secret; a deployment may set RANRE_TEST_GATEWAY_SECRET. */
export const TEST_GATEWAY_SECRET = process.env.RANRE_TEST_GATEWAY_SECRET ?? 'ranre-test-gateway-secret';

type Signed = Omit<GatewayCallback, 'signature'>;

/** HMAC-SHA256 over the callback's fields in a fixed order. */
export function signCallback(cb: Signed, secret = TEST_GATEWAY_SECRET): string {
  const text = [cb.outTradeNo, cb.tradeNo, String(cb.amountFen), cb.paidAt, cb.attach].join('|');
  return createHmac('sha256', secret).update(text).digest('hex');
}

/**
 * A stand-in for WeChat Pay / Alipay that behaves like them where it matters: orders, a signed asynchronous
 * callback, and callbacks that may arrive more than once. `simulatePaid` is what the customer's app would do.
 */
export class TestGateway implements PaymentGateway {
  constructor(
    readonly channel: 'wechat' | 'alipay',
    private readonly secret = TEST_GATEWAY_SECRET,
  ) {}

  async createOrder(order: GatewayOrder): Promise<{ qrText: string }> {
    return { qrText: `ranre-test-pay://${this.channel}/${order.outTradeNo}?amount=${order.amountFen}` };
  }

  verifyCallback(cb: GatewayCallback): boolean {
    const expected = Buffer.from(signCallback(cb, this.secret), 'hex');
    const given = Buffer.from(cb.signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The customer pays: the gateway builds and signs the callback it will send. */
  simulatePaid(order: Omit<GatewayOrder, 'subject'>, paidAt: Date): GatewayCallback {
    const prefix = this.channel === 'wechat' ? 'WX' : 'ALI';
    const cb: Signed = {
      outTradeNo: order.outTradeNo,
      tradeNo: `${prefix}${randomBytes(8).toString('hex').toUpperCase()}`,
      amountFen: order.amountFen,
      paidAt: paidAt.toISOString(),
      attach: order.attach,
    };
    return { ...cb, signature: signCallback(cb, this.secret) };
  }
}

export const testGateways: Record<'wechat' | 'alipay', TestGateway> = {
  wechat: new TestGateway('wechat'),
  alipay: new TestGateway('alipay'),
};
