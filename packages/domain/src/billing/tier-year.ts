// 阶梯气价 count a household's usage per tier year (G-6.2.4 prices as published; the tier year starts on the first
// day of `tierYearStartMonth`, 1 = calendar year). `priceUsage` climbs the tiers inside one tier year; this file
// cuts a billing period at the tier-year boundary, shares the volume by days (the same D'Hondt rule as price
// changes, inclusive dates so no day counts twice) and carries each tier year's usage so far.

import { domainError } from '../errors.ts';
import { addDays, assertDateString, daysBetween } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { apportion, priceUsage } from './tariff.ts';
import type { PriceLine, PriceSchedule } from './tariff.ts';
import { assertWholeNonNegative } from './units.ts';
import type { Fen, Litres } from './units.ts';

export interface TierYearSegment {
  /** First day of the tier year this segment belongs to, e.g. '2026-01-01'. */
  tierYear: DateString;
  from: DateString;
  to: DateString;
  days: number;
}

function checkStartMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw domainError(
      'BILLING_TARIFF_INVALID',
      `阶梯年度起始月须为 1–12，收到 ${month}。`,
      `The tier year's first month must be 1–12; got ${month}.`,
    );
  }
}

/** The first day of the tier year `date` falls in. */
export function tierYearOf(date: DateString, startMonth = 1): DateString {
  assertDateString(date);
  checkStartMonth(startMonth);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const y = month >= startMonth ? year : year - 1;
  return `${String(y).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
}

function nextTierYear(tierYear: DateString): DateString {
  return `${String(Number(tierYear.slice(0, 4)) + 1).padStart(4, '0')}${tierYear.slice(4)}`;
}

/** The period cut at every tier-year boundary inside it; inclusive dates, consecutive, no day twice. */
export function splitAtTierYear(
  periodStart: DateString,
  periodEnd: DateString,
  startMonth = 1,
): TierYearSegment[] {
  assertDateString(periodStart);
  assertDateString(periodEnd);
  if (periodEnd < periodStart) {
    throw domainError(
      'BILLING_TARIFF_INVALID',
      `计费期 ${periodStart} 至 ${periodEnd} 颠倒。`,
      `Period ${periodStart} to ${periodEnd} ends before it starts.`,
    );
  }
  const segments: TierYearSegment[] = [];
  let from = periodStart;
  while (from <= periodEnd) {
    const tierYear = tierYearOf(from, startMonth);
    const boundary = nextTierYear(tierYear);
    const to = boundary <= periodEnd ? addDays(boundary, -1) : periodEnd;
    segments.push({ tierYear, from, to, days: daysBetween(from, to) + 1 });
    from = addDays(to, 1);
  }
  return segments;
}

export interface TierYearPricing {
  lines: (PriceLine & { tierYear: DateString })[];
  volume: Litres;
  amount: Fen;
  /** Usage per tier year after this period (the input map plus this period's share). */
  tierUsage: Record<DateString, Litres>;
  priceChanged: boolean;
  crossedTierYear: boolean;
  /**
   * G-6.2.4, how the usage was shared at the price changes: `reading` by a reading at each change, `prorated` by days
   * (no reading splits the period), `reading_and_prorated` when only some changes had one; `none` without a change.
   */
  split: PriceSplitMethod;
}

export type PriceSplitMethod = 'none' | 'reading' | 'prorated' | 'reading_and_prorated';

/**
 * Prices a period that may straddle tier years: the volume is shared by days between the tier years, and each part
 * climbs the tiers from that year's usage so far (`tierUsage[tierYear]`, 0 when absent).
 */
export function priceAcrossTierYears(input: {
  periodStart: DateString;
  periodEnd: DateString;
  volume: Litres;
  schedules: readonly PriceSchedule[];
  tierUsage: Readonly<Record<DateString, Litres>>;
  tierYearStartMonth?: number;
}): TierYearPricing {
  assertWholeNonNegative(input.volume, 'volume');
  const segments = splitAtTierYear(input.periodStart, input.periodEnd, input.tierYearStartMonth ?? 1);
  const shares = apportion(
    input.volume,
    segments.map((s) => s.days),
  );
  const tierUsage: Record<DateString, Litres> = { ...input.tierUsage };
  const lines: TierYearPricing['lines'] = [];
  let amount = 0;
  let priceChanged = false;
  segments.forEach((segment, i) => {
    const before = tierUsage[segment.tierYear] ?? 0;
    const priced = priceUsage({
      periodStart: segment.from,
      periodEnd: segment.to,
      volume: shares[i] as number,
      schedules: input.schedules,
      tierUsedBeforeThisPeriod: before,
    });
    tierUsage[segment.tierYear] = priced.tierUsedAfter;
    lines.push(...priced.lines.map((l) => ({ ...l, tierYear: segment.tierYear })));
    amount += priced.amount;
    priceChanged ||= priced.priceChanged;
  });
  return {
    lines,
    volume: input.volume,
    amount,
    tierUsage,
    priceChanged,
    crossedTierYear: segments.length > 1,
    split: priceChanged ? 'prorated' : 'none',
  };
}
