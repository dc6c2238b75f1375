import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // Early in a year, so the seed's times must stay inside windows that have only just opened.
  t.setNow(new Date('2027-01-05T02:00:00Z'));
  await seedDemo(t.database, t.ctx.now(), () => {});
}, 240_000);
afterAll(() => t.close());

const one = async (sql: string) => (await t.database.executeSql(sql)).rows[0]!;

describe('demo inspections', () => {
  it('G-5.11.1 both demo gas companies have this year’s plan, every covered customer in it', async () => {
    const r = await one(`select count(*)::int as plans, min(year)::int as year,
      bool_and(planned_count > 0) as filled from inspection_plans`);
    expect(r).toMatchObject({ plans: 2, year: 2027, filled: true });
    const missing =
      await one(`select count(*)::int as n from customers c join enterprises e on e.id = c.enterprise_id
      where e.kind = 'pipeline_gas' and c.kind like 'pipeline_%'
        and not exists (select 1 from inspection_visits v where v.customer_id = c.id)`);
    expect(missing.n).toBe(0);
  });

  it('G-5.11.8 G-5.11.9 the route shows visits done, each refusal and nobody home, never counted as inspected', async () => {
    const states = await one(`select
      count(*) filter (where state = 'inspected')::int as inspected,
      count(*) filter (where state = 'refused')::int as refused,
      count(*) filter (where state in ('retry_needed', 'community_follow_up_due', 'community_followed_up'))::int as away,
      count(*) filter (where state <> 'inspected' and inspected_at is not null)::int as wrong
      from inspection_visits`);
    expect(states.inspected).toBeGreaterThan(10);
    expect(states.refused).toBe(1);
    expect(states.away).toBeGreaterThanOrEqual(2);
    expect(states.wrong).toBe(0);
    const outcomes = await one(`select count(distinct outcome)::int as n from inspection_records`);
    expect(outcomes.n).toBe(5);
    const future = await one(
      `select count(*)::int as n from inspection_records where at > '2027-01-05T02:00:00Z'`,
    );
    expect(future.n).toBe(0);
  });

  it('G-6.2.17 hazards open and closed, one major hazard reported', async () => {
    const h = await one(`select count(*) filter (where status = 'open')::int as open,
      count(*) filter (where status = 'closed' and patrol_id is null and repair_order_id is null)::int as closed,
      count(*) filter (where grade = 'major' and reported_at is not null)::int as reported from hazards`);
    expect(h.open).toBeGreaterThan(0);
    expect(h.closed).toBe(1);
    expect(h.reported).toBe(1);
  });
});

describe('demo inspections on a date whose deadlines cross the New Year holiday', () => {
  it('seeds on 5 December (a 30-day deadline moved past 1 January)', async () => {
    const t2 = await buildTestApp();
    try {
      t2.setNow(new Date('2026-12-05T01:40:00Z'));
      await seedDemo(t2.database, t2.ctx.now(), () => {});
      const r = (await t2.database.executeSql(`select count(*)::int as n from hazards where extensions = 1`))
        .rows[0]!;
      expect(r.n).toBe(1);
    } finally {
      await t2.close();
    }
  }, 240_000);

  it('G-6.2.15 G-6.2.16 two stations drawn and checked last period, the odorant checked each of the last three months', async () => {
    // The inspection seed's two stations (the evaluation seed adds one of its own elsewhere for the cockpit).
    const ours = `select id from pressure_stations where name in ('华光路调压站', '柳泉路调压站')`;
    const st = await one(`select count(*)::int as n from (${ours}) s`);
    expect(st.n).toBe(2);
    const checks = await one(`select count(*)::int as n, count(*) filter (where not passed)::int as failed,
      count(distinct position)::int as ends from pressure_checks where station_id in (${ours})`);
    expect(checks).toMatchObject({ n: 12, ends: 2 });
    expect(checks.failed).toBeGreaterThan(0);
    const months =
      await one(`select count(distinct to_char(checked_at at time zone 'Asia/Shanghai', 'YYYY-MM'))::int as n,
      max(checked_at) < '2027-01-05T02:00:00Z'::timestamptz as past from odorant_checks`);
    expect(months).toMatchObject({ n: 3, past: true });
  });
});

describe('demo patrols, coverage and a repaired hazard (migration 0041)', () => {
  it('G-5.11.10 a patrol with findings in the hazard ledger, one closed since, and one with none', async () => {
    const r = await one(
      `select count(*)::int as patrols, sum(findings)::int as findings from network_patrols`,
    );
    expect(r).toMatchObject({ patrols: 2, findings: 2 });
    const h = await one(`select count(*) filter (where status = 'open')::int as open,
      count(*) filter (where status = 'closed')::int as closed from hazards where patrol_id is not null`);
    expect(h).toMatchObject({ open: 1, closed: 1 });
  });

  it('G-6.1.1 G-7.1.1 coverage for the demo gas companies; no bottled-gas customer inside a covered community', async () => {
    const r = await one(`select count(distinct enterprise_id)::int as companies,
      count(*) filter (where covered)::int as covered from supply_coverage`);
    expect(r.companies).toBe(2);
    expect(r.covered).toBeGreaterThan(3);
    const clash =
      await one(`select count(*)::int as n from premises p join customers c on c.id = p.customer_id
      where c.kind = 'bottled_gas' and exists (select 1 from supply_coverage s where s.community = p.community and s.covered)`);
    expect(clash.n).toBe(0);
  });

  it('G-5.11.7 a hazard repaired by the company on a signed quote, its order completed and the hazard closed', async () => {
    const r = await one(`select h.status, o.state, o.item_code,
      (select count(*)::int from repair_consents c where c.work_order_id = o.id) as consents
      from hazards h join work_orders o on o.id = h.repair_order_id`);
    expect(r).toMatchObject({ status: 'closed', state: 'completed', item_code: 'gas_repair', consents: 1 });
  });
});
