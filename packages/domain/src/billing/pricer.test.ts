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
