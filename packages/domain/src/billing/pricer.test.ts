import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodPricer } from './pricer.ts';
import type { PriceSchedule } from './tariff.ts';
import { priceAcrossTierYears } from './tier-year.ts';

const schedules: PriceSchedule[] = [
  {
    id: 'a',
    customerClass: 'residential',
    effectiveFrom: '2025-01-01',
    tiers: [
      { upTo: 400_000, price: 300 },
      { upTo: 600_000, price: 360 },
      { upTo: null, price: 450 },
    ],
  },
  {
    id: 'b',
    customerClass: 'residential',
    effectiveFrom: '2026-11-16',
    tiers: [
      { upTo: 400_000, price: 330 },
      { upTo: 600_000, price: 396 },
      { upTo: null, price: 495 },
    ],
  },
];

describe('G-6.2.4 period pricer', () => {
  it('G-6.2.4: pricing on the cuts made once equals pricing each account from scratch', () => {
    const periods: [string, string, number][] = [
      ['2026-11-01', '2026-11-30', 1],
      ['2026-11-01', '2027-02-28', 1],
      ['2026-12-01', '2027-01-31', 1],
      ['2026-10-01', '2026-11-30', 11],
    ];
    for (const [periodStart, periodEnd, m] of periods) {
      const pricer = periodPricer({ periodStart, periodEnd, schedules, tierYearStartMonth: m });
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2_000_000 }),
          fc.integer({ min: 0, max: 900_000 }),
          (volume, used) => {
            const usage = { [`${periodStart.slice(0, 4)}-${String(m).padStart(2, '0')}-01`]: used };
            expect(pricer(volume, usage)).toEqual(
              priceAcrossTierYears({
                periodStart,
                periodEnd,
                volume,
                schedules,
                tierUsage: usage,
                tierYearStartMonth: m,
              }),
            );
          },
        ),
        { numRuns: 200 },
      );
    }
  });
});

describe('G-6.2.4 a reading at the price change splits the usage', () => {
  const november = periodPricer({ periodStart: '2026-11-01', periodEnd: '2026-11-30', schedules });

  it('G-6.2.4: with a reading on the day before the new price, the litres before and after are the measured ones, not prorated', () => {
    // 30 m³ in November; the reading of 11-15 shows 10 m³ used by then. Hand count: 10 × 3.00 + 20 × 3.30 = 96.00 yuan.
    const split = november(30_000, {}, { '2026-11-16': 10_000 });
    expect(split.split).toBe('reading');
    expect(split.lines.map((l) => [l.scheduleId, l.volume, l.amount])).toEqual([
      ['a', 10_000, 3000],
      ['b', 20_000, 6600],
    ]);
    expect(split.amount).toBe(9600);
    // Without the reading the same 30 m³ is prorated by days (15 : 15): 15 × 3.00 + 15 × 3.30 = 94.50 yuan.
    const prorated = november(30_000, {});
    expect(prorated.split).toBe('prorated');
    expect(prorated.amount).toBe(9450);
  });

  it('G-6.2.4: the measured litres climb the tiers of each price in turn', () => {
    // 395 m³ used this tier year: before the change 5 m³ at tier 1 (3.00) and 5 m³ at tier 2 (3.60); after it 20 m³ at
    // the new tier 2 (3.96). 15.00 + 18.00 + 79.20 = 112.20 yuan.
    const r = november(30_000, { '2026-01-01': 395_000 }, { '2026-11-16': 10_000 });
    expect(r.lines.map((l) => [l.scheduleId, l.tier, l.volume, l.amount])).toEqual([
      ['a', 1, 5_000, 1500],
      ['a', 2, 5_000, 1800],
      ['b', 2, 20_000, 7920],
    ]);
    expect(r.amount).toBe(11220);
    expect(r.tierUsage['2026-01-01']).toBe(425_000);
  });

  it('G-6.2.4: two changes in a quarter, a reading at one: that one splits by the reading, the other is prorated by days', () => {
    const three: PriceSchedule[] = [
      ...schedules,
      {
        id: 'c',
        customerClass: 'residential',
        effectiveFrom: '2026-12-11',
        tiers: [{ upTo: null, price: 360 }],
      },
    ];
    const quarter = periodPricer({ periodStart: '2026-10-01', periodEnd: '2026-12-31', schedules: three });
    // 100 m³; 50 m³ by the 11-16 reading. The other 50 m³ share 11-16…12-10 (25 days) and 12-11…12-31 (21 days) by
    // D'Hondt: 27 173.9 → 27 174 and 22 826. Amounts: 150.00, 89.67 (89.674 2), 82.18 (running total 321.847 8 → 321.85).
    const r = quarter(100_000, {}, { '2026-11-16': 50_000 });
    expect(r.split).toBe('reading_and_prorated');
    expect(r.lines.map((l) => [l.scheduleId, l.volume, l.amount])).toEqual([
      ['a', 50_000, 15000],
      ['b', 27_174, 8967],
      ['c', 22_826, 8218],
    ]);
    expect(r.amount).toBe(32185);
  });

  it('G-6.2.4: a reading that does not lie between the period’s readings is refused, never billed', () => {
    let code: unknown;
    try {
      november(30_000, {}, { '2026-11-16': 40_000 });
    } catch (err) {
      code = (err as { code?: string }).code;
    }
    expect(code).toBe('BILLING_SPLIT_READING_INVALID');
  });

  it('a period without a price change needs no split', () => {
    const december = periodPricer({ periodStart: '2026-12-01', periodEnd: '2026-12-31', schedules });
    expect(december(30_000, {}).split).toBe('none');
  });
});
