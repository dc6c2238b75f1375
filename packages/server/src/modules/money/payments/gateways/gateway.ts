/**
 * An online payment channel (WeChat Pay, Alipay): we register an order, the customer pays in the app, and the
 * channel notifies us. A notification is read only after its signature verifies with the channel's public key
 * from configuration; what it says is then matched against our stored payment intent (gateway.service.ts).
 */
export type OnlineChannel = 'wechat' | 'alipay';

export interface GatewayOrder {
  outTradeNo: string;
  amountFen: number;
  subject: string;
  /** Merchant data the channel returns untouched: our enterprise id (checked against the intent, never trusted). */
  attach: string;
  expiresAt: Date;
}

/** A notification as it arrived over HTTP: the exact body text (WeChat signs it) or the form fields (Alipay). */
export interface RawNotification {
  headers: Record<string, string | string[] | undefined>;
  body: string | Record<string, string>;
}

/** What a notification whose signature verified says about the payment. */
export interface VerifiedNotification {
  /** The merchant the channel paid (WeChat `mchid`, Alipay `app_id`). */
  merchantId: string;
  outTradeNo: string;
  tradeNo: string;
  amountFen: number;
  paidAt: Date;
  attach: string | null;
  /** False for notifications of anything but a completed payment (closed, refunded …). */
  succeeded: boolean;
}

export interface PaymentChannelAdapter {
  readonly channel: OnlineChannel;
  readonly merchantId: string;
  /** Registers the order with the channel; returns what the customer scans. */
  createOrder(order: GatewayOrder): Promise<{ qrText: string }>;
  /**
   * Verifies the signature (and decrypts, for WeChat Pay) and reads the notification; null when it does not
   * verify. Never throws for a forged or malformed notification.
   */
  verify(n: RawNotification, now: Date): VerifiedNotification | null;
  /** The answer the channel expects for a notification it must not send again. */
  readonly ack: { contentType: string; body: string };
}

export const header = (h: RawNotification['headers'], name: string): string | undefined => {
  const v = h[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/** `12.34` → 1234; anything but a plain amount with at most two decimals → null. */
export function yuanToFen(text: unknown): number | null {
  if (typeof text !== 'string' || !/^\d{1,9}(\.\d{1,2})?$/.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export const fenToYuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Shanghai wall-clock time as Alipay writes it: `yyyy-MM-dd HH:mm:ss`. */
export function shanghaiDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** RFC 3339 with +08:00, as WeChat Pay writes times. */
export function shanghaiRfc3339(d: Date): string {
  return `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
