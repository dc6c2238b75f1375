import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineWatcher } from '../../../jobs/deadline-watcher.ts';
import { orderWorld, type Detail, type OrderWorld } from './testing.ts';

// H-7.3.9: "对热用户供热设施跑、冒、滴、漏等问题的求助，供热经营企业必须在接到求助后的 0.5 h 内回复热用户，并应与其约定上门
// 服务时间." The reply clock stops only when a visit time is agreed; the agreed time then drives the on-site clock.

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const clock = (d: Detail, name: string) => d.clocks.find((c: { name: string }) => c.name === name);
const leak = {
  itemCode: 'heating_leak',
  channel: 'phone',
  callerName: '赵淑芬',
  callerPhone: '13905330003',
  description: '卧室暖气片跑水，已关闭进水阀',
};

describe('heating leak calls', () => {
  it('H-7.3.9: a leak call answered with an agreed visit time within 0.5 h meets the clock; the agreed time is recorded and shown', async () => {
    w.at('2026-11-26 21:40');
    const o = await w.create('heat_agent', { ...leak, customerId: w.customers.heat });
    expect(clock(o, 'reply')).toMatchObject({
      clause: 'H-7.3.9',
      state: 'running',
      dueText: '2026-11-26 22:10',
    });
    expect(o.nextDueAt).toBe('2026-11-26T14:10:00.000Z');
    w.at('2026-11-26 22:05');
    const d = await w.act('heat_agent', o.id, {
      type: 'appointment_agreed',
      agreedAt: '2026-11-27T08:30:00+08:00',
    });
    expect(clock(d, 'reply')).toMatchObject({ state: 'met', stoppedAt: '2026-11-26T14:05:00.000Z' });
    expect(d.agreedAt).toBe('2026-11-27T00:30:00.000Z');
    expect(clock(d, 'on_site')).toMatchObject({ state: 'running', dueText: '2026-11-27 08:30' });
    // the same through the list every desk reads
    const list = (await w.call('heat_dispatcher', 'GET', '/work-orders?state=open')).json().items as Detail[];
    expect(list.find((x) => x.id === o.id)).toMatchObject({ agreedAt: '2026-11-27T00:30:00.000Z' });
    const stored = await w.t.database.executeSql(
      `select state from work_order_clocks where order_id = $1 and name = 'reply'`,
      [o.id],
    );
    expect(stored.rows[0]).toMatchObject({ state: 'met' });
  });

  it('H-7.3.9: calling back without agreeing a visit time does not stop the 0.5 h clock; the watcher breaches it', async () => {
    w.at('2026-11-26 09:00');
    const o = await w.create('heat_agent', { ...leak, callerPhone: '13905336666' });
    w.at('2026-11-26 09:10');
    const d = await w.act('heat_agent', o.id, { type: 'customer_contacted', note: '已回电，指导关阀' });
    expect(clock(d, 'reply')).toMatchObject({ state: 'running' });
    await runDeadlineWatcher(w.t.ctx, new Date('2026-11-26T01:31:00Z'));
    expect((await w.get('heat_admin', o.id)).clocks.find((c: Detail) => c.name === 'reply').state).toBe(
      'breached',
    );
    const alerts = await w.count(
      `select count(*)::int as n from clock_alerts where order_id = '${o.id}' and clock = 'reply' and kind = 'breach'`,
    );
    expect(alerts).toBe(1);
  });

  it('H-7.3.9: a visit time that is not a date is refused, and nothing changes', async () => {
    w.at('2026-11-26 10:00');
    const o = await w.create('heat_agent', { ...leak, callerPhone: '13905337777' });
    const res = await w.tryAct('heat_agent', o.id, { type: 'appointment_agreed', agreedAt: '明天上午' });
    expect(res.statusCode).toBe(400);
    expect((await w.get('heat_agent', o.id)).agreedAt).toBeNull();
  });
});
