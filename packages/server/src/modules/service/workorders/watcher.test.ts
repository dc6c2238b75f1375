import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineWatcher, warningThreshold } from '../../../jobs/deadline-watcher.ts';
import { orderWorld, repair, type OrderWorld } from './testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const alerts = async (orderId: string) =>
  (
    await w.t.database.executeSql(
      `select clock, kind, due_at from clock_alerts where order_id = $1 order by id`,
      [orderId],
    )
  ).rows.map((r) => `${r.kind}:${r.clock}`);

describe('the deadline watcher (H-7.3.5)', () => {
  it('warns before a due and escalates after it, each exactly once however often it runs', async () => {
    const received = w.at('2026-03-02 10:00');
    const o = await w.create('gas_agent', repair());
    const at = (minutes: number) => new Date(received.getTime() + minutes * 60_000);

    // The 0.5 h response clock warns at 15 min left; the 24 h on-site clock not yet (it warns at 20 %).
    expect(await runDeadlineWatcher(w.t.ctx, at(10))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await runDeadlineWatcher(w.t.ctx, at(16))).toMatchObject({ orders: 1, warnings: 1, breaches: 0 });
    expect(await runDeadlineWatcher(w.t.ctx, at(16))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await runDeadlineWatcher(w.t.ctx, at(25))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await alerts(o.id)).toEqual(['warning:response']);

    expect(await runDeadlineWatcher(w.t.ctx, at(31))).toMatchObject({ warnings: 0, breaches: 1 });
    expect(await runDeadlineWatcher(w.t.ctx, at(31))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await runDeadlineWatcher(w.t.ctx, at(45))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await alerts(o.id)).toEqual(['warning:response', 'breach:response']);
    const stored = await w.t.database.executeSql(
      `select o.breached, c.state from work_orders o join work_order_clocks c on c.order_id = o.id
       where o.id = $1 and c.name = 'response'`,
      [o.id],
    );
    expect(stored.rows[0]).toEqual({ breached: true, state: 'breached' });

    // 20 % of 24 h = 288 min before the on-site due (2026-03-03 10:00).
    expect(await runDeadlineWatcher(w.t.ctx, at(24 * 60 - 289))).toMatchObject({ warnings: 0 });
    expect(await runDeadlineWatcher(w.t.ctx, at(24 * 60 - 287))).toMatchObject({ warnings: 1 });
    expect(await runDeadlineWatcher(w.t.ctx, at(24 * 60 + 1))).toMatchObject({ breaches: 1 });
    expect(await runDeadlineWatcher(w.t.ctx, at(24 * 60 + 1))).toMatchObject({ warnings: 0, breaches: 0 });
    expect(await alerts(o.id)).toEqual([
      'warning:response',
      'breach:response',
      'warning:on_site',
      'breach:on_site',
    ]);

    // The alerts, scoped, in the caller's language, acknowledged once.
    const list = await w.call('gas_dispatcher', 'GET', '/alerts?unacknowledged=true');
    expect(list.json().items).toHaveLength(4);
    expect(list.json().items[0]).toMatchObject({ orderNo: o.orderNo, kind: 'breach', clock: 'on_site' });
    expect(list.json().items[0].message).toContain('逾期');
    expect((await w.call('heat_agent', 'GET', '/alerts')).json().items).toHaveLength(0);
    const id = list.json().items[0].id;
    expect((await w.call('heat_agent', 'POST', `/alerts/${id}/ack`)).statusCode).toBe(404);
    const ack = await w.call('gas_dispatcher', 'POST', `/alerts/${id}/ack`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect((await w.call('gas_dispatcher', 'GET', '/alerts?unacknowledged=true')).json().items).toHaveLength(
      3,
    );
  });

  it('respects the working calendar: a gas complaint received before National Day is neither warned nor breached during the holiday', async () => {
    // Received 2026-09-30 10:00: 5 working days end 2026-10-13 24:00 (the holiday and a weekend day skipped).
    w.at('2026-09-30 10:00');
    const o = await w.create('gas_agent', {
      itemCode: 'gas_complaint',
      channel: 'phone',
      callerName: '王建国',
      description: '投诉',
      complaintCategory: 'attitude',
    });
    expect(o.clocks[0].dueText).toBe('2026-10-13 24:00');
    await runDeadlineWatcher(w.t.ctx, new Date('2026-10-07T02:00:00Z'));
    expect(await alerts(o.id)).toEqual([]);
    await runDeadlineWatcher(w.t.ctx, new Date('2026-10-12T02:00:00Z'));
    expect(await alerts(o.id)).toEqual(['warning:answer']);
    await runDeadlineWatcher(w.t.ctx, new Date('2026-10-13T15:59:00Z'));
    expect(await alerts(o.id)).toEqual(['warning:answer']);
    await runDeadlineWatcher(w.t.ctx, new Date('2026-10-13T16:01:00Z'));
    expect(await alerts(o.id)).toEqual(['warning:answer', 'breach:answer']);
  });

  it('short clocks warn at 30 minutes left, at most half their span; longer ones at 20 %', () => {
    expect(warningThreshold(30)).toBe(15);
    expect(warningThreshold(120)).toBe(30);
    expect(warningThreshold(240)).toBe(48);
    expect(warningThreshold(1440)).toBe(288);
  });
});
