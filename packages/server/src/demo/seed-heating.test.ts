import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
let ms = 0;
beforeAll(async () => {
  t = await buildTestApp();
  const now = new Date('2026-11-26T02:00:00Z');
  t.setNow(now);
  const started = Date.now();
  await seedDemo(t.database, now);
  ms = Date.now() - started;
}, 300_000);
afterAll(() => t.close());

const one = async (sql: string) => (await t.database.executeSql(sql)).rows[0]!;

describe('demo heating money', () => {
  it('the demo heating company has last season (ended) and this season as data', async () => {
    const s = await one(`select count(*)::int as n, min(period) as prev, max(period) as cur,
      bool_or(flags::text like '%late_start%') as flagged from heating_seasons where area = '张店城区（演示）'`);
    expect(s).toMatchObject({ n: 2, prev: '2025-2026', cur: '2026-2027', flagged: true });
    expect(ms).toBeGreaterThan(0);
  });

  it('the demo: season bills for every heating account, early rewards, overdue bills with reminders', async () => {
    const b =
      await one(`select count(*)::int as n, count(*) filter (where lines::text like '%suspended%')::int as suspended,
      count(*) filter (where lines::text like '%"base"%')::int as two_part from bills where sector = 'heating' and period = '2026-2027' and kind = 'season'`);
    expect(b.n).toBeGreaterThan(200);
    expect(b.suspended).toBeGreaterThan(0);
    expect(b.two_part).toBeGreaterThan(0);
    const charges =
      await one(`select count(*)::int as n from ledger_entries l join bills b on b.id::text = l.ref_id
      where l.kind = 'charge' and b.sector = 'heating'`);
    expect(charges.n).toBe(
      (await one(`select count(*)::int as n from bills where sector = 'heating' and kind = 'season'`)).n,
    );
    expect(
      (await one(`select count(*)::int as n from ledger_entries where ref_type = 'heating_reward'`)).n,
    ).toBeGreaterThan(20);
    expect(
      (await one(`select count(*)::int as n from notifications where kind = 'heating_reminder'`)).n,
    ).toBeGreaterThan(20);
  });

  it('the demo: a faulty-meter dispute billed by area, and last season’s refunds', async () => {
    const d =
      await one(`select count(*)::int as n, count(*) filter (where billing = 'area' and disputed_days_fee_fen > 0)::int as area,
      count(*) filter (where status = 'open')::int as open from heat_meter_disputes`);
    expect(d).toMatchObject({ n: 2, area: 1, open: 1 });
    const r = await one(
      `select string_agg(status, ',' order by status) as s, bool_and(committed_on <= latest_on) as lawful from heating_refunds`,
    );
    expect(r).toMatchObject({ s: 'offset,paid,pending', lawful: true });
    expect(
      (
        await one(
          `select count(*)::int as n from ledger_entries where ref_type = 'heating_refund' and amount_fen < 0`,
        )
      ).n,
    ).toBe(1);
  });

  it('the demo: the suspension queue has a resumption still running its 48 h clock', async () => {
    const c =
      await one(`select count(*)::int as n from work_orders o join work_order_clocks c on c.order_id = o.id
      where o.item_code = 'heating_resumption' and c.clause = 'H-7.1.8' and c.stopped_at is null`);
    expect(c.n).toBeGreaterThan(0);
  });
});
