import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  t.setNow(new Date('2026-11-26T02:00:00Z'));
  await seedDemo(t.database, t.ctx.now());
}, 180_000);
afterAll(() => t.close());

const rows = async (sql: string) => (await t.database.executeSql(sql)).rows;

describe('billing demo seed (issue 4)', () => {
  it('the demo: each month of the year before this one is billed by a finished run; the last ended month is left to run', async () => {
    const runs = await rows(`select period, status, billed from billing_runs order by period`);
    expect(runs.length).toBeGreaterThanOrEqual(10);
    expect(runs.every((r) => r.status === 'done' && Number(r.billed) > 0)).toBe(true);
    expect(runs.some((r) => r.period === '2026-11')).toBe(false);
    // The month not yet over is never billed; the last ended one is left for the clerk (issue 12).
    expect(runs.some((r) => r.period === '2026-10')).toBe(false);
    expect(runs.some((r) => r.period === '2026-09')).toBe(true);
    const [dup] = await rows(`select count(*)::int as n from (select customer_id, period from bills
      where kind = 'regular' group by 1, 2 having count(*) > 1) d`);
    expect(dup!.n).toBe(0);
    const [n] =
      await rows(`select count(*)::int as n from bills b left join payment_notices p on p.bill_id = b.id
      where b.kind = 'regular' and p.id is null`);
    expect(n!.n).toBe(0); // every regular bill has its notice (G-6.2.7)
  });

  it('the demo bills a meter exchanged mid-month: both meters on one bill, each with its readings', async () => {
    const [b] = await rows(`select b.period, b.volume, n.fields->'meters' as meters from bills b
      join payment_notices n on n.bill_id = b.id where n.fields ? 'meters' limit 1`);
    expect(b, 'a bill with an exchanged meter').toBeTruthy();
    const meters = b!.meters as { serialNo: string; volume: number; removedOn?: string }[];
    expect(meters).toHaveLength(2);
    expect(meters[0]!.removedOn).toBeTruthy();
    expect(meters[1]!.serialNo).toMatch(/EX0001$/);
    expect(meters[0]!.volume + meters[1]!.volume).toBe(Number(b!.volume));
  });

  it('the demo has bills split at a price change and bills crossing a tier', async () => {
    const [split] = await rows(`select count(*)::int as n from bills
      where (select count(distinct l->>'scheduleId') from jsonb_array_elements(lines) l) > 1`);
    expect(split!.n).toBeGreaterThan(0);
    const [tier] = await rows(`select count(*)::int as n from bills
      where exists (select 1 from jsonb_array_elements(lines) l where (l->>'tier')::int > 1)`);
    expect(tier!.n).toBeGreaterThan(0);
  });

  it('the demo: estimated bills are settled by the next actual reading: the difference in the next bill, or a correction', async () => {
    const [e] = await rows(`select count(*)::int as n from bills where estimated`);
    expect(e!.n).toBeGreaterThan(0);
    // Each estimated bill followed by a regular bill on an actual reading: when the actual register is at or above
    // the estimate the next bill starts at the estimate (少补); when below, the estimated bill has a correction (多退).
    const pairs = await rows(`select o.id, o.end_register::float8 as est, n.end_register::float8 as actual,
        n.start_register::float8 as next_start,
        exists (select 1 from bills c where c.corrects_bill_id = o.id) as corrected
      from bills o join bills n on n.customer_id = o.customer_id and n.kind = 'regular' and not n.estimated
        and n.period_from = (o.period_to + 1)
      where o.kind = 'regular' and o.estimated`);
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      if (Number(p.actual) >= Number(p.est)) {
        expect(Number(p.next_start)).toBe(Number(p.est));
        expect(p.corrected).toBe(false);
      } else {
        expect(p.corrected).toBe(true);
        expect(Number(p.next_start)).toBe(Number(p.actual));
      }
    }
  });
});
