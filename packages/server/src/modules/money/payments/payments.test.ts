import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCallback } from './gateways/test-gateway.ts';
import { newKey, paymentsTestWorld } from './payments.fixtures.ts';

let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
let cust: string;
beforeAll(async () => {
  w = await paymentsTestWorld();
  cust = await w.customer();
});
afterAll(() => w.t.close());

describe('payments at the counter', () => {
  it('G-6.2.8: each payment gets a numbered receipt, a payment ledger entry and an audit event in one go', async () => {
    const { bill } = await w.bill(cust, {
      period: '2026-10',
      amountFen: 15230,
      issuedOn: '2026-11-02',
      dueDate: '2026-11-12',
    });
    const audit = await w.count('select count(*)::int as n from audit_events');
    const p = await w.pay('gas_agent', { customerId: cust, amountFen: 10000, billId: bill.id });
    expect(p).toMatchObject({
      receiptNo: 'SJ202611000001',
      amountFen: 10000,
      channel: 'counter',
      replayed: false,
      balanceAfterFen: 5230,
    });
    const q = await w.pay('gas_billing', {
      customerId: cust,
      amountFen: 5230,
      channel: 'bank',
      externalRef: 'ICBC-778',
    });
    expect(q.receiptNo).toBe('SJ202611000002');
    expect(q.balanceAfterFen).toBe(0);
    expect(
      await w.count(
        `select count(*)::int as n from ledger_entries where kind = 'payment' and customer_id = '${cust}'`,
      ),
    ).toBe(2);
    expect(await w.count('select count(*)::int as n from audit_events')).toBe(audit + 2);

    const r = await w.call('gas_agent', 'GET', `/payments/${p.id}/receipt`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      receiptNo: 'SJ202611000001',
      enterprise: { name: '测试燃气公司' },
      amountFen: 10000,
      amountInWords: '壹佰元整',
      bill: { period: '2026-10' },
      operator: 'gas_agent',
      balanceAfterFen: 5230,
    });
    expect(r.json().customer.address).toContain('张店区');
  });

  it('G-6.2.8: receipt numbers restart each month and stay unique and ordered', async () => {
    w.t.setNow(new Date('2026-12-01T01:00:00Z'));
    await w.relogin();
    const p = await w.pay('gas_agent', { customerId: cust, amountFen: 100 });
    expect(p.receiptNo).toBe('SJ202612000001');
    w.t.setNow(new Date('2026-11-26T02:00:00Z'));
    await w.relogin();
    const q = await w.pay('gas_agent', { customerId: cust, amountFen: 100 });
    expect(q.receiptNo).toBe('SJ202611000003');
  });

  it('idempotency: a repeated key records one payment and answers 200 with the same receipt', async () => {
    const key = newKey();
    const body = { customerId: cust, amountFen: 888, idempotencyKey: key };
    const first = await w.pay('gas_agent', body, 201);
    const before = await w.count('select count(*)::int as n from payments');
    const again = await w.pay('gas_agent', body, 200);
    expect(again).toMatchObject({ id: first.id, receiptNo: first.receiptNo, replayed: true });
    expect(await w.count('select count(*)::int as n from payments')).toBe(before);
    // Double click: two submissions at once still record one.
    const key2 = newKey();
    const both = await Promise.all(
      [1, 2].map(() =>
        w.call('gas_agent', 'POST', '/payments', {
          ...body,
          idempotencyKey: key2,
          sector: 'gas',
          channel: 'counter',
        }),
      ),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(both.map((r) => r.json().receiptNo)).size).toBe(1);
  });

  it('idempotency: the same key with a different body is a 409 conflict and writes nothing', async () => {
    const key = newKey();
    await w.pay('gas_agent', { customerId: cust, amountFen: 500, idempotencyKey: key });
    const before = await w.count('select count(*)::int as n from ledger_entries');
    const res = await w.call('gas_agent', 'POST', '/payments', {
      customerId: cust,
      sector: 'gas',
      channel: 'counter',
      amountFen: 501,
      idempotencyKey: key,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().details.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await w.count('select count(*)::int as n from ledger_entries')).toBe(before);
  });

  it('idempotency: the Idempotency-Key header is accepted; no key at all is refused', async () => {
    const key = newKey();
    const send = () =>
      w.t.app.inject({
        method: 'POST',
        url: '/api/payments',
        headers: { 'idempotency-key': key },
        payload: { customerId: cust, sector: 'gas', channel: 'counter', amountFen: 300 },
      });
    const cookie = w.cookies.gas_agent!;
    const withCookie = () =>
      w.t.app.inject({
        method: 'POST',
        url: '/api/payments',
        headers: { cookie, 'idempotency-key': key },
        payload: { customerId: cust, sector: 'gas', channel: 'counter', amountFen: 300 },
      });
    expect((await send()).statusCode).toBe(401);
    const a = await withCookie();
    const b = await withCookie();
    expect([a.statusCode, b.statusCode]).toEqual([201, 200]);
    expect(b.json().receiptNo).toBe(a.json().receiptNo);
    const none = await w.call('gas_agent', 'POST', '/payments', {
      customerId: cust,
      sector: 'gas',
      channel: 'counter',
      amountFen: 300,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('bad input and scoping', () => {
  it('bad input: amounts in whole positive fen, strict body, known channel — 400 and nothing written', async () => {
    const before = await w.count('select count(*)::int as n from payments');
    for (const body of [
      { amountFen: 0 },
      { amountFen: 12.5 },
      { amountFen: -100 },
      { amountFen: 100, channel: 'cash_in_envelope' },
      { amountFen: 100, surprise: true },
      { amountFen: 100, sector: 'water' },
      { amountFen: 100, customerId: 'not-a-uuid' },
    ]) {
      const res = await w.call('gas_agent', 'POST', '/payments', {
        customerId: cust,
        sector: 'gas',
        channel: 'counter',
        idempotencyKey: newKey(),
        ...body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().messages.zh).toBeTruthy();
    }
    expect(await w.count('select count(*)::int as n from payments')).toBe(before);
  });

  it('bad input: a bill of another customer, a heating sector on a gas account, a top-up without meter — 422', async () => {
    const other = await w.customer();
    const { bill } = await w.bill(other, {
      period: '2026-09',
      amountFen: 100,
      issuedOn: '2026-10-01',
      dueDate: '2026-10-11',
    });
    const cases: [Record<string, unknown>, string][] = [
      [{ billId: bill.id }, 'PAYMENT_BILL_NOT_OF_CUSTOMER'],
      [{ sector: 'heating' }, 'PAYMENT_SECTOR_MISMATCH'],
      [{ channel: 'prepaid_topup' }, 'PAYMENT_METER_REQUIRED'],
    ];
    for (const [body, code] of cases) {
      const res = await w.call('gas_agent', 'POST', '/payments', {
        customerId: cust,
        sector: 'gas',
        channel: 'counter',
        amountFen: 100,
        idempotencyKey: newKey(),
        ...body,
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe(code);
    }
  });

  it('scoping: another enterprise cannot pay into, list or read this account’s payments; the regulator reads', async () => {
    const p = await w.pay('gas_agent', { customerId: cust, amountFen: 123 });
    const res = await w.call('heat_agent', 'POST', '/payments', {
      customerId: cust,
      sector: 'gas',
      channel: 'counter',
      amountFen: 100,
      idempotencyKey: newKey(),
    });
    expect(res.statusCode).toBe(404);
    expect((await w.call('heat_agent', 'GET', `/payments/${p.id}/receipt`)).statusCode).toBe(404);
    expect((await w.call('heat_agent', 'GET', '/payments')).json().total).toBe(0);
    expect((await w.call('reg', 'GET', `/payments/${p.id}/receipt`)).statusCode).toBe(200);
    const reg = await w.call('reg', 'POST', '/payments', {
      customerId: cust,
      sector: 'gas',
      channel: 'counter',
      amountFen: 100,
      idempotencyKey: newKey(),
    });
    expect(reg.statusCode).toBe(403);
    expect(
      (
        await w.call('gas_tech', 'POST', '/payments', {
          customerId: cust,
          sector: 'gas',
          channel: 'counter',
          amountFen: 100,
          idempotencyKey: newKey(),
        })
      ).statusCode,
    ).toBe(403);
    const list = (await w.call('gas_agent', 'GET', `/payments?customerId=${cust}`)).json();
    expect(list.items.every((i: { customerId: string }) => i.customerId === cust)).toBe(true);
    expect(list.total).toBeGreaterThan(3);
  });
});

describe('WeChat / Alipay through the test gateway', () => {
  it('G-6.2.8: an order, a signed callback, one payment however often the callback is replayed', async () => {
    const order = await w.call('gas_agent', 'POST', '/payments/gateway/orders', {
      customerId: cust,
      sector: 'gas',
      channel: 'wechat',
      amountFen: 4567,
    });
    expect(order.statusCode, order.body).toBe(201);
    const cb = await w.call('gas_agent', 'POST', '/payments/gateway/simulate', {
      ...order.json(),
      qrText: undefined,
    });
    expect(cb.statusCode, cb.body).toBe(200);
    const before = await w.count('select count(*)::int as n from payments');
    const post = (body: object) =>
      w.t.app.inject({ method: 'POST', url: '/api/payments/callback/wechat', payload: body });
    const first = await post(cb.json());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ channel: 'wechat', amountFen: 4567, replayed: false });
    expect(first.json().externalRef).toMatch(/^WX/);
    const replay = await post(cb.json());
    expect(replay.json()).toMatchObject({ id: first.json().id, replayed: true });
    expect(await w.count('select count(*)::int as n from payments')).toBe(before + 1);
    const receipt = (await w.call('gas_agent', 'GET', `/payments/${first.json().id}/receipt`)).json();
    expect(receipt.operator).toContain('online');
  });

  it('a callback with a bad signature or a tampered amount records nothing', async () => {
    const order = (
      await w.call('gas_agent', 'POST', '/payments/gateway/orders', {
        customerId: cust,
        sector: 'gas',
        channel: 'alipay',
        amountFen: 1000,
      })
    ).json();
    const cb = (
      await w.call('gas_agent', 'POST', '/payments/gateway/simulate', {
        channel: 'alipay',
        outTradeNo: order.outTradeNo,
        amountFen: 1000,
        attach: order.attach,
      })
    ).json();
    const before = await w.count('select count(*)::int as n from payments');
    const post = (body: object) =>
      w.t.app.inject({ method: 'POST', url: '/api/payments/callback/alipay', payload: body });
    const tampered = await post({ ...cb, amountFen: 1 });
    expect(tampered.statusCode).toBe(422);
    expect(tampered.json().code).toBe('PAYMENT_CALLBACK_SIGNATURE');
    const forged = {
      ...cb,
      tradeNo: 'ALIFORGED0001',
      signature: signCallback({ ...cb, tradeNo: 'ALIFORGED0001' }, 'wrong-secret'),
    };
    expect((await post(forged)).statusCode).toBe(422);
    expect((await post({ ...cb, signature: 'zz' })).statusCode).toBe(400);
    expect(await w.count('select count(*)::int as n from payments')).toBe(before);
  });
});

describe('prepaid meters', () => {
  it('G-6.2.2: a top-up credits the prepaid meter and the ledger; a draw below the alarm level queues one alarm', async () => {
    const m = await w.meter(cust, {
      prepaid: true,
      lowBalanceAlarmFen: 2000,
      overdraftLimitFen: 1000,
      prepaidBalanceFen: 0,
    });
    const top = await w.pay('gas_agent', {
      customerId: cust,
      channel: 'prepaid_topup',
      meterId: m.id,
      amountFen: 5000,
    });
    expect(top.prepaidBalanceFen).toBe(5000);
    const bal = await w.balance(cust);
    const draw = (amountFen: number, ref: string) =>
      w.call('gas_billing', 'POST', `/prepaid/${m.id}/draws`, { amountFen, ref });
    expect((await draw(2500, 'draw-0001')).json()).toMatchObject({ balanceFen: 2500, alarm: false });
    expect((await draw(1000, 'draw-0002')).json()).toMatchObject({ balanceFen: 1500, alarm: true });
    expect((await draw(1000, 'draw-0002')).json()).toMatchObject({ balanceFen: 1500, replayed: true });
    expect((await draw(500, 'draw-0003')).json()).toMatchObject({ balanceFen: 1000, alarm: false });
    const alarms = await w.count(
      `select count(*)::int as n from notifications where kind = 'prepaid_low_balance' and ref_id = '${m.id}'`,
    );
    expect(alarms).toBe(1);
    expect(await w.balance(cust)).toBe(bal + 4000);
  });

  it('G-6.2.2: a limited overdraft is allowed, beyond it the draw is refused and nothing changes', async () => {
    const m = await w.meter(cust, {
      prepaid: true,
      lowBalanceAlarmFen: 500,
      overdraftLimitFen: 1000,
      prepaidBalanceFen: 300,
    });
    const ok = await w.call('gas_billing', 'POST', `/prepaid/${m.id}/draws`, {
      amountFen: 1300,
      ref: 'od-000001',
    });
    expect(ok.json()).toMatchObject({ balanceFen: -1000, inOverdraft: true });
    const refused = await w.call('gas_billing', 'POST', `/prepaid/${m.id}/draws`, {
      amountFen: 1,
      ref: 'od-000002',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('PREPAID_OVERDRAFT_EXCEEDED');
    const top = await w.pay('gas_agent', {
      customerId: cust,
      channel: 'prepaid_topup',
      meterId: m.id,
      amountFen: 3000,
    });
    expect(top.prepaidBalanceFen).toBe(2000);
    const notPrepaid = await w.meter(cust);
    const res = await w.call('gas_agent', 'POST', '/payments', {
      customerId: cust,
      sector: 'gas',
      channel: 'prepaid_topup',
      meterId: notPrepaid.id,
      amountFen: 100,
      idempotencyKey: newKey(),
    });
    expect(res.json().code).toBe('PAYMENT_METER_NOT_PREPAID');
  });
});

describe('bank collection file', () => {
  it('G-6.2.8: each line becomes a bank payment with a receipt; a re-imported line is a duplicate; a bad line is reported', async () => {
    const acct = (await w.call('gas_agent', 'GET', `/customers/${cust}`)).json().account.accountNo;
    const rows = [
      { accountNo: acct, amountFen: 3300, bankRef: 'ICBC-20261125-0001', paidOn: '2026-11-25' },
      { accountNo: 'NO-SUCH-ACCT', amountFen: 100, bankRef: 'ICBC-20261125-0002', paidOn: '2026-11-25' },
    ];
    const first = await w.call('gas_billing', 'POST', '/payments/bank-import', { rows });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ recorded: 1, duplicates: 0, errors: 1 });
    expect(first.json().rows[1].error).toContain('NO-SUCH-ACCT');
    const again = await w.call('gas_billing', 'POST', '/payments/bank-import', { rows: rows.slice(0, 1) });
    expect(again.json()).toMatchObject({ recorded: 0, duplicates: 1 });
    expect(again.json().rows[0].receiptNo).toBe(first.json().rows[0].receiptNo);
    expect((await w.call('gas_agent', 'POST', '/payments/bank-import', { rows })).statusCode).toBe(403);
    expect((await w.call('gas_billing', 'POST', '/payments/bank-import', { rows: [] })).statusCode).toBe(400);
  });
});
