// Issue 12: WeChat Pay / Alipay in demo mode. The server makes the payment order; the demo gateway (PAYMENT_GATEWAY=demo,
// the default of demo mode) pays only orders of the caller's own enterprise, with a notification signed in the real
// format that goes through the same verification as a real one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentsTestWorld } from './payments.fixtures.ts';

let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
let cust: string;
beforeAll(async () => {
  w = await paymentsTestWorld();
  cust = await w.customer();
});
afterAll(() => w.t.close());

describe('WeChat / Alipay through the demo gateway (PAYMENT_GATEWAY=demo, demo mode)', () => {
  const order = async (who: string, body: Record<string, unknown>) =>
    w.call(who, 'POST', '/payments/gateway/orders', { customerId: cust, sector: 'gas', ...body });
  const payments = () => w.count('select count(*)::int as n from payments');

  it('G-6.2.8, issue 12: the server makes the order, the demo gateway pays it, its signed notification records one payment', async () => {
    const created = await order('gas_agent', { channel: 'wechat', amountFen: 4567 });
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({ channel: 'wechat', amountFen: 4567, status: 'open', customerId: cust });
    expect(o.outTradeNo).toMatch(/^RR[0-9A-F]{30}$/);
    expect(o.qrText).toContain(o.outTradeNo);
    expect(o).not.toHaveProperty('attach');
    expect(Date.parse(o.expiresAt) - w.t.ctx.now().getTime()).toBe(30 * 60_000);

    const before = await payments();
    const sim = await w.call('gas_agent', 'POST', '/payments/gateway/simulate', { outTradeNo: o.outTradeNo });
    expect(sim.statusCode, sim.body).toBe(200);
    const { intent, notification, payment } = sim.json();
    expect(intent).toMatchObject({ status: 'paid', paymentId: payment.id });
    expect(payment).toMatchObject({ channel: 'wechat', amountFen: 4567, replayed: false, customerId: cust });
    expect(notification.headers['wechatpay-signature']).toBeTruthy();
    expect(await payments()).toBe(before + 1);

    // The channel delivers the same notification again: success, no second payment.
    const replay = await w.t.app.inject({
      method: 'POST',
      url: '/api/payments/callback/wechat',
      headers: notification.headers,
      payload: notification.body,
    });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toEqual({ code: 'SUCCESS', message: '成功' });
    expect(await payments()).toBe(before + 1);
    const receipt = (await w.call('gas_agent', 'GET', `/payments/${payment.id}/receipt`)).json();
    expect(receipt.operator).toContain('online');
    expect(receipt.externalRef).toBe(intent.tradeNo);
    const again = await w.call('gas_agent', 'POST', '/payments/gateway/simulate', {
      outTradeNo: o.outTradeNo,
    });
    expect(again.json().code).toBe('PAYMENT_INTENT_PAID');
  });

  it('issue 12: a cashier of another enterprise cannot order for, read or pay this customer’s order', async () => {
    const o = (await order('gas_agent', { channel: 'alipay', amountFen: 1000 })).json();
    const before = await payments();
    for (const who of ['heat_agent', 'heat_admin']) {
      const sim = await w.call(who, 'POST', '/payments/gateway/simulate', { outTradeNo: o.outTradeNo });
      expect(sim.statusCode, sim.body).toBe(404);
      expect((await w.call(who, 'GET', `/payments/gateway/orders/${o.outTradeNo}`)).statusCode).toBe(404);
      expect((await order(who, { channel: 'alipay', amountFen: 1000 })).statusCode).toBe(404);
    }
    // The old way — any attach signed on request — is gone: the body is only the order number.
    const old = await w.call('heat_agent', 'POST', '/payments/gateway/simulate', {
      channel: 'alipay',
      outTradeNo: o.outTradeNo,
      amountFen: 1000,
      attach: JSON.stringify({ enterpriseId: w.world.gas.id, customerId: cust, sector: 'gas', billId: null }),
    });
    expect(old.statusCode).toBe(400);
    expect(
      (await w.call('reg', 'POST', '/payments/gateway/simulate', { outTradeNo: o.outTradeNo })).statusCode,
    ).toBe(403);
    expect(await payments()).toBe(before);
    const get = (await w.call('gas_agent', 'GET', `/payments/gateway/orders/${o.outTradeNo}`)).json();
    expect(get.status).toBe('open');
  });

  it('G-6.2.2: an online top-up loads the prepaid meter named in the order', async () => {
    const m = await w.meter(cust, { prepaid: true, lowBalanceAlarmFen: 500, prepaidBalanceFen: 200 });
    const o = (await order('gas_agent', { channel: 'alipay', amountFen: 3000, meterId: m.id })).json();
    expect(o.purpose).toBe('topup');
    const sim = (
      await w.call('gas_agent', 'POST', '/payments/gateway/simulate', { outTradeNo: o.outTradeNo })
    ).json();
    expect(sim.payment).toMatchObject({ channel: 'alipay', meterId: m.id, prepaidBalanceFen: 3200 });
    expect(sim.notification.body.sign_type).toBe('RSA2');
    const plain = await w.meter(cust);
    const bad = await order('gas_agent', { channel: 'alipay', amountFen: 3000, meterId: plain.id });
    expect(bad.json().code).toBe('PAYMENT_METER_NOT_PREPAID');
  });

  it('an order expires after 30 minutes: the demo gateway refuses to pay it', async () => {
    const o = (await order('gas_agent', { channel: 'wechat', amountFen: 100 })).json();
    const start = w.t.ctx.now();
    w.t.setNow(new Date(start.getTime() + 31 * 60_000));
    try {
      await w.relogin();
      const sim = await w.call('gas_agent', 'POST', '/payments/gateway/simulate', {
        outTradeNo: o.outTradeNo,
      });
      expect(sim.json().code).toBe('PAYMENT_INTENT_EXPIRED');
      expect(
        (await w.call('gas_agent', 'GET', `/payments/gateway/orders/${o.outTradeNo}`)).json().status,
      ).toBe('expired');
    } finally {
      w.t.setNow(start);
      await w.relogin();
    }
  });
});
