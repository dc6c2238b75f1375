import { createPrivateKey } from 'node:crypto';
import { AlipaySdk } from 'alipay-sdk';
import type { AlipayConfig } from '../payments.config.ts';
import {
  fenToYuan,
  shanghaiDateTime,
  yuanToFen,
  type GatewayOrder,
  type PaymentChannelAdapter,
  type RawNotification,
  type VerifiedNotification,
} from './gateway.ts';

/** PKCS#1 ("RSA PRIVATE KEY") or PKCS#8 ("PRIVATE KEY"), as the SDK must be told; bare base64 is tried as both. */
function keyType(pem: string): 'PKCS1' | 'PKCS8' {
  if (pem.includes('BEGIN RSA PRIVATE KEY')) return 'PKCS1';
  if (pem.includes('BEGIN PRIVATE KEY')) return 'PKCS8';
  try {
    createPrivateKey({ key: Buffer.from(pem.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'pkcs8' });
    return 'PKCS8';
  } catch {
    return 'PKCS1';
  }
}

/** Alipay's wall clock (`yyyy-MM-dd HH:mm:ss`, Beijing time) as an instant. */
function alipayTime(text: string | undefined): Date | null {
  if (!text || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text)) return null;
  const d = new Date(`${text.replace(' ', 'T')}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * Alipay (face-to-face precreate, a QR code). A notification is verified with `alipay-sdk`'s `checkNotifySignV2`:
 * RSA2 (SHA256withRSA) over the parameters sorted by name, `sign` and `sign_type` left out, values as received.
 */
export class AlipayAdapter implements PaymentChannelAdapter {
  readonly channel = 'alipay' as const;
  /** Alipay stops re-sending a notification only when the answer is exactly `success`. */
  readonly ack = { contentType: 'text/plain', body: 'success' };
  private readonly sdk: AlipaySdk;

  constructor(
    private readonly cfg: Omit<AlipayConfig, 'gatewayUrl'> & Partial<AlipayConfig>,
    private readonly notifyUrl: string | null,
  ) {
    this.sdk = new AlipaySdk({
      appId: cfg.appId,
      privateKey: cfg.privateKey,
      keyType: keyType(cfg.privateKey),
      alipayPublicKey: cfg.alipayPublicKey,
      signType: 'RSA2',
      ...(cfg.gatewayUrl ? { gateway: cfg.gatewayUrl } : {}),
    });
  }

  get merchantId() {
    return this.cfg.appId;
  }

  async createOrder(order: GatewayOrder): Promise<{ qrText: string }> {
    if (!this.notifyUrl) throw new Error('Alipay: a notify URL is needed to place orders');
    const result = await this.sdk.exec(
      'alipay.trade.precreate',
      {
        notify_url: this.notifyUrl,
        bizContent: {
          out_trade_no: order.outTradeNo,
          total_amount: fenToYuan(order.amountFen),
          subject: order.subject,
          time_expire: shanghaiDateTime(order.expiresAt),
          passback_params: encodeURIComponent(order.attach),
        },
      },
      { validateSign: true },
    );
    if (result.code !== '10000' || typeof result.qrCode !== 'string') {
      throw new Error(
        `Alipay precreate: ${String(result.code)} ${String(result.subMsg ?? result.msg ?? '')}`,
      );
    }
    return { qrText: result.qrCode };
  }

  verify(n: RawNotification, now: Date): VerifiedNotification | null {
    if (typeof n.body !== 'object' || n.body === null) return null;
    const p = n.body;
    if (p.sign_type !== 'RSA2' || typeof p.sign !== 'string') return null;
    try {
      if (!this.sdk.checkNotifySignV2(p)) return null;
    } catch {
      return null;
    }
    const amountFen = yuanToFen(p.total_amount);
    if (amountFen === null || !p.out_trade_no || !p.trade_no || !p.app_id) return null;
    let attach: string | null = null;
    try {
      attach = p.passback_params ? decodeURIComponent(p.passback_params) : null;
    } catch {
      attach = p.passback_params ?? null;
    }
    return {
      merchantId: p.app_id,
      outTradeNo: p.out_trade_no,
      tradeNo: p.trade_no,
      amountFen,
      paidAt: alipayTime(p.gmt_payment) ?? now,
      attach,
      succeeded: p.trade_status === 'TRADE_SUCCESS' || p.trade_status === 'TRADE_FINISHED',
    };
  }
}
