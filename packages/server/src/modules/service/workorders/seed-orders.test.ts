import {
  catalogueFor,
  evaluateOrderClocks,
  replayWorkOrder,
  type ServiceEnterpriseKind,
} from '@ranre/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCustomers } from '../../../demo/seed-customers.ts';
import { seedOrders } from '../../../demo/seed-orders.ts';
import { runDeadlineWatcher } from '../../../jobs/deadline-watcher.ts';
import { buildTestApp, createUser, seedTestWorld, type TestApp } from '../../../testing/harness.ts';
import { toLogEntry, type EventRow } from './order-log.ts';

const NOW = new Date('2026-11-26T06:00:00Z');
let t: TestApp;
let world: Awaited<ReturnType<typeof seedTestWorld>>;

async function demoWorld(app: TestApp, withCustomers: boolean) {
  const w = await seedTestWorld(app.database);
  for (const [e, name, role] of [
    ['gas', 'gas_dispatcher', 'dispatcher'],
    ['gas', 'gas_tech', 'technician'],
    ['gas', 'resident', 'resident'],
    ['heat', 'heat_dispatcher', 'dispatcher'],
    ['heat', 'heat_tech', 'technician'],
  ] as const) {
    await createUser(app.database, w[e].id, name, role);
  }
  const enterprises = [w.regulator, w.gas, w.heat];
  if (withCustomers) await app.database.db.transaction((tx) => seedCustomers(tx, enterprises, NOW));
  const summary = await app.database.db.transaction((tx) => seedOrders(tx, { enterprises }, NOW));
  return { w, summary };
}

const rows = async (app: TestApp, sql: string, values: unknown[] = []) =>
  (await app.database.executeSql(sql, values)).rows;

beforeAll(async () => {
  t = await buildTestApp();
  t.setNow(NOW);
  world = (await demoWorld(t, true)).w;
});
afterAll(() => t.close());

describe('demo work orders (seedOrders)', () => {
  it('a month of orders for the first gas and heating company, using every item they offer', async () => {
    for (const e of [world.gas, world.heat]) {
      const used = await rows(t, 'select distinct item_code from work_orders where enterprise_id = $1', [
        e.id,
      ]);
      const offered = catalogueFor(e.kind as ServiceEnterpriseKind).map((i) => i.code);
      expect(used.map((r) => r.item_code).sort()).toEqual([...offered].sort());
      const [span] = await rows(
        t,
        `select count(*)::int as n, min(received_at) as first from work_orders where enterprise_id = $1`,
        [e.id],
      );
      expect(Number(span!.n)).toBeGreaterThan(40);
      expect(NOW.getTime() - new Date(String(span!.first)).getTime()).toBeLessThan(31 * 24 * 3_600_000);
    }
    const states = (await rows(t, 'select distinct state from work_orders')).map((r) => r.state);
    expect(states).toEqual(
      expect.arrayContaining([
        'received',
        'dispatched',
        'accepted',
        'on_site',
        'completed',
        'feedback_given',
        'closed',
      ]),
    );
    const [mix] = await rows(
      t,
      `select count(*) filter (where breached)::int as breached,
              count(*) filter (where breached and state not in ('closed', 'cancelled'))::int as open_breached,
              count(*) filter (where external_ref is not null)::int as transfers,
              count(*) filter (where item_code = 'referral' and state = 'closed')::int as referrals,
              count(*) filter (where customer_id is not null)::int as linked,
              count(*)::int as total
       from work_orders`,
    );
    expect(mix).toMatchObject({ transfers: 2, referrals: 2 });
    expect(Number(mix!.open_breached)).toBeGreaterThanOrEqual(3);
    expect(Number(mix!.linked)).toBe(Number(mix!.total)); // callers are the seeded customers
    const complaints = await rows(t, 'select responsibility, flagged, repeat_count from complaints');
    expect(complaints.map((c) => c.responsibility)).toEqual(
      expect.arrayContaining(['responsible', 'non_responsible', 'undecided']),
    );
    expect(complaints.filter((c) => c.flagged)).toHaveLength(1);
    const revisited = await rows(
      t,
      `select count(*)::int as n from work_order_events where type = 'redispatched'`,
    );
    expect(Number(revisited[0]!.n)).toBeGreaterThanOrEqual(2);
  });

  it('every projection and stored clock is what replaying its events gives', async () => {
    const orders = await rows(t, 'select * from work_orders');
    const events = (await t.database.db.query.workOrderEvents.findMany()) as EventRow[];
    const calendar = await t.ctx.calendar.current();
    const clocks = await rows(t, 'select order_id, name, state from work_order_clocks');
    for (const o of orders) {
      const log = events
        .filter((e) => e.orderId === o.id)
        .sort((a, b) => a.id - b.id)
        .map(toLogEntry);
      const order = replayWorkOrder(log);
      expect(
        { state: order.state, owner: order.owner ?? null, assignee: order.assignee ?? null },
        String(o.order_no),
      ).toEqual({ state: o.state, owner: o.owner_id, assignee: o.assignee_id });
      const live = evaluateOrderClocks(
        String(o.item_code),
        log.map((e) => e.event),
        NOW,
        calendar,
      );
      const stored = clocks.filter((c) => c.order_id === o.id);
      expect(stored.map((c) => `${c.name}:${c.state}`).sort(), String(o.order_no)).toEqual(
        live.map((c) => `${c.name}:${c.state}`).sort(),
      );
      expect(Boolean(o.breached)).toBe(live.some((c) => c.breachedAt));
    }
    // The signed records have their signatures (G-5.9.7).
    const [unsigned] = await rows(
      t,
      `select count(*)::int as n from work_order_events e where e.type = 'completed'
         and (e.payload->'record'->>'signature') = 'true'
         and not exists (select 1 from attachments a where a.order_id = e.order_id and a.kind = 'signature')`,
    );
    expect(unsigned!.n).toBe(0);
  });

  it('the demo resident sees his own orders; the watcher and the detail page run over the demo month', async () => {
    const cookie = await t.login('resident');
    const mine = await t.app.inject({ url: '/api/work-orders', headers: { cookie } });
    expect(mine.json().items.length).toBeGreaterThanOrEqual(2);
    const result = await runDeadlineWatcher(t.ctx, NOW);
    expect(result.breaches).toBeGreaterThanOrEqual(3);
    const admin = await t.login('gas_admin');
    const board = await t.app.inject({ url: '/api/work-orders/board', headers: { cookie: admin } });
    expect(board.statusCode).toBe(200);
    for (const o of board.json().items.slice(0, 5)) {
      const d = await t.app.inject({ url: `/api/work-orders/${o.id}`, headers: { cookie: admin } });
      expect(d.statusCode, d.body).toBe(200);
    }
  });

  it('is deterministic, and works before any customer exists (callers without accounts)', async () => {
    const other = await buildTestApp();
    try {
      const { summary } = await demoWorld(other, false);
      expect(summary.orders).toBeGreaterThan(80);
      const list = async (app: TestApp) =>
        (
          await rows(app, 'select order_no, item_code, state, received_at from work_orders order by order_no')
        ).map(
          (r) => `${r.order_no} ${r.item_code} ${r.state} ${new Date(String(r.received_at)).toISOString()}`,
        );
      expect(await list(other)).toEqual(await list(t));
      const [linked] = await rows(
        other,
        'select count(*)::int as n from work_orders where customer_id is not null',
      );
      expect(linked!.n).toBe(0);
    } finally {
      await other.close();
    }
  });
});
