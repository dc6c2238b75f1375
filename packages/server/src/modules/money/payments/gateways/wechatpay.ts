import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import type { WechatPayConfig } from '../payments.config.ts';
import {
  header,
  shanghaiRfc3339,
  type GatewayOrder,
  type PaymentChannelAdapter,
  type RawNotification,
  type VerifiedNotification,
} from './gateway.ts';

/** WeChat Pay refuses notifications older than this itself; we refuse them too (a replayed capture). */
const MAX_CLOCK_SKEW_S = 5 * 60;

export function publicKeyOf(pem: string): KeyObject {
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

type Transaction = {
  mchid?: unknown;
  out_trade_no?: unknown;
  transaction_id?: unknown;
  trade_state?: unknown;
  success_time?: unknown;
  attach?: unknown;
  amount?: { total?: unknown; currency?: unknown };
};

/**
 * WeChat Pay API v3 (Native pay). A notification is verified as WeChat Pay documents it: the `Wechatpay-Serial`
 * names our configured WeChat Pay public key, `Wechatpay-Signature` is RSA-SHA256 over
 * "timestamp\nnonce\nbody\n", the timestamp is recent, and the resource decrypts with AES-256-GCM under the APIv3
 * key (which also authenticates it). The SDK's `Rsa`, `Formatter` and `Aes.AesGcm` do the cryptography.
 */
export class WechatPayAdapter implements PaymentChannelAdapter {
  readonly channel = 'wechat' as const;
  readonly ack = {
    contentType: 'application/json',
    body: JSON.stringify({ code: 'SUCCESS', message: '成功' }),
  };
  private readonly publicKey: KeyObject;
  private client: Wechatpay | undefined;

  constructor(
    private readonly cfg: Pick<
      WechatPayConfig,
      'mchId' | 'appId' | 'apiV3Key' | 'publicKey' | 'publicKeyId'
    > &
      Partial<WechatPayConfig>,
    private readonly notifyUrl: string | null,
  ) {
    this.publicKey = publicKeyOf(cfg.publicKey);
  }

  get merchantId() {
    return this.cfg.mchId;
  }

  async createOrder(order: GatewayOrder): Promise<{ qrText: string }> {
    if (!this.cfg.merchantPrivateKey || !this.cfg.merchantSerial || !this.notifyUrl) {
      throw new Error('WeChat Pay: merchant key, serial and notify URL are needed to place orders');
    }
    // The SDK's request chain is typed loosely; this is its documented Native-pay call.
    type Native = { post(body: object): Promise<{ data: { code_url?: unknown } }> };
    this.client ??= new Wechatpay({
      mchid: this.cfg.mchId,
      serial: this.cfg.merchantSerial,
      privateKey: this.cfg.merchantPrivateKey,
      certs: { [this.cfg.publicKeyId]: this.publicKey },
      ...(this.cfg.baseUrl ? { baseURL: this.cfg.baseUrl } : {}),
    });
    const native = (this.client as unknown as { v3: { pay: { transactions: { native: Native } } } }).v3.pay
      .transactions.native;
    const { data } = await native.post({
      appid: this.cfg.appId,
      mchid: this.cfg.mchId,
      description: order.subject,
      out_trade_no: order.outTradeNo,
      time_expire: shanghaiRfc3339(order.expiresAt),
      attach: order.attach,
      notify_url: this.notifyUrl,
      amount: { total: order.amountFen, currency: 'CNY' },
    });
    if (typeof data.code_url !== 'string') throw new Error('WeChat Pay: no code_url in the answer');
    return { qrText: data.code_url };
  }

  verify(n: RawNotification, now: Date): VerifiedNotification | null {
    const body = typeof n.body === 'string' ? n.body : null;
    const serial = header(n.headers, 'wechatpay-serial');
    const signature = header(n.headers, 'wechatpay-signature');
    const timestamp = header(n.headers, 'wechatpay-timestamp');
    const nonce = header(n.headers, 'wechatpay-nonce');
    if (body === null || !serial || !signature || !timestamp || !nonce) return null;
    if (serial !== this.cfg.publicKeyId || !/^\d{1,12}$/.test(timestamp)) return null;
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) return null;
    try {
      if (!Rsa.verify(Formatter.response(timestamp, nonce, body), signature, this.publicKey)) return null;
      const event = JSON.parse(body) as {
        event_type?: unknown;
        resource?: { algorithm?: unknown; ciphertext?: unknown; nonce?: unknown; associated_data?: unknown };
      };
      const r = event.resource;
      if (!r || r.algorithm !== 'AEAD_AES_256_GCM') return null;
      const tx = JSON.parse(
        Aes.AesGcm.decrypt(
          String(r.ciphertext),
          this.cfg.apiV3Key,
          String(r.nonce),
          String(r.associated_data ?? ''),
        ),
      ) as Transaction;
      const total = tx.amount?.total;
      const paidAt = new Date(String(tx.success_time));
      if (!Number.isSafeInteger(total) || tx.amount?.currency !== 'CNY') return null;
      return {
        merchantId: String(tx.mchid),
        outTradeNo: String(tx.out_trade_no),
        tradeNo: String(tx.transaction_id),
        amountFen: total as number,
        paidAt: Number.isNaN(paidAt.getTime()) ? now : paidAt,
        attach: typeof tx.attach === 'string' ? tx.attach : null,
        succeeded: event.event_type === 'TRANSACTION.SUCCESS' && tx.trade_state === 'SUCCESS',
      };
    } catch {
      // A signature that is not base64, a resource that fails its GCM tag, JSON that does not parse: forged.
      return null;
    }
  }
}
