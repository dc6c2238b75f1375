import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, DEMO_RESIDENTIAL_SCHEDULES, priceUsage, segmentsFor } from './tariff.ts';
import type { PriceSchedule } from './tariff.ts';
import { codeOf } from '../testing/support.ts';

const flat = (id: string, effectiveFrom: string, price: number): PriceSchedule => ({
  id,
  customerClass: 'residential',
  effectiveFrom,
  tiers: [{ upTo: null, price }],
});

describe('G-6.2.4 price changes inside a period', () => {
  it('G-6.2.4: a change on 06-16 splits June into 06-01..06-15 and 06-16..06-30, 15 days each, no day twice', () => {
    const r = priceUsage({
      periodStart: '2025-06-01',
      periodEnd: '2025-06-30',
      volume: 30_001,
      schedules: [flat('old', '2025-01-01', 300), flat('new', '2025-06-16', 330)],
      tierUsedBeforeThisPeriod: 0,
    });
    expect(r.lines.map((l) => [l.from, l.to, l.days, l.volume, l.price, l.amount])).toEqual([
      ['2025-06-01', '2025-06-15', 15, 15_001, 300, 4500], // 15.001 m³ × 300 fen = 4500.3 → 4500 fen
      ['2025-06-16', '2025-06-30', 15, 15_000, 330, 4950],
    ]);
    expect(r.amount).toBe(9450);
    expect(r.priceChanged).toBe(true);
  });

  it('G-6.2.4: a change on the first day of the period bills the whole period at the new price', () => {
    const segs = segmentsFor('2025-07-01', '2025-07-31', DEMO_RESIDENTIAL_SCHEDULES);
    expect(segs.map((s) => [s.from, s.to, s.schedule.id])).toEqual([
      ['2025-07-01', '2025-07-31', 'demo-res-2025b'],
    ]);
  });

  it('G-6.2.4: a change on the last day of the period gives it a one-day segment', () => {
    const segs = segmentsFor('2025-06-01', '2025-07-01', DEMO_RESIDENTIAL_SCHEDULES);
    expect(segs.map((s) => [s.from, s.to, s.days])).toEqual([
      ['2025-06-01', '2025-06-30', 30],
      ['2025-07-01', '2025-07-01', 1],
    ]);
  });

  it('阶梯气价: crossing the 400 m³ tier inside a period splits the line at the threshold', () => {
    const r = priceUsage({
      periodStart: '2025-03-01',
      periodEnd: '2025-03-31',
      volume: 30_000,
      schedules: DEMO_RESIDENTIAL_SCHEDULES,
      tierUsedBeforeThisPeriod: 390_000,
    });
    expect(r.lines.map((l) => [l.tier, l.volume, l.price, l.amount])).toEqual([
      [1, 10_000, 300, 3000],
      [2, 20_000, 360, 7200],
    ]);
    expect(r.tierUsedAfter).toBe(420_000);
    expect(r.priceChanged).toBe(false);
  });

  it('no schedule in force, reversed period and bad tiers are refused', () => {
    const base = { volume: 1, tierUsedBeforeThisPeriod: 0 };
    expect(
      codeOf(() =>
        priceUsage({
          ...base,
          periodStart: '2024-12-01',
          periodEnd: '2024-12-31',
          schedules: DEMO_RESIDENTIAL_SCHEDULES,
        }),
      ),
    ).toBe('BILLING_NO_PRICE');
    expect(
      codeOf(() =>
        priceUsage({
          ...base,
          periodStart: '2025-02-01',
          periodEnd: '2025-01-31',
          schedules: DEMO_RESIDENTIAL_SCHEDULES,
        }),
      ),
    ).toBe('BILLING_TARIFF_INVALID');
    const bad: PriceSchedule = {
      id: 'x',
      customerClass: 'r',
      effectiveFrom: '2025-01-01',
      tiers: [{ upTo: 5, price: 1 }],
    };
    expect(
      codeOf(() =>
        priceUsage({ ...base, periodStart: '2025-02-01', periodEnd: '2025-02-28', schedules: [bad] }),
      ),
    ).toBe('BILLING_TARIFF_INVALID');
  });

  it("apportion (D'Hondt) sums exactly and ties go to the earlier segment", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [3, 7])).toEqual([0, 0]);
  });
});

const day = fc
  .integer({ min: 0, max: 364 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const tiers = fc
  .tuple(
    fc.integer({ min: 1, max: 500_000 }),
    fc.integer({ min: 1, max: 500_000 }),
    fc.integer({ min: 100, max: 400 }),
    fc.integer({ min: 0, max: 200 }),
    fc.integer({ min: 0, max: 200 }),
  )
  .map(([t1, t2, p1, d2, d3]) => [
    { upTo: t1, price: p1 },
    { upTo: t1 + t2, price: p1 + d2 },
    { upTo: null, price: p1 + d2 + d3 },
  ]);
const schedules = fc
  .array(fc.tuple(day, tiers), { minLength: 0, maxLength: 4 })
  .map((changes) => [
    { id: 's0', customerClass: 'r', effectiveFrom: '2025-01-01', tiers: [{ upTo: null, price: 300 }] },
    ...changes.map(([from, t], i) => ({
      id: `s${i + 1}`,
      customerClass: 'r',
      effectiveFrom: from,
      tiers: t,
    })),
  ])
  .filter((list) => new Set(list.map((s) => s.effectiveFrom)).size === list.length);
const period = fc.tuple(day, day).map(([x, y]) => (x <= y ? [x, y] : [y, x]) as [string, string]);

describe('priceUsage properties', () => {
  it('G-6.2.4: line volumes sum exactly to the volume and lines to the amount; total amount is monotonic in volume', () => {
    fc.assert(
      fc.property(
        period,
        schedules,
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        ([start, end], list, volume, used) => {
          const input = {
            periodStart: start,
            periodEnd: end,
            schedules: list,
            tierUsedBeforeThisPeriod: used,
          };
          const r = priceUsage({ ...input, volume });
          expect(r.lines.reduce((s, l) => s + l.volume, 0)).toBe(volume);
          expect(r.lines.reduce((s, l) => s + l.amount, 0)).toBe(r.amount);
          expect(r.lines.reduce((s, l) => s + l.days, 0) >= 1).toBe(true);
          expect(priceUsage({ ...input, volume: volume + 1 }).amount).toBeGreaterThanOrEqual(r.amount);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('segments cover the period day by day, inclusive, with no day twice', () => {
    fc.assert(
      fc.property(period, schedules, ([start, end], list) => {
        const segs = segmentsFor(start, end, list);
        expect(segs[0]?.from).toBe(start);
        expect(segs[segs.length - 1]?.to).toBe(end);
        const total = segs.reduce((s, x) => s + x.days, 0);
        expect(total).toBe((Date.parse(end) - Date.parse(start)) / 86_400_000 + 1);
      }),
    );
  });
});
