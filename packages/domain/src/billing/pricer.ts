// G-6.2.4 for a whole billing run: the period is cut once — at tier-year boundaries and at price changes, inclusive
// dates — and every account's volume is priced on the same cuts. Without a reading at a price change the result
// equals `priceAcrossTierYears` for the same input (pricer.test.ts checks it on random volumes); only the cutting
// and the schedule checks are shared.
//
// G-6.2.4 also says how the usage is shared at a change: where a reading was taken on the day the new price starts
// (or the day before), the litres before and after are the ones that reading measured; only a change with no such
// reading is prorated by days. The caller passes, per change date, the litres used from the period's start up to it.

import { domainError } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';
import { apportion, checkSchedule, priceSegments, segmentsFor } from './tariff.ts';
import type { PriceSchedule, PriceSegment } from './tariff.ts';
import { splitAtTierYear } from './tier-year.ts';
import type { PriceSplitMethod, TierYearPricing } from './tier-year.ts';
import { assertWholeNonNegative } from './units.ts';
import type { Litres } from './units.ts';

/**
 * `usedBefore[d]`: litres from the period's start to the reading at the price change starting on `d` (a reading on
 * `d` or `d − 1`). Changes absent from it are prorated by days.
 */
export type PeriodPricer = (
  volume: Litres,
  tierUsage: Readonly<Record<DateString, Litres>>,
  usedBefore?: Readonly<Record<DateString, Litres>>,
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
  const flat = cuts.flatMap((c, year) => c.map((segment) => ({ segment, year })));
  // The dates a new price starts inside the period: a reading there may split the usage.
  const changes = flat
    .slice(1)
    .map((f, i) => ({ index: i + 1, on: f.segment.from }))
    .filter((c) => flat[c.index]!.segment.schedule.id !== flat[c.index - 1]!.segment.schedule.id);
  return (volume, usage, usedBefore) => {
    assertWholeNonNegative(volume, 'volume');
    const measured = changes.filter((c) => usedBefore?.[c.on] !== undefined);
    const perYear =
      measured.length === 0 ? undefined : sharesFromReadings(flat, cuts, volume, measured, usedBefore!);
    const shares = years.length === 1 ? [volume] : apportion(volume, days);
    const tierUsage: Record<DateString, Litres> = { ...usage };
    const lines: TierYearPricing['lines'] = [];
    let amount = 0;
    let priceChanged = false;
    years.forEach((year, i) => {
      const before = tierUsage[year.tierYear] ?? 0;
      assertWholeNonNegative(before, 'tier usage');
      const given = perYear?.[i];
      const total = given ? given.reduce((s, v) => s + v, 0) : shares[i]!;
      const priced = priceSegments(cuts[i]!, total, before, given);
      tierUsage[year.tierYear] = priced.tierUsedAfter;
      for (const l of priced.lines) lines.push({ ...l, tierYear: year.tierYear });
      amount += priced.amount;
      priceChanged ||= priced.priceChanged;
    });
    const split: PriceSplitMethod =
      measured.length === 0
        ? priceChanged
          ? 'prorated'
          : 'none'
        : measured.length === changes.length
          ? 'reading'
          : 'reading_and_prorated';
    return {
      lines,
      volume,
      amount,
      tierUsage,
      priceChanged,
      crossedTierYear: years.length > 1,
      split,
    };
  };
}

/**
 * Each segment's litres when readings split the period: between two known points (the start, each measured change,
 * the end) the litres are the difference of the readings, prorated by days only over the segments between them.
 */
function sharesFromReadings(
  flat: readonly { segment: PriceSegment; year: number }[],
  cuts: readonly PriceSegment[][],
  volume: Litres,
  measured: readonly { index: number; on: DateString }[],
  usedBefore: Readonly<Record<DateString, Litres>>,
): Litres[][] {
  const points = [
    { index: 0, used: 0 },
    ...measured.map((m) => ({ index: m.index, used: usedBefore[m.on]! })),
    { index: flat.length, used: volume },
  ];
  const litres: Litres[] = [];
  for (let p = 1; p < points.length; p++) {
    const from = points[p - 1]!;
    const to = points[p]!;
    assertWholeNonNegative(to.used, 'usage before a price change');
    if (to.used < from.used) {
      throw domainError(
        'BILLING_SPLIT_READING_INVALID',
        '调价日读数与本期起止读数不一致（读数倒退或超出本期用量），无法按读数分段（G-6.2.4）。',
        'A reading at a price change does not lie between the period’s readings; the usage cannot be split by it (G-6.2.4).',
        { usedBefore, volume },
      );
    }
    const block = flat.slice(from.index, to.index).map((f) => f.segment.days);
    litres.push(...apportion(to.used - from.used, block));
  }
  let k = 0;
  return cuts.map((c) => c.map(() => litres[k++]!));
}
