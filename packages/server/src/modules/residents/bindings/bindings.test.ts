import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendQueuedNotifications } from '../../platform/notifications/notifications.service.ts';
import { RecordingAdapter } from '../../platform/notifications/channel-adapters.ts';
import { residentWorld, type ResidentWorld } from '../testing.ts';

// G-5.8.1 / H-7.5.2 self-service starts with binding an account; G-5.7.6 / H-7.5.3 keep every other household's
// data away from the resident; G-5.8.3 the code goes out through the SMS channel.

let w: ResidentWorld;
beforeAll(async () => {
  w = await residentWorld();
  w.at('2026-12-01 10:00');
});
afterAll(() => w.close());

const start = (who: string, body: Record<string, unknown>) => w.call(who, 'POST', '/resident/bindings', body);

describe('binding an account', () => {
  it('G-5.8.1 an account is the resident’s only after name, phone digits and the SMS code all check', async () => {
    // Before binding, the account's orders and details are not his, even though it exists.
    expect((await w.call('gas_resident', 'GET', '/resident/accounts')).json().items).toEqual([]);
    expect((await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}`)).statusCode).toBe(
      404,
    );

    const wrongName = await start('gas_resident', {
      accountNo: 'RQ0001',
      name: '王建国',
      phoneLast4: '0001',
    });
    expect(wrongName.json().code).toBe('BINDING_DETAILS_MISMATCH');
    const unknown = await start('gas_resident', { accountNo: 'NOPE', name: '李秀英', phoneLast4: '0001' });
    // An unknown account is answered exactly as a wrong name: nothing tells which accounts exist.
    expect(unknown.json()).toEqual(wrongName.json());

    const req = await start('gas_resident', { accountNo: 'RQ0001', name: '李秀英', phoneLast4: '0001' });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({ sentTo: '139****0001', maxAttempts: 5 });
    // G-5.8.3: the code went to the phone on file through the SMS outbox; only its hash is stored.
    const sms = await w.lastSms('13905330001');
    const code = /验证码 (\d{6})/.exec(sms!)![1]!;
    const stored = await w.t.database.executeSql(
      'select code_hash from resident_binding_requests where id = $1',
      [req.json().id],
    );
    expect(String(stored.rows[0]!.code_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(String(stored.rows[0]!.code_hash)).not.toContain(code);
    const adapters = { sms: new RecordingAdapter('sms-test') };
    await sendQueuedNotifications(w.t.database, w.t.ctx.now(), adapters);
    expect(adapters.sms.sent.find((m) => m.recipient === '13905330001')?.body).toContain(code);

    // Another resident cannot use this request's code.
    const other = await w.call('gas_resident2', 'POST', `/resident/bindings/${req.json().id}/confirm`, {
      code,
    });
    expect(other.json().code).toBe('BINDING_CODE_SPENT');
    const ok = await w.call('gas_resident', 'POST', `/resident/bindings/${req.json().id}/confirm`, { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ accountNo: 'RQ0001', sector: 'gas' });
    expect((await w.call('gas_resident', 'GET', '/resident/accounts')).json().items).toHaveLength(1);
    // A used code cannot bind again.
    const again = await w.call('gas_resident', 'POST', `/resident/bindings/${req.json().id}/confirm`, {
      code,
    });
    expect(again.json().code).toBe('BINDING_CODE_SPENT');
  });

  it('G-5.8.1 a code expires after 10 minutes and is spent after 5 wrong tries', async () => {
    w.at('2026-12-01 11:00');
    const a = (
      await start('gas_resident2', { accountNo: 'RQ0002', name: '王建国', phoneLast4: '0002' })
    ).json();
    const code = /验证码 (\d{6})/.exec((await w.lastSms('13905330002'))!)![1]!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 4; i >= 1; i--) {
      const r = await w.call('gas_resident2', 'POST', `/resident/bindings/${a.id}/confirm`, { code: wrong });
      expect(r.json()).toMatchObject({ code: 'BINDING_CODE_WRONG', details: { triesLeft: i } });
    }
    await w.call('gas_resident2', 'POST', `/resident/bindings/${a.id}/confirm`, { code: wrong });
    const spent = await w.call('gas_resident2', 'POST', `/resident/bindings/${a.id}/confirm`, { code });
    expect(spent.json().code).toBe('BINDING_CODE_SPENT');

    const b = (
      await start('gas_resident2', { accountNo: 'RQ0002', name: '王建国', phoneLast4: '0002' })
    ).json();
    const code2 = /验证码 (\d{6})/.exec((await w.lastSms('13905330002'))!)![1]!;
    w.at('2026-12-01 11:10:30');
    const late = await w.call('gas_resident2', 'POST', `/resident/bindings/${b.id}/confirm`, { code: code2 });
    expect(late.json().code).toBe('BINDING_CODE_EXPIRED');
    expect((await w.call('gas_resident2', 'GET', '/resident/accounts')).json().items).toEqual([]);
  });

  it('G-5.8.1 at most 5 binding requests an hour (each sends an SMS)', async () => {
    w.at('2026-12-01 14:00');
    for (let i = 0; i < 5; i++) {
      await start('gas_resident2', { accountNo: 'XX01', name: '某某', phoneLast4: '1234' });
    }
    const sixth = await start('gas_resident2', { accountNo: 'RQ0002', name: '王建国', phoneLast4: '0002' });
    expect(sixth.statusCode).toBe(429);
  });

  it('G-5.7.6 a resident never sees another household: account, bills, notice, payment, orders', async () => {
    w.at('2026-12-02 09:00');
    const bill = await w.bill(w.customers.gas, '2026-11', 8800);
    const mine = await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const order = await w.call('gas_resident', 'POST', '/resident/reports', {
      customerId: w.customers.gas,
      kind: 'repair',
      description: '燃气灶打不着火',
    });
    expect(order.statusCode, order.body).toBe(201);

    const other = 'gas_resident2';
    const urls = [
      `/resident/accounts/${w.customers.gas}`,
      `/resident/accounts/${w.customers.gas}/bills/${bill}/notice.pdf`,
      `/resident/orders/${order.json().id}`,
    ];
    for (const url of urls) expect((await w.call(other, 'GET', url)).statusCode, url).toBe(404);
    const pay = await w.call(other, 'POST', `/resident/accounts/${w.customers.gas}/payments`, {
      billId: bill,
      channel: 'wechat',
    });
    expect(pay.statusCode).toBe(404);
    const report = await w.call(other, 'POST', '/resident/reports', {
      customerId: w.customers.gas,
      kind: 'repair',
      description: '冒充报修',
    });
    expect(report.statusCode).toBe(404);
    expect((await w.call(other, 'GET', '/resident/orders')).json().items).toEqual([]);
    // nor another's bill through his own bound account
    await w.bind('gas_resident2', 'RQ0002', '王建国', '0002');
    const cross = await w.call(
      other,
      'GET',
      `/resident/accounts/${w.customers.gas2}/bills/${bill}/notice.pdf`,
    );
    expect(cross.statusCode).toBe(404);
    // Unbinding ends access at once.
    const un = await w.call('gas_resident', 'DELETE', `/resident/accounts/${w.customers.gas}`);
    expect(un.statusCode, un.body).toBe(200);
    expect((await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}`)).statusCode).toBe(
      404,
    );
    expect((await w.call('gas_resident', 'GET', `/resident/orders/${order.json().id}`)).statusCode).toBe(200);
  });
});
