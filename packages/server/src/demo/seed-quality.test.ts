import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  const now = new Date('2026-11-26T02:00:00Z');
  t.setNow(now);
  await seedDemo(t.database, now);
}, 240_000);
afterAll(() => t.close());

const one = async (sql: string) => (await t.database.executeSql(sql)).rows[0]!;

describe('demo room-temperature quality', () => {
  it('the demo: the heating company has this season’s plan with dates and measurers, and measurements with failures', async () => {
    const plan = await one(`select p.selected_count, s.period, (select count(*)::int from sample_households h
      where h.plan_id = p.id and h.measurer_id is not null and h.assigned_on is not null) as assigned
      from sampling_plans p join heating_seasons s on s.id = p.season_id`);
    expect(plan.selected_count).toBeGreaterThan(20);
    expect(plan.assigned).toBe(plan.selected_count);
    expect(plan.period).toBe('2026-2027');
    const m = await one(`select count(*)::int as n, count(*) filter (where outcome = 'fail')::int as fail,
      count(*) filter (where outcome = 'analysis_only')::int as analysis from temperature_measurements`);
    expect(m.n).toBeGreaterThanOrEqual(20);
    expect(m.fail).toBeGreaterThan(0);
    expect(m.analysis).toBeGreaterThan(0);
  });
  it('the demo: 50 sensors with about 10 days of hourly readings; H-7.2.3: a disputed case with its reduction booked', async () => {
    const s = await one(
      `select count(distinct sensor_id)::int as sensors, count(*)::int as readings from sensor_readings`,
    );
    expect(s.sensors).toBe(50);
    expect(s.readings).toBeGreaterThan(50 * 230);
    const c = await one(`select c.status, c.third_party_result, c.reduction_fen, l.amount_fen, r.demo
      from low_temperature_cases c join ledger_entries l on l.ref_type = 'low_temperature' and l.ref_id = c.id::text
      join low_temperature_rules r on r.id = c.rule_id where c.disputed_by_customer`);
    expect(c).toMatchObject({ status: 'decided', third_party_result: 'failed', demo: true });
    expect(c.amount_fen).toBe(-Number(c.reduction_fen));
    expect(Number(c.reduction_fen)).toBeGreaterThan(0);
  });
});
