import { createSign, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { AlipayConfig, WechatPayConfig } from '../payments.config.ts';
import { AlipayAdapter } from './alipay.ts';
import {
  fenToYuan,
  shanghaiDateTime,
  shanghaiRfc3339,
  type GatewayOrder,
  type OnlineChannel,
  type RawNotification,
} from './gateway.ts';
import { WechatPayAdapter } from './wechatpay.ts';

const rsaPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

/** What the gateway side holds to sign a WeChat Pay v3 notification. */
export type WechatSigner = {
  privateKey: string;
  publicKeyId: string;
  apiV3Key: string;
  mchId: string;
  appId: string;
};

/**
 * A WeChat Pay v3 payment notification exactly as WeChat Pay sends it: the transaction encrypted with AES-256-GCM
 * under the APIv3 key, the body signed with RSA-SHA256 over "timestamp\nnonce\nbody\n", the signature and its key
 * id in the `Wechatpay-*` headers.
 */
export function signWechatNotification(
  s: WechatSigner,
  t: {
    outTradeNo: string;
    tradeNo: string;
    amountFen: number;
    paidAt: Date;
    attach: string;
    tradeState?: string;
  },
  now: Date,
): { headers: Record<string, string>; body: string } {
  const transaction = {
    mchid: s.mchId,
    appid: s.appId,
    out_trade_no: t.outTradeNo,
    transaction_id: t.tradeNo,
    trade_type: 'NATIVE',
    trade_state: t.tradeState ?? 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: t.attach,
    success_time: shanghaiRfc3339(t.paidAt),
    payer: { openid: 'o-demo-payer' },
    amount: { total: t.amountFen, payer_total: t.amountFen, currency: 'CNY', payer_currency: 'CNY' },
  };
  const gcmNonce = randomBytes(6).toString('hex');
  const body = JSON.stringify({
    id: randomUUID(),
    create_time: shanghaiRfc3339(now),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: Aes.AesGcm.encrypt(JSON.stringify(transaction), s.apiV3Key, gcmNonce, 'transaction'),
      associated_data: 'transaction',
      nonce: gcmNonce,
    },
  });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const nonce = randomBytes(16).toString('hex');
  return {
    headers: {
      'content-type': 'application/json',
      'wechatpay-serial': s.publicKeyId,
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': nonce,
      'wechatpay-signature': Rsa.sign(Formatter.response(timestamp, nonce, body), s.privateKey),
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    },
    body,
  };
}

/** Alipay's RSA2 signature of notification parameters: sorted by name, `sign`/`sign_type` and empty values left out. */
export function alipaySign(params: Record<string, string>, privateKey: string): string {
  const content = Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'sign_type' && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createSign('RSA-SHA256').update(content, 'utf8').sign(privateKey, 'base64');
}

/** An Alipay asynchronous payment notification (`trade_status_sync`) as Alipay posts it. */
export function signAlipayNotification(
  s: { privateKey: string; appId: string },
  t: {
    outTradeNo: string;
    tradeNo: string;
    amountFen: number;
    paidAt: Date;
    attach: string;
    tradeStatus?: string;
  },
  now: Date,
): Record<string, string> {
  const params: Record<string, string> = {
    notify_time: shanghaiDateTime(now),
    notify_type: 'trade_status_sync',
    notify_id: randomBytes(16).toString('hex'),
    app_id: s.appId,
    charset: 'utf-8',
    version: '1.0',
    trade_no: t.tradeNo,
    out_trade_no: t.outTradeNo,
    trade_status: t.tradeStatus ?? 'TRADE_SUCCESS',
    total_amount: fenToYuan(t.amountFen),
    receipt_amount: fenToYuan(t.amountFen),
    buyer_id: '2088000000000000',
    gmt_create: shanghaiDateTime(t.paidAt),
    gmt_payment: shanghaiDateTime(t.paidAt),
    passback_params: encodeURIComponent(t.attach),
    subject: 'ranre',
  };
  return { ...params, sign_type: 'RSA2', sign: alipaySign(params, s.privateKey) };
}

type DemoKeys = {
  wechat: WechatPayConfig;
  wechatSigner: WechatSigner;
  alipay: AlipayConfig;
  alipaySigner: string;
};
let demoKeys: DemoKeys | undefined;

/** Keys made once per process, on first use (RSA generation takes a moment); nothing is written anywhere. */
function keys(): DemoKeys {
  if (demoKeys) return demoKeys;
  const wx = rsaPair();
  const ali = rsaPair();
  const app = rsaPair();
  const wechat = {
    mchId: '1900000109',
    appId: 'wxd0000000demo0000',
    apiV3Key: randomBytes(16).toString('hex'),
    publicKey: wx.publicKey,
    publicKeyId: 'PUB_KEY_ID_RANRE_DEMO',
    merchantPrivateKey: '',
    merchantSerial: '',
    baseUrl: '',
  };
  demoKeys = {
    wechat,
    wechatSigner: { ...wechat, privateKey: wx.privateKey },
    alipay: {
      appId: '2021000000000000',
      privateKey: app.privateKey,
      alipayPublicKey: ali.publicKey,
      gatewayUrl: '',
    },
    alipaySigner: ali.privateKey,
  };
  return demoKeys;
}

/**
 * The demo payment gateway (PAYMENT_GATEWAY=demo, demo mode only): stands in for WeChat Pay and Alipay with keys
 * made at start. Orders get a demo pay link; "the customer pays" builds the notification the real channel would
 * send, signed in the real format, which then goes through the same verifier as a real one.
 */
export class DemoGateway {
  private built: { wechat: WechatPayAdapter; alipay: AlipayAdapter } | undefined;
  /** Built on first use: a server (or a test) that never takes an online payment makes no keys. */
  readonly adapters: { readonly wechat: WechatPayAdapter; readonly alipay: AlipayAdapter };

  constructor() {
    const build = () => this.build();
    this.adapters = {
      get wechat() {
        return build().wechat;
      },
      get alipay() {
        return build().alipay;
      },
    };
  }

  private build() {
    if (this.built) return this.built;
    const k = keys();
    const demoOrder = (channel: OnlineChannel) => async (o: GatewayOrder) => ({
      qrText: `ranre-demo-pay://${channel}/${o.outTradeNo}?amount=${o.amountFen}`,
    });
    const wechat = new WechatPayAdapter(k.wechat, null);
    wechat.createOrder = demoOrder('wechat');
    const alipay = new AlipayAdapter(k.alipay, null);
    alipay.createOrder = demoOrder('alipay');
    this.built = { wechat, alipay };
    return this.built;
  }

  /** The customer pays the order: the notification the channel sends, as it would arrive over HTTP. */
  pay(
    channel: OnlineChannel,
    order: { outTradeNo: string; amountFen: number; attach: string },
    now: Date,
  ): RawNotification {
    const k = keys();
    const tradeNo = `${channel === 'wechat' ? '4200' : '2026'}${randomBytes(10).toString('hex')}`;
    const t = { ...order, tradeNo, paidAt: now };
    if (channel === 'wechat') return signWechatNotification(k.wechatSigner, t, now);
    const body = signAlipayNotification({ privateKey: k.alipaySigner, appId: k.alipay.appId }, t, now);
    return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
  }
}
