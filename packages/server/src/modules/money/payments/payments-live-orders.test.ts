// Issue 12: placing WeChat Pay (Native) and Alipay (precreate) orders through the SDKs, against stand-ins for the two
// channels on 127.0.0.1 that check our request signature and sign their answers as the channels do.
import { createPublicKey, createSign, createVerify, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAlipayNotification, signWechatNotification } from './gateways/demo-gateway.ts';
import { paymentsTestWorld } from './payments.fixtures.ts';
import { gatewayTestKeys } from './payments.test-keys.ts';

const keys = gatewayTestKeys();
const merchantPublic = createPublicKey(keys.env.WECHATPAY_MERCHANT_PRIVATE_KEY);
const appPublic = createPublicKey(keys.env.ALIPAY_PRIVATE_KEY);
const rsaSign = (text: string, key: string) => createSign('RSA-SHA256').update(text).sign(key, 'base64');
const rsaVerify = (text: string, sig: string, key: ReturnType<typeof createPublicKey>) =>
  createVerify('RSA-SHA256').update(text).verify(key, sig, 'base64');

type Seen = { verified: boolean; body: Record<string, unknown> };
const seen: { wechat: Seen[]; alipay: Seen[] } = { wechat: [], alipay: [] };
let forgeAnswers = false;

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

/** WeChat Pay v3: checks the merchant's Authorization signature; answers signed with the platform key. */
async function wechatPay(req: IncomingMessage, body: string) {
  const auth = String(req.headers.authorization ?? '');
  const f = Object.fromEntries([...auth.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const message = `${req.method}\n${req.url}\n${f.timestamp}\n${f.nonce_str}\n${body}\n`;
  seen.wechat.push({
    verified:
      auth.startsWith('WECHATPAY2-SHA256-RSA2048 ') &&
      f.mchid === keys.env.WECHATPAY_MCH_ID &&
      f.serial_no === keys.env.WECHATPAY_MERCHANT_SERIAL &&
      rsaVerify(message, f.signature ?? '', merchantPublic),
    body: JSON.parse(body),
  });
  const answer = JSON.stringify({ code_url: 'weixin://wxpay/bizpayurl?pr=Test0001' });
  // The SDK compares this with its own clock (5 minutes), as WeChat Pay's answers are checked.
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(16).toString('hex');
  const key = forgeAnswers ? keys.stranger.privateKey : keys.wechatSigner.privateKey;
  return {
    headers: {
      'content-type': 'application/json',
      'wechatpay-timestamp': ts,
      'wechatpay-nonce': nonce,
      'wechatpay-serial': keys.env.WECHATPAY_PUBLIC_KEY_ID,
      'wechatpay-signature': rsaSign(`${ts}\n${nonce}\n${answer}\n`, key),
    },
    answer,
  };
}

/** Alipay's gateway: checks the app's RSA2 request signature; answers signed with the Alipay key. */
function alipay(req: IncomingMessage, body: string) {
  const params: Record<string, string> = {
    ...Object.fromEntries(new URL(req.url!, 'http://x').searchParams),
    ...Object.fromEntries(new URLSearchParams(body)),
  };
  const content = Object.keys(params)
    .filter((k) => k !== 'sign')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  const biz = JSON.parse(params.biz_content ?? '{}');
  seen.alipay.push({ verified: rsaVerify(content, params.sign ?? '', appPublic), body: { ...params, biz } });
  const inner = JSON.stringify({
    code: '10000',
    msg: 'Success',
    out_trade_no: biz.out_trade_no,
    qr_code: 'https://qr.alipay.com/bax0test0001',
  });
  const key = forgeAnswers ? keys.stranger.privateKey : keys.alipaySigner.privateKey;
  return {
    headers: { 'content-type': 'application/json;charset=utf-8' },
    answer: `{"alipay_trade_precreate_response":${inner},"sign":"${rsaSign(inner, key)}"}`,
  };
}

let server: Server;
let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
let cust: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    const r = req.url!.startsWith('/v3/') ? await wechatPay(req, body) : alipay(req, body);
    res.writeHead(200, r.headers).end(r.answer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  w = await paymentsTestWorld(undefined, {
    ...keys.env,
    WECHATPAY_BASE_URL: `${base}/`,
    ALIPAY_GATEWAY_URL: `${base}/gateway.do`,
  });
  cust = await w.customer();
});
afterAll(async () => {
  await w.t.close();
  await new Promise((resolve) => server.close(resolve));
});

const order = (channel: 'wechat' | 'alipay', amountFen: number) =>
  w.call('gas_agent', 'POST', '/payments/gateway/orders', {
    customerId: cust,
    sector: 'gas',
    channel,
    amountFen,
  });
const payments = () => w.count(`select count(*)::int as n from payments where customer_id = '${cust}'`);

describe('live orders (PAYMENT_GATEWAY=live)', () => {
  it('WeChat Pay Native: a signed request with our trade number, amount, expiry, notify URL; then its notification pays it', async () => {
    const res = await order('wechat', 1234);
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o.qrText).toBe('weixin://wxpay/bizpayurl?pr=Test0001');
    const sent = seen.wechat.at(-1)!;
    expect(sent.verified).toBe(true);
    expect(sent.body).toMatchObject({
      appid: keys.env.WECHATPAY_APP_ID,
      mchid: keys.env.WECHATPAY_MCH_ID,
      out_trade_no: o.outTradeNo,
      amount: { total: 1234, currency: 'CNY' },
      attach: w.world.gas.id,
      notify_url: 'https://pay.example.test/api/payments/callback/wechat',
      time_expire: '2026-11-26T10:30:00+08:00',
    });
    const now = w.t.ctx.now();
    const n = signWechatNotification(
      keys.wechatSigner,
      {
        outTradeNo: o.outTradeNo,
        tradeNo: '4200000000202611260001',
        amountFen: 1234,
        paidAt: now,
        attach: w.world.gas.id,
      },
      now,
    );
    const before = await payments();
    const cb = await w.t.app.inject({
      method: 'POST',
      url: '/api/payments/callback/wechat',
      headers: n.headers,
      payload: n.body,
    });
    expect(cb.statusCode, cb.body).toBe(200);
    expect(await payments()).toBe(before + 1);
  });

  it('Alipay precreate: an RSA2-signed request with our trade number, amount in yuan, expiry, notify URL; then its notification pays it', async () => {
    const res = await order('alipay', 1234);
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json();
    expect(o.qrText).toBe('https://qr.alipay.com/bax0test0001');
    const sent = seen.alipay.at(-1)!;
    expect(sent.verified).toBe(true);
    expect(sent.body).toMatchObject({
      app_id: keys.env.ALIPAY_APP_ID,
      method: 'alipay.trade.precreate',
      sign_type: 'RSA2',
      notify_url: 'https://pay.example.test/api/payments/callback/alipay',
      biz: {
        out_trade_no: o.outTradeNo,
        total_amount: '12.34',
        time_expire: '2026-11-26 10:30:00',
        passback_params: w.world.gas.id,
      },
    });
    const now = w.t.ctx.now();
    const params = signAlipayNotification(
      keys.alipaySigner,
      {
        outTradeNo: o.outTradeNo,
        tradeNo: '2026112622001400000001',
        amountFen: 1234,
        paidAt: now,
        attach: w.world.gas.id,
      },
      now,
    );
    const before = await payments();
    const cb = await w.t.app.inject({
      method: 'POST',
      url: '/api/payments/callback/alipay',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(params).toString(),
    });
    expect(cb.body).toBe('success');
    expect(await payments()).toBe(before + 1);
  });

  it('an answer the channel did not sign is not believed: no pay code, the order is left to expire', async () => {
    forgeAnswers = true;
    try {
      for (const channel of ['wechat', 'alipay'] as const) {
        const res = await order(channel, 500);
        expect(res.statusCode, res.body).toBe(422);
        expect(res.json().code).toBe('PAYMENT_GATEWAY_UNAVAILABLE');
      }
    } finally {
      forgeAnswers = false;
    }
  });
});
