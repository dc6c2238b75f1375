// G-6.2.4: prices with effective dates and annual tiers (阶梯气价). On a price change inside a period the usage
// before and after is billed separately at each price. Dates are inclusive: a segment runs from its first to its
// last day and the next starts the day after, so no day counts twice.
//
// Pro-rating: the period's volume is shared by days with the D'Hondt divisor method (floors of the exact share,
// then the litres left over one at a time to the segment with the largest days/(litres+1)). The shares sum to the
// volume exactly and — unlike largest remainders (the "Alabama paradox") — no segment's share ever falls when the
// volume grows. Tiers: `tierUsedBeforeThisPeriod` is the household's usage so far in the tier year; each segment
// climbs the tiers of the schedule in force. The caller splits periods at the tier-year boundary.
//
// Rounding (one rule): amounts are exact in 1/1000 fen (litres × fen/m³); each line's fen is the half-up rounding
// of the running total up to and including it minus that of the running total before it. So every line is within
// 1 fen of its own exact amount, the lines sum to the half-up of the exact total, and the total never falls as the
// volume grows. (Rounding every line on its own could lose a fen when a litre moves from one tier line to the next.)

import { domainError } from '../errors.ts';
import { addDays, assertDateString, daysBetween } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { assertWholeNonNegative, divRoundHalfUp, LITRES_PER_M3 } from './units.ts';
import type { Fen, FenPerM3, Litres } from './units.ts';

export interface PriceTier {
  /** Annual usage (litres) up to which this tier applies; null for the last, open tier. */
  upTo: Litres | null;
  price: FenPerM3;
}

export interface PriceSchedule {
  id: string;
  customerClass: string;
  /** First day the schedule applies (inclusive). */
  effectiveFrom: DateString;
  /** Ascending thresholds; a flat price is one open tier. */
  tiers: readonly PriceTier[];
  label?: string;
}

/**
 * DEMO VALUES, not Zibo's: residential tiers 0–400 m³, 400–600 m³, above 600 m³ a year, with a price change
 * on 2025-07-01. Editable data; replace with the figures the local price authority publishes.
 */
export const DEMO_RESIDENTIAL_SCHEDULES: readonly PriceSchedule[] = [
  {
    id: 'demo-res-2025a',
    customerClass: 'residential',
    effectiveFrom: '2025-01-01',
    label: '演示价格（非淄博实价）',
    tiers: [
      { upTo: 400_000, price: 300 },
      { upTo: 600_000, price: 360 },
      { upTo: null, price: 450 },
    ],
  },
  {
    id: 'demo-res-2025b',
    customerClass: 'residential',
    effectiveFrom: '2025-07-01',
    label: '演示价格（非淄博实价）',
    tiers: [
      { upTo: 400_000, price: 326 },
      { upTo: 600_000, price: 391 },
      { upTo: null, price: 489 },
    ],
  },
];

export interface PriceLine {
  from: DateString;
  to: DateString;
  days: number;
  scheduleId: string;
  tier: number;
  volume: Litres;
  price: FenPerM3;
  amount: Fen;
}

export interface PricedUsage {
  lines: PriceLine[];
  volume: Litres;
  amount: Fen;
  /** Tier-year usage after this period. */
  tierUsedAfter: Litres;
  /** True when a price changed inside the period: the customer must be told (G-6.2.4). */
  priceChanged: boolean;
}

function invalid(zh: string, en: string, details?: unknown): Error {
  return domainError('BILLING_TARIFF_INVALID', zh, en, details);
}

export function checkSchedule(schedule: PriceSchedule): void {
  assertDateString(schedule.effectiveFrom);
  if (schedule.tiers.length === 0)
    throw invalid(`价格表 ${schedule.id} 没有价格档。`, `Schedule ${schedule.id} has no tiers.`);
  let previous = 0;
  schedule.tiers.forEach((tier, i) => {
    assertWholeNonNegative(tier.price, `price of ${schedule.id} tier ${i + 1}`);
    const last = i === schedule.tiers.length - 1;
    if (last !== (tier.upTo === null)) {
      throw invalid(
        `价格表 ${schedule.id}：只有最后一档不设上限。`,
        `Schedule ${schedule.id}: only the last tier is open.`,
      );
    }
    if (tier.upTo !== null) {
      assertWholeNonNegative(tier.upTo, `threshold of ${schedule.id} tier ${i + 1}`);
      if (tier.upTo <= previous) {
        throw invalid(
          `价格表 ${schedule.id}：档位上限须递增。`,
          `Schedule ${schedule.id}: thresholds must ascend.`,
        );
      }
      previous = tier.upTo;
    }
  });
}

interface Segment {
  from: DateString;
  to: DateString;
  days: number;
  schedule: PriceSchedule;
}

/** The period cut at every schedule change inside it, inclusive dates. */
export function segmentsFor(
  periodStart: DateString,
  periodEnd: DateString,
  schedules: readonly PriceSchedule[],
): Segment[] {
  const sorted = [...schedules].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
  const inForce = sorted.filter((s) => s.effectiveFrom <= periodStart).pop();
  if (!inForce) {
    throw domainError(
      'BILLING_NO_PRICE',
      `${periodStart} 没有生效的价格表。`,
      `No price schedule is in force on ${periodStart}.`,
      { periodStart },
    );
  }
  const starts = [
    inForce,
    ...sorted.filter((s) => s.effectiveFrom > periodStart && s.effectiveFrom <= periodEnd),
  ];
  return starts.map((schedule, i) => {
    const from = i === 0 ? periodStart : schedule.effectiveFrom;
    const next = starts[i + 1];
    const to = next ? addDays(next.effectiveFrom, -1) : periodEnd;
    return { from, to, days: daysBetween(from, to) + 1, schedule };
  });
}

/** D'Hondt apportionment of `total` by `weights` (all > 0): sums to total, each share monotone in total. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let left = total - shares.reduce((s, a) => s + a, 0);
  while (left > 0) {
    let best = 0;
    for (let i = 1; i < weights.length; i++) {
      // weights[i]/(shares[i]+1) > weights[best]/(shares[best]+1), in integers; ties go to the earlier segment.
      if (
        (weights[i] as number) * ((shares[best] as number) + 1) >
        (weights[best] as number) * ((shares[i] as number) + 1)
      ) {
        best = i;
      }
    }
    shares[best] = (shares[best] as number) + 1;
    left--;
  }
  return shares;
}

export function priceUsage(input: {
  periodStart: DateString;
  periodEnd: DateString;
  volume: Litres;
  schedules: readonly PriceSchedule[];
  tierUsedBeforeThisPeriod: Litres;
}): PricedUsage {
  const { periodStart, periodEnd, volume, schedules, tierUsedBeforeThisPeriod } = input;
  assertDateString(periodStart);
  assertDateString(periodEnd);
  assertWholeNonNegative(volume, 'volume');
  assertWholeNonNegative(tierUsedBeforeThisPeriod, 'tierUsedBeforeThisPeriod');
  if (periodEnd < periodStart) {
    throw invalid(
      `计费期 ${periodStart} 至 ${periodEnd} 颠倒。`,
      `Period ${periodStart} to ${periodEnd} ends before it starts.`,
    );
  }
  schedules.forEach(checkSchedule);
  return priceSegments(segmentsFor(periodStart, periodEnd, schedules), volume, tierUsedBeforeThisPeriod);
}

export type PriceSegment = ReturnType<typeof segmentsFor>[number];

/**
 * The pricing core of `priceUsage` on segments already cut and checked (`segmentsFor` over checked schedules): a
 * billing run cuts a period once and prices every account's volume on the same segments.
 */
export function priceSegments(
  segments: readonly PriceSegment[],
  volume: Litres,
  tierUsedBeforeThisPeriod: Litres,
  /** Each segment's litres when a reading measured them (G-6.2.4); by days otherwise. Must sum to `volume`. */
  given?: readonly Litres[],
): PricedUsage {
  const shares = given
    ? [...given]
    : apportion(
        volume,
        segments.map((s) => s.days),
      );
  const raw: Omit<PriceLine, 'amount'>[] = [];
  let used = tierUsedBeforeThisPeriod;
  segments.forEach((segment, i) => {
    let remaining = shares[i] as number;
    segment.schedule.tiers.forEach((tier, t) => {
      if (remaining === 0) return;
      const room = tier.upTo === null ? remaining : Math.max(0, tier.upTo - used);
      const take = Math.min(room, remaining);
      if (take === 0) return;
      raw.push({
        from: segment.from,
        to: segment.to,
        days: segment.days,
        scheduleId: segment.schedule.id,
        tier: t + 1,
        volume: take,
        price: tier.price,
      });
      used += take;
      remaining -= take;
    });
    if (shares[i] === 0) {
      const tierIndex = segment.schedule.tiers.findIndex((tier) => tier.upTo === null || tier.upTo > used);
      const tier = segment.schedule.tiers[tierIndex] as PriceTier;
      raw.push({
        from: segment.from,
        to: segment.to,
        days: segment.days,
        scheduleId: segment.schedule.id,
        tier: tierIndex + 1,
        volume: 0,
        price: tier.price,
      });
    }
  });
  let exact = 0;
  let rounded = 0;
  const lines = raw.map((line) => {
    exact += line.volume * line.price;
    const next = divRoundHalfUp(exact, LITRES_PER_M3);
    const amount = next - rounded;
    rounded = next;
    return { ...line, amount };
  });
  return { lines, volume, amount: rounded, tierUsedAfter: used, priceChanged: segments.length > 1 };
}
