import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toOnSite } from '../../service/workorders/testing.ts';
import { residentWorld, type ResidentWorld } from '../testing.ts';

// G-5.8.3: the resident is told of each step of an order on his account — an SMS through the outbox at dispatch,
// acceptance and completion, and unread notices on his home page until he has looked.

let w: ResidentWorld;
beforeAll(async () => {
  w = await residentWorld();
  w.at('2026-12-01 09:00');
  await w.bind('gas_resident', 'RQ0001', '李秀英', '0001');
}, 60_000);
afterAll(() => w.close());

const stepSms = (phone: string) =>
  w.count(
    `select count(*)::int as n from notifications where kind = 'work_order_step' and channel = 'sms' and recipient = '${phone}'`,
  );

describe('step notices', () => {
  it('G-5.8.3 each step of the resident’s order is sent by SMS and shown unread on his home page until seen', async () => {
    const filed = await w.call('gas_resident', 'POST', '/resident/reports', {
      customerId: w.customers.gas,
      kind: 'repair',
      description: '燃气灶打不着火',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id;
    w.at('2026-12-01 09:30');
    await toOnSite(w, id);
    w.at('2026-12-01 11:00');
    await w.act('gas_tech', id, {
      type: 'completed',
      record: { result: '清理灶具', onSite: true, signatureRefusedReason: '用户不在家' },
    });
    expect(await stepSms('13905330001')).toBe(3);
    expect(await w.lastSms('13905330001')).toMatch(/工单 .+ 已处理完毕，欢迎在线评价/);

    const notices = (await w.call('gas_resident', 'GET', '/resident/step-notices')).json();
    expect(notices.unread).toBe(3);
    expect(notices.items.map((i: { type: string }) => i.type)).toEqual([
      'completed',
      'accepted',
      'dispatched',
    ]);
    expect(notices.items[0]).toMatchObject({ orderId: id, unread: true });
    w.at('2026-12-01 12:00');
    const seen = (await w.call('gas_resident', 'POST', '/resident/step-notices/seen')).json();
    expect(seen.unread).toBe(0);
    expect(seen.items).toHaveLength(3);
  });

  it('G-5.8.1 nobody is told of an order on an account no resident has bound, and a resident sees no other household’s steps', async () => {
    const order = await w.create('gas_agent', {
      itemCode: 'gas_repair',
      channel: 'phone',
      callerName: '王建国',
      customerId: w.customers.gas2,
      description: '表后阀漏气味',
    });
    await w.act('gas_dispatcher', order.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    expect(await stepSms('13905330002')).toBe(0);
    expect((await w.call('gas_resident2', 'GET', '/resident/step-notices')).json()).toEqual({
      unread: 0,
      items: [],
    });
    const mine = (await w.call('gas_resident', 'GET', '/resident/step-notices')).json();
    expect(mine.items.map((i: { orderId: string }) => i.orderId)).not.toContain(order.id);
  });
});
