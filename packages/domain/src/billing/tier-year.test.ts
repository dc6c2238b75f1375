import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceAcrossTierYears, splitAtTierYear, tierYearOf } from './tier-year.ts';
import type { PriceSchedule } from './tariff.ts';
import { codeOf } from '../testing/support.ts';
import { daysBetween } from '../time/shanghai.ts';

const tiers: PriceSchedule = {
  id: 'res',
  customerClass: 'residential',
  effectiveFrom: '2025-01-01',
  tiers: [
    { upTo: 400_000, price: 300 },
    { upTo: 600_000, price: 360 },
    { upTo: null, price: 450 },
  ],
};

describe('G-6.2.4 阶梯气价: tier years', () => {
  it('tier year of a date, calendar year or one starting in another month', () => {
    expect(tierYearOf('2026-01-01')).toBe('2026-01-01');
    expect(tierYearOf('2025-12-31')).toBe('2025-01-01');
    expect(tierYearOf('2026-03-31', 4)).toBe('2025-04-01');
    expect(tierYearOf('2026-04-01', 4)).toBe('2026-04-01');
    expect(codeOf(() => tierYearOf('2026-04-01', 13))).toBe('BILLING_TARIFF_INVALID');
  });

  it('G-6.2.4: a period over new year is cut at the boundary with inclusive dates, no day twice', () => {
    expect(splitAtTierYear('2025-12-16', '2026-01-15')).toEqual([
      { tierYear: '2025-01-01', from: '2025-12-16', to: '2025-12-31', days: 16 },
      { tierYear: '2026-01-01', from: '2026-01-01', to: '2026-01-15', days: 15 },
    ]);
    expect(splitAtTierYear('2026-01-01', '2026-01-31')).toHaveLength(1);
  });

  it('G-6.2.4: the old tier year climbs from its usage so far, the new one starts from zero', () => {
    const r = priceAcrossTierYears({
      periodStart: '2025-12-16',
      periodEnd: '2026-01-15',
      volume: 31_000,
      schedules: [tiers],
      tierUsage: { '2025-01-01': 390_000 },
    });
    // 16 days of 31 → 16 000 L in 2025 (10 000 at tier 1, 6 000 at tier 2), 15 000 L in 2026 at tier 1.
    expect(r.lines.map((l) => [l.tierYear, l.tier, l.volume, l.price])).toEqual([
      ['2025-01-01', 1, 10_000, 300],
      ['2025-01-01', 2, 6_000, 360],
      ['2026-01-01', 1, 15_000, 300],
    ]);
    expect(r.tierUsage).toEqual({ '2025-01-01': 406_000, '2026-01-01': 15_000 });
    expect(r.amount).toBe(3000 + 2160 + 4500);
    expect(r.crossedTierYear).toBe(true);
  });

  it('G-6.2.4: a household crossing the 400 m³ threshold mid-year pays tier 2 only above it', () => {
    let usage: Record<string, number> = {};
    const amounts: number[] = [];
    for (const [from, to] of [
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', '2026-12-31'],
    ] as const) {
      const r = priceAcrossTierYears({
        periodStart: from,
        periodEnd: to,
        volume: 250_000,
        schedules: [tiers],
        tierUsage: usage,
      });
      usage = r.tierUsage;
      amounts.push(r.amount);
    }
    expect(usage).toEqual({ '2026-01-01': 500_000 });
    expect(amounts).toEqual([75_000, 150 * 300 + 100 * 360]);
  });

  it('G-6.2.4: the segments of any period cover each day exactly once and shares sum to the volume', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1200 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (offset, length, month, volume) => {
          const start = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
          const end = new Date(Date.UTC(2025, 0, 1 + offset + length)).toISOString().slice(0, 10);
          const segs = splitAtTierYear(start, end, month);
          expect(segs.reduce((s, x) => s + x.days, 0)).toBe(daysBetween(start, end) + 1);
          for (let i = 1; i < segs.length; i++) expect(daysBetween(segs[i - 1]!.to, segs[i]!.from)).toBe(1);
          const r = priceAcrossTierYears({
            periodStart: start,
            periodEnd: end,
            volume,
            schedules: [tiers],
            tierUsage: {},
            tierYearStartMonth: month,
          });
          expect(r.lines.reduce((s, l) => s + l.volume, 0)).toBe(volume);
        },
      ),
      { numRuns: 200 },
    );
  });
});
