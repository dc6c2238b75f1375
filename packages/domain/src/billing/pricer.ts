// G-6.2.4 for a whole billing run: the period is cut once — at tier-year boundaries and at price changes, inclusive
// dates — and every account's volume is priced on the same cuts. The result equals `priceAcrossTierYears` for the
// same input (pricer.test.ts checks it on random volumes); only the cutting and the schedule checks are shared.

import type { DateString } from '../time/shanghai.ts';
import { apportion, checkSchedule, priceSegments, segmentsFor } from './tariff.ts';
import type { PriceSchedule, PriceSegment } from './tariff.ts';
import { splitAtTierYear } from './tier-year.ts';
import type { TierYearPricing } from './tier-year.ts';
import { assertWholeNonNegative } from './units.ts';
import type { Litres } from './units.ts';

export type PeriodPricer = (
  volume: Litres,
  tierUsage: Readonly<Record<DateString, Litres>>,
) => TierYearPricing;

export function periodPricer(input: {
  periodStart: DateString;
  periodEnd: DateString;
  schedules: readonly PriceSchedule[];
  tierYearStartMonth?: number;
}): PeriodPricer {
  input.schedules.forEach(checkSchedule);
  const years = splitAtTierYear(input.periodStart, input.periodEnd, input.tierYearStartMonth ?? 1);
  const cuts: PriceSegment[][] = years.map((y) => segmentsFor(y.from, y.to, input.schedules));
  const days = years.map((y) => y.days);
  return (volume, usage) => {
    assertWholeNonNegative(volume, 'volume');
    const shares = years.length === 1 ? [volume] : apportion(volume, days);
    const tierUsage: Record<DateString, Litres> = { ...usage };
    const lines: TierYearPricing['lines'] = [];
    let amount = 0;
    let priceChanged = false;
    years.forEach((year, i) => {
      const before = tierUsage[year.tierYear] ?? 0;
      assertWholeNonNegative(before, 'tier usage');
      const priced = priceSegments(cuts[i]!, shares[i]!, before);
      tierUsage[year.tierYear] = priced.tierUsedAfter;
      for (const l of priced.lines) lines.push({ ...l, tierYear: year.tierYear });
      amount += priced.amount;
      priceChanged ||= priced.priceChanged;
    });
    return { lines, volume, amount, tierUsage, priceChanged, crossedTierYear: years.length > 1 };
  };
}
