import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  t.setNow(new Date('2026-11-26T02:00:00Z'));
  await seedDemo(t.database, t.ctx.now());
}, 120_000);
afterAll(() => t.close());

const rows = async (sql: string) => (await t.database.executeSql(sql)).rows;

describe('metering demo seed (issue 4)', () => {
  it('the demo: every pipeline account has a meter; some remote, some prepaid with an alarm, some due within 30 days', async () => {
    const [m] = await rows(`select count(*)::int as meters,
      count(*) filter (where remote_reading)::int as remote,
      count(*) filter (where prepaid and (low_balance_alarm_fen is not null or overdraft_limit_fen is not null))::int as prepaid,
      count(*) filter (where least(coalesce(next_verification_due, '9999-12-31'), coalesce(replace_by, '9999-12-31'))
        <= date '2026-12-26')::int as due,
      count(*) filter (where status = 'in_verification')::int as away,
      count(*) filter (where status = 'removed')::int as exchanged
      from meters where serial_no like 'ZB%'`);
    const [c] = await rows(`select count(*)::int as n from customers where kind like 'pipeline%'`);
    // plus a spare meter for each one away, and a new meter for each one exchanged
    expect(Number(m!.meters)).toBe(Number(c!.n) + Number(m!.away) + Number(m!.exchanged));
    expect(Number(m!.exchanged)).toBeGreaterThanOrEqual(1);
    expect(Number(m!.remote)).toBeGreaterThan(50);
    expect(Number(m!.prepaid)).toBeGreaterThan(10);
    expect(Number(m!.due)).toBeGreaterThan(5);
    expect(Number(m!.away)).toBeGreaterThanOrEqual(1);
    const [spare] = await rows(
      `select payload->>'spareSerialNo' as spare from meter_events where kind = 'send_to_verification' limit 1`,
    );
    expect(spare!.spare).toMatch(/SP0001$/);
  });

  it('the demo: a year of monthly readings 2025-12 … 2026-11; every estimate stays under the highest actual month before it', async () => {
    const [r] =
      await rows(`select min(read_on)::text as first, max(read_on)::text as last, min(usage)::int as least,
      count(distinct to_char(read_on, 'YYYY-MM'))::int as months,
      count(*) filter (where r.kind = 'estimated')::int as estimated,
      count(*) filter (where r.kind = 'customer')::int as customer,
      count(*) filter (where r.kind = 'remote')::int as remote
      from meter_readings r join meters m on m.id = r.meter_id and m.serial_no like 'ZB%'`);
    expect(r).toMatchObject({ first: '2025-11-20', last: '2026-11-24' });
    expect(Number(r!.months)).toBe(13);
    expect(Number(r!.least)).toBeGreaterThanOrEqual(0);
    expect(Number(r!.estimated)).toBeGreaterThan(20);
    expect(Number(r!.customer)).toBeGreaterThan(20);
    const over = await rows(`select e.id from meter_readings e where e.kind = 'estimated' and e.usage > (
      select max(a.usage) from meter_readings a where a.meter_id = e.meter_id and a.kind <> 'estimated'
        and a.read_on < e.read_on and a.read_on > e.read_on - interval '1 year')`);
    expect(over).toEqual([]);
    const [basis] = await rows(`select estimate_basis->>'clause' as clause, estimate_basis->'cap' as cap
      from meter_readings where kind = 'estimated' limit 1`);
    expect(basis!.clause).toBe('G-6.2.5');
  });

  it('the demo: two demo price changes inside the year per class, customers told, and households crossing a tier', async () => {
    const s =
      await rows(`select customer_class, effective_from::text as f, demo from price_schedules where sector = 'gas'
      order by enterprise_id, customer_class, effective_from`);
    expect(s.slice(0, 3).map((x) => x.f)).toEqual(['2025-07-01', '2026-01-16', '2026-07-01']);
    expect(s.every((x) => x.demo === true)).toBe(true);
    const [n] = await rows(`select count(distinct ref_id)::int as schedules, count(*)::int as messages
      from notifications where kind = 'price_change'`);
    expect(Number(n!.schedules)).toBe(8); // 2 companies × 2 classes × 2 changes
    const crossing = await rows(`select m.customer_id, sum(greatest(usage, 0)) as used from meter_readings m
      join customers c on c.id = m.customer_id and c.kind <> 'pipeline_non_resident'
      where read_on >= '2026-01-01' group by m.customer_id having sum(greatest(usage, 0)) > 400000`);
    expect(crossing.length).toBeGreaterThan(10);
  });
});
