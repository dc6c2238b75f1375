import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOnSite } from '../../service/workorders/testing.ts';
import { residentWorld, type ResidentWorld } from '../testing.ts';

// The resident's own reports (G-5.8.1, H-7.5.2): a leak shows the advice first (G-6.2.13), a report becomes a work
// order on the staff's clocks, which the resident tracks, adds to, rates (G-5.9.8) and reopens (H-7.3.4).

let w: ResidentWorld;
beforeAll(async () => {
  w = await residentWorld();
  w.at('2026-12-01 09:00');
  await w.bind('gas_resident', 'RQ0001', '李秀英', '0001');
});
afterAll(() => w.close());

const report = (body: Record<string, unknown>) =>
  w.call('gas_resident', 'POST', '/resident/reports', { customerId: w.customers.gas, ...body });

describe('reports, tracking, rating and reopening', () => {
  it('G-6.2.13 the leak advice comes first: a leak is not filed until it was shown, then runs the 0.5 h on-site clock', async () => {
    const options = (await w.call('gas_resident', 'GET', '/resident/report-options')).json();
    expect(options.leakAdvice[0].zh).toContain('门窗通风');
    expect(options.leakAdvice.map((a: { zh: string }) => a.zh).join()).toContain('不要开关');
    expect(options.hotline).toBeTruthy();
    const unseen = await report({ kind: 'leak', description: '厨房有燃气味' });
    expect(unseen.json().code).toBe('LEAK_ADVICE_NOT_SHOWN');
    const filed = await report({ kind: 'leak', description: '厨房有燃气味', adviceSeen: true });
    expect(filed.statusCode, filed.body).toBe(201);
    const o = (await w.call('gas_resident', 'GET', `/resident/orders/${filed.json().id}`)).json();
    expect(o).toMatchObject({ state: 'received', customerId: w.customers.gas, canRate: false });
    expect(o.itemName.zh).toContain('泄漏');
    // The same clock an agent's leak call gets: on site within 0.5 h.
    expect(o.clocks[0]).toMatchObject({ clause: 'G-6.2.13', state: 'running', dueText: '2026-12-01 09:30' });
    expect(o.nextDueAt).toBe('2026-12-01T01:30:00.000Z');
    // Staff see the order on their board like any other.
    const staff = await w.get('gas_dispatcher', filed.json().id);
    expect(staff).toMatchObject({ channel: 'web', customerId: w.customers.gas });
  });

  it('G-5.9.8, H-7.3.4 the resident adds information, rates the finished work and reopens it within 7 days', async () => {
    w.at('2026-12-01 10:00');
    const id = (await report({ kind: 'repair', description: '燃气灶打不着火' })).json().id;
    const info = await w.call('gas_resident', 'POST', `/resident/orders/${id}/info`, { text: '下午在家' });
    expect(info.json().entries).toMatchObject([{ kind: 'info', text: '下午在家' }]);
    const early = await w.call('gas_resident', 'POST', `/resident/orders/${id}/rating`, { rating: 5 });
    expect(early.json().code).toBe('ORDER_NOT_DONE');
    expect(
      (await w.call('gas_resident', 'POST', `/resident/orders/${id}/reopen`, { reason: '还没修' })).json()
        .code,
    ).toBe('ORDER_NOT_DONE');

    await toOnSite(w, id);
    w.at('2026-12-01 15:00');
    await w.act('gas_tech', id, {
      type: 'completed',
      record: { result: '清理灶具', onSite: true, signatureRefusedReason: '用户不在家' },
    });
    const done = (await w.call('gas_resident', 'GET', `/resident/orders/${id}`)).json();
    expect(done).toMatchObject({
      state: 'completed',
      canRate: true,
      reopen: { allowed: true, reason: null },
    });
    expect(done.reopen.until).toBe('2026-12-08T16:00:00.000Z');
    expect(done.history.map((h: { type: string }) => h.type)).toEqual([
      'received',
      'dispatched',
      'accepted',
      'arrived_on_site',
      'completed',
    ]);

    const rated = await w.call('gas_resident', 'POST', `/resident/orders/${id}/rating`, {
      rating: 2,
      text: '没修好',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ canRate: false });
    const twice = await w.call('gas_resident', 'POST', `/resident/orders/${id}/rating`, { rating: 5 });
    expect(twice.statusCode).toBe(409);
    // The handlers see what the resident added and how he rated the work (G-5.9.8).
    expect((await w.get('gas_dispatcher', id)).residentEntries).toMatchObject([
      { kind: 'info', text: '下午在家' },
      { kind: 'rating', rating: 2, text: '没修好' },
    ]);

    w.at('2026-12-08 23:00');
    const reopened = await w.call('gas_resident', 'POST', `/resident/orders/${id}/reopen`, {
      reason: '灶具仍打不着火',
    });
    expect(reopened.statusCode, reopened.body).toBe(201);
    const fresh = (await w.call('gas_resident', 'GET', `/resident/orders/${reopened.json().id}`)).json();
    expect(fresh).toMatchObject({ state: 'received', customerId: w.customers.gas });
    expect(fresh.description).toContain('灶具仍打不着火');
    expect(fresh.clocks.length).toBeGreaterThan(0);
    const old = (await w.call('gas_resident', 'GET', `/resident/orders/${id}`)).json();
    expect(old.reopen).toMatchObject({ allowed: false, reason: 'already_reopened' });
    expect(old.entries.find((e: { kind: string }) => e.kind === 'reopen').reopenedOrderId).toBe(
      reopened.json().id,
    );
  });

  it('H-7.3.4 after the period the order can no longer be reopened', async () => {
    w.at('2026-12-10 09:00');
    const id = (await report({ kind: 'repair', description: '表后阀漏气味' })).json().id;
    await toOnSite(w, id);
    await w.act('gas_tech', id, {
      type: 'completed',
      record: { result: '紧固接头', onSite: true, signatureRefusedReason: '用户不在家' },
    });
    w.at('2026-12-18 00:00:01');
    const late = await w.call('gas_resident', 'POST', `/resident/orders/${id}/reopen`, {
      reason: '又有气味',
    });
    expect(late.json()).toMatchObject({
      code: 'REOPEN_PERIOD_OVER',
      details: { until: '2026-12-17T16:00:00.000Z' },
    });
  });

  it('H-7.1.7 a heating resident applies online to suspend heating; the order runs the committed time like a counter application', async () => {
    await w.bind('heat_resident', 'RL0001', '赵淑芬', '0003');
    const asks = (body: Record<string, unknown>) =>
      w.call('heat_resident', 'POST', '/resident/reports', { customerId: w.customers.heat, ...body });
    const filed = await asks({ kind: 'suspension', description: '房屋空置，申请本采暖季暂停供热' });
    expect(filed.statusCode, filed.body).toBe(201);
    const o = (await w.call('heat_resident', 'GET', `/resident/orders/${filed.json().id}`)).json();
    expect(o.itemName.zh).toContain('暂停');
    expect(o.clocks.length).toBeGreaterThan(0);
    expect(o.clocks.every((c: { state: string }) => ['running', 'not_started'].includes(c.state))).toBe(true);
    const staff = await w.get('heat_dispatcher', filed.json().id);
    expect(staff).toMatchObject({
      itemCode: 'heating_suspension',
      channel: 'web',
      customerId: w.customers.heat,
    });
    expect((await asks({ kind: 'resumption', description: '申请恢复供热' })).statusCode).toBe(201);
    // A gas account offers no heating suspension.
    const gas = await report({ kind: 'suspension', description: '暂停' });
    expect(gas.json()).toMatchObject({ code: 'REPORT_KIND_NOT_OFFERED', details: { field: 'kind' } });
  });

  it('G-5.8.1 the resident pays a bill of his bound account through the payment gateway', async () => {
    w.at('2026-12-20 09:00');
    const bill = await w.bill(w.customers.gas, '2026-11', 12345);
    const before = (await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}`)).json();
    expect(before.account.outstandingFen).toBe(12345);
    expect(before.bills[0]).toMatchObject({ id: bill, outstandingFen: 12345, hasNotice: true });
    expect(before.usage).toHaveLength(1);
    const pdf = await w.call(
      'gas_resident',
      'GET',
      `/resident/accounts/${w.customers.gas}/bills/${bill}/notice.pdf`,
    );
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const order = await w.call('gas_resident', 'POST', `/resident/accounts/${w.customers.gas}/payments`, {
      billId: bill,
      channel: 'wechat',
    });
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json()).toMatchObject({ amountFen: 12345, status: 'open', billId: bill });
    const paid = await w.call(
      'gas_resident',
      'POST',
      `/resident/payments/${order.json().outTradeNo}/demo-pay`,
    );
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid' });
    const after = (await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}`)).json();
    expect(after.account.outstandingFen).toBe(0);
    expect(after.payments[0]).toMatchObject({ amountFen: 12345 });
    const again = await w.call('gas_resident', 'POST', `/resident/accounts/${w.customers.gas}/payments`, {
      billId: bill,
      channel: 'wechat',
    });
    expect(again.json().code).toBe('BILL_ALREADY_PAID');
  });
});
