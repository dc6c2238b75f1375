import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, periodInstants } from '@ranre/domain';
import { sql } from 'drizzle-orm';
import { dutyShifts, staff } from '../../../db/schema.ts';
import { linkUserToStaff } from '../../../testing/harness.ts';
import { orderWorld, toOnSite, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';
import { clockCounts, type CountRow, type Window } from './evaluation.repository.ts';
import { runClockFold } from './clock-fold.job.ts';

// Issue 14 at 5,000,000 orders: the clock indicators read per-day counts that triggers keep (migration 0054). These
// tests hold the counts to the orders themselves after each kind of change, before and after the fold.
//
// November 2026, gas company, hand-counted:
//   indoor leaks (on site, 0.5 h):  L1 on site in 20 min (met); L2 after 1 h (breached); L3 cancelled (left out);
//                                   L4 still running (not settled, left out).
//   pit covers (repair, 24 h):      P1 repaired in 6 h (met); P2 after 27 h (breached).

let w: OrderWorld;
/** G-6.2.13: the customer is told what to do while the leak is reported. */
const LEAK = { safetyAdviceGiven: true };
const NOVEMBER = periodInstants('2026-11-01', '2026-12-01');

async function order(
  at: string,
  itemCode: string,
  more: Record<string, unknown> = {},
  agent = 'gas_agent',
): Promise<Detail> {
  w.at(at);
  return w.create(agent, {
    itemCode,
    channel: 'phone',
    callerName: '王建国',
    callerPhone: '13905330002',
    address: '张店区华光路 1 号',
    description: '测试',
    ...more,
  });
}

async function onSite(at: string, id: string) {
  w.at(at);
  await toOnSite(w, id);
}

async function repaired(at: string, id: string) {
  w.at(at);
  await w.act('gas_dispatcher', id, { type: 'dispatched', assignee: w.ids.gas_tech });
  await w.act('gas_tech', id, { type: 'accepted' });
  await w.act('gas_tech', id, { type: 'completed', record: { result: '已更换井盖', onSite: false } });
}

const sorted = (rows: CountRow[]) =>
  rows
    .map((r) => ({ ...r, numerator: Number(r.numerator), denominator: Number(r.denominator) }))
    .sort((a, b) => `${a.enterprise_id}${a.indicator}`.localeCompare(`${b.enterprise_id}${b.indicator}`));

async function counts(window: Window, source: 'rolled' | 'orders') {
  const res = await w.t.database.db.execute(clockCounts(window, INDICATORS, source)!);
  return sorted((res as unknown as { rows: CountRow[] }).rows);
}

const GROUP = 'day, enterprise_id, item_code, clock, state, stopped, unreasonable';
/** Every per-day count (folded and not), and the same recounted here from the clocks, every day and item. */
async function everyCount() {
  const rows = async (q: string) => (await w.t.database.executeSql(q)).rows;
  const kept = await rows(`select ${GROUP}, sum(n)::int as n from (
      select ${GROUP}, n from evaluation_clock_days union all select ${GROUP}, n from evaluation_clock_deltas) r
    group by ${GROUP} having sum(n) <> 0 order by ${GROUP}`);
  const recounted = await rows(`select ${GROUP}, count(*)::int as n from (
      select to_char(o.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')::date as day, o.enterprise_id,
        o.item_code, c.name as clock, c.state, c.stopped_at is not null as stopped,
        coalesce(k.reasonable = false, false) as unreasonable
      from work_order_clocks c join work_orders o on o.id = c.order_id
      left join complaints k on k.order_id = o.id
      where not exists (select 1 from work_order_events e
        where e.order_id = o.id and e.type in ('referred', 'refused', 'cancelled'))) r
    group by ${GROUP} order by ${GROUP}`);
  return { kept, recounted };
}

/** The per-day counts equal a recount of every clock; the figures of November agree, all enterprises and each. */
async function expectAgreement() {
  const { kept, recounted } = await everyCount();
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(recounted);
  for (const enterpriseId of [null, w.world.gas.id, w.world.heat.id]) {
    const window = { ...NOVEMBER, enterpriseId };
    expect(await counts(window, 'rolled')).toEqual(await counts(window, 'orders'));
  }
}

const fold = () => runClockFold({ database: w.t.database });
const deltas = () => w.count('select count(*)::int as n from evaluation_clock_deltas');
const figure = (rows: CountRow[], indicator: string) => {
  const r = rows.find((x) => x.indicator === indicator && x.enterprise_id === w.world.gas.id);
  return r ? { numerator: r.numerator, denominator: r.denominator } : null;
};

/** G-5.12.3: a leak goes only to someone on a rush-repair shift; gas_tech is on one all November. */
async function rushRepairCrew() {
  const db = w.t.database.db;
  const [tech] = await db
    .insert(staff)
    .values({ enterpriseId: w.world.gas.id, name: '抢修工', badgeNo: 'B1', employeeNo: 'E1', post: '抢修工' })
    .returning({ id: staff.id });
  await linkUserToStaff(w.t.database, 'gas_tech', tech!.id);
  await db.insert(dutyShifts).values({
    enterpriseId: w.world.gas.id,
    kind: 'rush_repair',
    startsAt: NOVEMBER.start,
    endsAt: NOVEMBER.end,
    staffIds: [tech!.id],
    vehicles: [],
    equipment: [],
    phone: '0533-2961119',
    createdBy: w.ids.gas_admin!,
    createdAt: NOVEMBER.start,
  });
}

beforeAll(async () => {
  w = await orderWorld();
  await rushRepairCrew();
  const l1 = await order('2026-11-03 09:00', 'gas_indoor_leak', LEAK);
  await onSite('2026-11-03 09:20', l1.id);
  const l2 = await order('2026-11-04 09:00', 'gas_indoor_leak', LEAK);
  await onSite('2026-11-04 10:00', l2.id);
  const l3 = await order('2026-11-05 09:00', 'gas_indoor_leak', LEAK);
  w.at('2026-11-05 09:05');
  await w.act('gas_agent', l3.id, { type: 'cancelled', reason: '用户撤回' });
  await order('2026-11-06 09:00', 'gas_indoor_leak', LEAK);
  const p1 = await order('2026-11-10 09:00', 'valve_pit_cover');
  await repaired('2026-11-10 15:00', p1.id);
  const p2 = await order('2026-11-11 09:00', 'valve_pit_cover');
  await repaired('2026-11-12 12:00', p2.id);
});
afterAll(() => w.close());

describe('the clock indicators’ per-day counts (issue 14, migration 0054)', () => {
  it('G-12.4.2.2, G-12.4.2.3 rush-repair response and timeliness from the per-day counts: 1 of 2 each (cancelled and running left out)', async () => {
    const rows = await counts({ ...NOVEMBER, enterpriseId: w.world.gas.id }, 'rolled');
    expect(figure(rows, 'gas_rush_repair_response')).toEqual({ numerator: 1, denominator: 2 });
    expect(figure(rows, 'gas_rush_repair_timeliness')).toEqual({ numerator: 1, denominator: 2 });
    await expectAgreement();
  });

  it('the fold moves every delta into the days and changes no figure; a second fold finds nothing', async () => {
    const before = await counts({ ...NOVEMBER, enterpriseId: null }, 'rolled');
    expect(await deltas()).toBeGreaterThan(0);
    expect(await fold()).toBeGreaterThan(0);
    expect(await deltas()).toBe(0);
    expect(await counts({ ...NOVEMBER, enterpriseId: null }, 'rolled')).toEqual(before);
    expect(await fold()).toBe(0);
    await expectAgreement();
  });

  it('a change of a due time alone writes no delta; a running clock that breaches moves it', async () => {
    const db = w.t.database.db;
    await db.execute(sql`update work_order_clocks set due_at = due_at + interval '1 minute'
      where state = 'running'`);
    expect(await deltas()).toBe(0);
    await db.execute(sql`update work_order_clocks set state = 'breached', breached_at = due_at
      where state = 'running' and name = 'on_site'`);
    expect(await deltas()).toBeGreaterThan(0);
    const rows = await counts({ ...NOVEMBER, enterpriseId: w.world.gas.id }, 'rolled');
    expect(figure(rows, 'gas_rush_repair_response')).toEqual({ numerator: 1, denominator: 3 });
    await expectAgreement();
  });

  it('an order ended after the fold leaves the counts once, however many ending events it gets', async () => {
    await fold();
    const p3 = await order('2026-11-20 09:00', 'valve_pit_cover');
    await fold();
    w.at('2026-11-20 09:10');
    await w.act('gas_agent', p3.id, { type: 'cancelled', reason: '重复报修' });
    // A second ending event (appended directly: the API refuses to cancel twice) moves nothing more.
    await w.t.database.db
      .execute(sql`insert into work_order_events (order_id, enterprise_id, type, at, actor_name,
      actor_role) values (${p3.id}::uuid, ${w.world.gas.id}::uuid, 'refused', now(), '测试', 'agent')`);
    await expectAgreement();
    await fold();
    await expectAgreement();
  });

  it('H-10.4.1 a heating complaint judged unreasonable leaves the reasonable-only rates, and returns when judged reasonable again', async () => {
    const heat = { ...NOVEMBER, enterpriseId: w.world.heat.id };
    const completion = async () =>
      (await counts(heat, 'rolled')).find((r) => r.indicator === 'heating_complaint_completion')
        ?.denominator ?? 0;
    const c = await order(
      '2026-11-21 09:00',
      'heating_service_complaint',
      { complaintCategory: 'attitude', customerId: w.customers.heat },
      'heat_agent',
    );
    const db = w.t.database.db;
    const counted = await completion();
    expect(counted).toBeGreaterThan(0);
    await db.execute(sql`update complaints set reasonable = false where order_id = ${c.id}::uuid`);
    expect(await completion()).toBe(counted - 1);
    await expectAgreement();
    await fold();
    await db.execute(sql`update complaints set reasonable = true where order_id = ${c.id}::uuid`);
    expect(await completion()).toBe(counted);
    await expectAgreement();
    await fold();
    await expectAgreement();
    // Written again as unreasonable after its clocks (rows the application keeps, rewritten here directly).
    const deleted = await db.execute(sql`delete from complaints where order_id = ${c.id}::uuid returning *`);
    const [row] = (deleted as unknown as { rows: Record<string, unknown>[] }).rows;
    await db.execute(sql`insert into complaints (order_id, enterprise_id, category, reasonable)
      values (${c.id}::uuid, ${row!.enterprise_id}::uuid, ${row!.category}, false)`);
    expect(await completion()).toBe(counted - 1);
    await expectAgreement();
    await db.execute(sql`delete from complaints where order_id = ${c.id}::uuid`);
    expect(await completion()).toBe(counted);
    await expectAgreement();
  });

  it('an order moved to another day or item moves its clocks; a window off Shanghai midnight recounts the orders', async () => {
    const l5 = await order('2026-11-30 23:50', 'gas_indoor_leak', LEAK);
    const db = w.t.database.db;
    // Into December (Shanghai), out of November's counts.
    await db.execute(sql`update work_orders set received_at = received_at + interval '20 minutes'
      where id = ${l5.id}::uuid`);
    await expectAgreement();
    await db.execute(sql`update work_orders set item_code = 'valve_pit_cover', received_at = received_at
      - interval '1 day' where id = ${l5.id}::uuid`);
    await expectAgreement();
    await fold();
    await expectAgreement();
    const offMidnight = { start: new Date('2026-11-03T01:10:00Z'), end: NOVEMBER.end, enterpriseId: null };
    expect(await counts(offMidnight, 'rolled')).toEqual(await counts(offMidnight, 'orders'));
  });
});
