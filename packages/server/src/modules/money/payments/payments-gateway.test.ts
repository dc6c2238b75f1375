// Issue 12: WeChat Pay v3 and Alipay notifications with keys from configuration (PAYMENT_GATEWAY=live), signed in
// the test as the channels sign them. A notification pays only a stored open intent, once, for the intent's
// customer; everything else is refused, audited and credits nothing.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alipaySign, signAlipayNotification, signWechatNotification } from './gateways/demo-gateway.ts';
import { insertIntent } from './intents.repository.ts';
import { paymentsTestWorld } from './payments.fixtures.ts';
import { gatewayTestKeys } from './payments.test-keys.ts';

const keys = gatewayTestKeys();
let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
let cust: string;
let accountNo: string;
let customerName: string;
beforeAll(async () => {
  w = await paymentsTestWorld(undefined, keys.env);
  cust = await w.customer();
  const c = (await w.call('gas_agent', 'GET', `/customers/${cust}`)).json();
  accountNo = c.account.accountNo;
  customerName = c.account.name;
});
afterAll(() => w.t.close());

const now = () => w.t.ctx.now();
const tradeNo = () => `4200${randomBytes(10).toString('hex')}`;

/** An open intent as POST /payments/gateway/orders stores it (placing it with the real channel needs its network). */
async function intent(channel: 'wechat' | 'alipay', amountFen: number, over: { expiresAt?: Date } = {}) {
  return insertIntent(w.db, {
    enterpriseId: w.world.gas.id,
    customerId: cust,
    sector: 'gas',
    channel,
    purpose: 'account',
    amountFen,
    outTradeNo: `RR${randomBytes(15).toString('hex').toUpperCase()}`,
    expiresAt: over.expiresAt ?? new Date(now().getTime() + 30 * 60_000),
    createdAt: now(),
  });
}

type Paid = { outTradeNo: string; amountFen: number; tradeNo?: string; attach?: string; paidAt?: Date };
const paid = (p: Paid) => ({
  tradeNo: tradeNo(),
  attach: w.world.gas.id,
  paidAt: now(),
  ...p,
});
const wechatNote = (p: Paid, signer = keys.wechatSigner) => signWechatNotification(signer, paid(p), now());
const alipayNote = (p: Paid, signer = keys.alipaySigner) => signAlipayNotification(signer, paid(p), now());

const postWechat = (n: { headers: Record<string, string>; body: string }) =>
  w.t.app.inject({
    method: 'POST',
    url: '/api/payments/callback/wechat',
    headers: n.headers,
    payload: n.body,
  });
const postAlipay = (params: Record<string, string>) =>
  w.t.app.inject({
    method: 'POST',
    url: '/api/payments/callback/alipay',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(params).toString(),
  });

const payments = () => w.count(`select count(*)::int as n from payments where customer_id = '${cust}'`);
const refusals = () =>
  w.count(`select count(*)::int as n from audit_events where action = 'payment.callback_refused'`);
const statusOf = async (outTradeNo: string) =>
  (await w.call('gas_agent', 'GET', `/payments/gateway/orders/${outTradeNo}`)).json().status;

describe('good signatures are accepted and pay the intent once', () => {
  it('WeChat Pay v3: RSA-SHA256 over timestamp/nonce/body, AES-256-GCM resource — one payment, bare ack', async () => {
    const i = await intent('wechat', 4567);
    const before = await payments();
    const balance = await w.balance(cust);
    const n = wechatNote({ outTradeNo: i.outTradeNo, amountFen: 4567 });
    const res = await postWechat(n);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ code: 'SUCCESS', message: '成功' });
    expect(await payments()).toBe(before + 1);
    expect(await w.balance(cust)).toBe(balance - 4567);
    expect(await statusOf(i.outTradeNo)).toBe('paid');

    // WeChat Pay re-sends until it is answered: the same notification again credits nothing more.
    const again = await postWechat(n);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ code: 'SUCCESS', message: '成功' });
    expect(await payments()).toBe(before + 1);
    expect(await w.balance(cust)).toBe(balance - 4567);
  });

  it('Alipay RSA2: sorted parameters signed with the Alipay key — one payment, answered `success`', async () => {
    const i = await intent('alipay', 1000);
    const before = await payments();
    const note = alipayNote({ outTradeNo: i.outTradeNo, amountFen: 1000 });
    const res = await postAlipay(note);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toBe('success');
    expect(await payments()).toBe(before + 1);
    expect((await postAlipay(note)).body).toBe('success');
    expect(await payments()).toBe(before + 1);
    const list = (await w.call('gas_agent', 'GET', `/payments?customerId=${cust}&channel=alipay`)).json();
    expect(list.items[0]).toMatchObject({ channel: 'alipay', amountFen: 1000, externalRef: note.trade_no });
  });

  it('the anonymous answer carries no personal data: no name, no account number, no receipt', async () => {
    const i = await intent('wechat', 321);
    const j = await intent('alipay', 321);
    for (const res of [
      await postWechat(wechatNote({ outTradeNo: i.outTradeNo, amountFen: 321 })),
      await postAlipay(alipayNote({ outTradeNo: j.outTradeNo, amountFen: 321 })),
    ]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(accountNo);
      expect(res.body).not.toContain(customerName);
      expect(res.body).not.toMatch(/SJ\d{12}/);
      expect(res.body.length).toBeLessThan(60);
    }
  });

  it('two deliveries of one notification at the same moment record one payment', async () => {
    const i = await intent('wechat', 777);
    const before = await payments();
    const n = wechatNote({ outTradeNo: i.outTradeNo, amountFen: 777 });
    const both = await Promise.all([postWechat(n), postWechat(n)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(await payments()).toBe(before + 1);
  });
});

describe('bad signatures are refused and credit nothing', () => {
  it('WeChat Pay: a stranger’s key, another key id, a stale timestamp, a tampered body, a wrong APIv3 key', async () => {
    const i = await intent('wechat', 5000);
    const p = { outTradeNo: i.outTradeNo, amountFen: 5000 };
    const good = wechatNote(p);
    const forged = [
      wechatNote(p, { ...keys.wechatSigner, privateKey: keys.stranger.privateKey }),
      { ...good, headers: { ...good.headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' } },
      {
        ...good,
        headers: {
          ...good.headers,
          'wechatpay-timestamp': String(Number(good.headers['wechatpay-timestamp']) - 1),
        },
      },
      { ...good, body: good.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') },
      wechatNote(p, { ...keys.wechatSigner, apiV3Key: randomBytes(16).toString('hex') }),
      { ...good, headers: { ...good.headers, 'wechatpay-signature': 'not base64 at all' } },
      signWechatNotification(keys.wechatSigner, paid(p), new Date(now().getTime() - 10 * 60_000)),
    ];
    const before = await payments();
    for (const [k, n] of forged.entries()) {
      const res = await postWechat(n);
      expect(res.statusCode, `case ${k}: ${res.body}`).toBe(422);
      expect(res.json().code).toBe('PAYMENT_CALLBACK_SIGNATURE');
    }
    expect(await payments()).toBe(before);
    expect(await statusOf(i.outTradeNo)).toBe('open');
    expect((await postWechat(good)).statusCode).toBe(200);
  });

  it('Alipay: a stranger’s key, a changed amount after signing, RSA (not RSA2), no signature', async () => {
    const i = await intent('alipay', 2500);
    const p = { outTradeNo: i.outTradeNo, amountFen: 2500 };
    const good = alipayNote(p);
    const strangerSigned = alipayNote(p, { ...keys.alipaySigner, privateKey: keys.stranger.privateKey });
    const { sign: _s, ...unsigned } = good;
    const forged = [
      strangerSigned,
      { ...good, total_amount: '0.01' },
      { ...good, sign_type: 'RSA' },
      { ...good, sign: strangerSigned.sign! },
      { ...good, out_trade_no: 'RRFORGED0000000000000000000001' },
    ];
    const before = await payments();
    for (const [k, n] of forged.entries()) {
      const res = await postAlipay(n);
      expect(res.statusCode, `case ${k}: ${res.body}`).toBe(422);
      expect(res.json().code).toBe('PAYMENT_CALLBACK_SIGNATURE');
      expect(res.body).not.toBe('success');
    }
    const none = await postAlipay(unsigned);
    expect(none.statusCode).toBe(400);
    expect(await payments()).toBe(before);
    expect((await postAlipay(good)).body).toBe('success');
  });

  it('a body that is not a notification at all is refused without a 500 and writes nothing', async () => {
    const before = await w.count('select count(*)::int as n from audit_events');
    const post = (url: string, contentType: string, payload: string) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/payments/callback/${url}`,
        headers: { 'content-type': contentType },
        payload,
      });
    const cases: [string, string, string, number][] = [
      ['wechat', 'application/json', '', 400],
      ['wechat', 'application/json', 'garbage', 400],
      ['wechat', 'application/json', '{"outTradeNo":"RR1","amountFen":1}', 400],
      ['wechat', 'text/plain', '{}', 415],
      ['alipay', 'application/x-www-form-urlencoded', 'out_trade_no=RR1', 400],
      // The old test gateway's JSON callback: not what Alipay sends.
      ['alipay', 'application/json', '{"outTradeNo":"RRFORGED01","amountFen":100,"signature":"0"}', 415],
    ];
    for (const [channel, type, payload, status] of cases) {
      const res = await post(channel, type, payload);
      expect(res.statusCode, `${channel} ${type} ${payload}`).toBe(status);
      expect(res.json().code).toMatch(/^(VALIDATION_FAILED|UNSUPPORTED_MEDIA_TYPE)$/);
    }
    // Signed by the channel, yet a trade number no channel issues (a NUL, a lone surrogate): 400, nothing written.
    for (const outTradeNo of ['RR\u0000X', 'RR\ud800X']) {
      const res = await postWechat(wechatNote({ outTradeNo, amountFen: 100 }));
      expect(res.statusCode, res.body).toBe(400);
      const ali = await postAlipay(alipayNote({ outTradeNo, amountFen: 100 }));
      expect(ali.statusCode, ali.body).toBe(400);
    }
    expect(await w.count('select count(*)::int as n from audit_events')).toBe(before);
  });
});

describe('a signed notification must match a stored open intent', () => {
  it('a made-up outTradeNo, even signed by the channel, credits nothing and is audited', async () => {
    const before = await payments();
    const audits = await refusals();
    const made = `RR${randomBytes(15).toString('hex').toUpperCase()}`;
    const a = await postWechat(wechatNote({ outTradeNo: made, amountFen: 100_000 }));
    const b = await postAlipay(alipayNote({ outTradeNo: made, amountFen: 100_000 }));
    for (const res of [a, b]) {
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'PAYMENT_CALLBACK_REFUSED',
        details: { reason: 'unknown_trade' },
      });
    }
    expect(await payments()).toBe(before);
    expect(await refusals()).toBe(audits + 2);
  });

  it('a wrong amount is refused, audited, and the intent stays open for the right one', async () => {
    const i = await intent('alipay', 8800);
    const before = await payments();
    const audits = await refusals();
    const res = await postAlipay(alipayNote({ outTradeNo: i.outTradeNo, amountFen: 1 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.reason).toBe('amount_mismatch');
    const wx = await postWechat(wechatNote({ outTradeNo: i.outTradeNo, amountFen: 8800 }));
    expect(wx.json().details.reason).toBe('channel_mismatch');
    expect(await payments()).toBe(before);
    expect(await refusals()).toBe(audits + 2);
    expect(await statusOf(i.outTradeNo)).toBe('open');
    expect((await postAlipay(alipayNote({ outTradeNo: i.outTradeNo, amountFen: 8800 }))).body).toBe(
      'success',
    );
  });

  it('the credited customer comes from the intent: an attach naming another enterprise or customer is refused', async () => {
    const i = await intent('wechat', 600);
    const other = JSON.stringify({
      enterpriseId: w.world.heat.id,
      customerId: cust,
      sector: 'gas',
      billId: null,
    });
    const before = await payments();
    for (const attach of [w.world.heat.id, other]) {
      const res = await postWechat(wechatNote({ outTradeNo: i.outTradeNo, amountFen: 600, attach }));
      expect(res.json().details.reason).toBe('enterprise_mismatch');
    }
    expect(await payments()).toBe(before);
  });

  it('a second trade for a paid order, another merchant, a payment after expiry — refused', async () => {
    const i = await intent('wechat', 900);
    expect((await postWechat(wechatNote({ outTradeNo: i.outTradeNo, amountFen: 900 }))).statusCode).toBe(200);
    const before = await payments();
    const second = await postWechat(wechatNote({ outTradeNo: i.outTradeNo, amountFen: 900 }));
    expect(second.json().details.reason).toBe('already_paid_other_trade');

    const j = await intent('alipay', 900);
    const otherApp = { ...keys.alipaySigner, appId: '2021009999999999' };
    expect(
      (await postAlipay(alipayNote({ outTradeNo: j.outTradeNo, amountFen: 900 }, otherApp))).json().details
        .reason,
    ).toBe('merchant_mismatch');

    const k = await intent('alipay', 900, { expiresAt: new Date(now().getTime() - 60_000) });
    const late = await postAlipay(alipayNote({ outTradeNo: k.outTradeNo, amountFen: 900 }));
    expect(late.json().details.reason).toBe('paid_after_expiry');
    expect(await statusOf(k.outTradeNo)).toBe('expired');
    expect(await payments()).toBe(before);
  });

  it('a notification of a trade that did not succeed is acknowledged and credits nothing', async () => {
    const i = await intent('alipay', 450);
    const before = await payments();
    const closed = signAlipayNotification(
      keys.alipaySigner,
      { ...paid({ outTradeNo: i.outTradeNo, amountFen: 450 }), tradeStatus: 'TRADE_CLOSED' },
      now(),
    );
    expect((await postAlipay(closed)).body).toBe('success');
    expect(await payments()).toBe(before);
    expect(await statusOf(i.outTradeNo)).toBe('open');
    // The signer here is the one the SDK verifies against: the same content signed again verifies the same.
    const { sign, sign_type: _t, ...rest } = closed;
    expect(alipaySign(rest, keys.alipaySigner.privateKey)).toBe(sign);
  });
});

describe('the demo gateway is not there with live keys', () => {
  it('POST /payments/gateway/simulate is 404 when PAYMENT_GATEWAY=live', async () => {
    const i = await intent('wechat', 100);
    const res = await w.call('gas_agent', 'POST', '/payments/gateway/simulate', { outTradeNo: i.outTradeNo });
    expect(res.statusCode).toBe(404);
    expect(await statusOf(i.outTradeNo)).toBe('open');
  });
});
