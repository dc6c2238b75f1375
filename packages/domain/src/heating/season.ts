// Heating seasons (H-5.2) and season prices (H-7.2.1). Seasons are data: nothing here assumes 15 Nov – 15 Mar.
// Heated area is carried as integer centi-square-metres (0.01 m², what premises.heated_area_m2 holds), heat as
// integer Wh (kWh × 1000), money as integer fen; every product is exact and rounded once, half up.

import { domainError } from '../errors.ts';
import { divRoundHalfUp } from '../billing/units.ts';
import { assertDateString, daysBetween, type DateString } from '../time/shanghai.ts';

export interface SeasonDates {
  startsOn: DateString;
  endsOn: DateString;
}

/** H-7.2.4.4 uses the legal heating days of the full season: the days from the start to the end set (end − start). */
export function legalHeatingDaysOf(season: SeasonDates): number {
  assertSeasonDates(season);
  return daysBetween(season.startsOn, season.endsOn);
}

export function assertSeasonDates(season: SeasonDates): void {
  assertDateString(season.startsOn);
  assertDateString(season.endsOn);
  if (season.endsOn <= season.startsOn) {
    throw domainError(
      'HEATING_SEASON_INVALID',
      `供热期结束日（${season.endsOn}）必须晚于开始日（${season.startsOn}）。`,
      `The season end (${season.endsOn}) must be after its start (${season.startsOn}).`,
      { field: 'endsOn' },
    );
  }
}

/** The period label of a season, e.g. '2026-2027' for one starting in November 2026. */
export function seasonPeriod(season: SeasonDates): string {
  const from = season.startsOn.slice(0, 4);
  const to = season.endsOn.slice(0, 4);
  return from === to ? from : `${from}-${to}`;
}

export type SeasonFlagCode = 'late_start' | 'early_end';
export interface SeasonFlag {
  code: SeasonFlagCode;
  /** Days of heating lost. */
  days: number;
  on: DateString;
}

/** H-5.2.2: the company must not start later or end earlier than the period the government set. */
export function seasonFlags(
  season: SeasonDates & { actualStartOn?: DateString | null; actualEndOn?: DateString | null },
): SeasonFlag[] {
  assertSeasonDates(season);
  const flags: SeasonFlag[] = [];
  if (season.actualStartOn) {
    assertDateString(season.actualStartOn);
    if (season.actualStartOn > season.startsOn) {
      flags.push({
        code: 'late_start',
        days: daysBetween(season.startsOn, season.actualStartOn),
        on: season.actualStartOn,
      });
    }
  }
  if (season.actualEndOn) {
    assertDateString(season.actualEndOn);
    if (season.actualEndOn < season.endsOn) {
      flags.push({
        code: 'early_end',
        days: daysBetween(season.actualEndOn, season.endsOn),
        on: season.actualEndOn,
      });
    }
  }
  return flags;
}

/** A heating price as stored in price_schedules.heating (H-7.2.1). */
export type HeatingPrice =
  | { method: 'area'; fenPerM2PerSeason: number }
  | { method: 'two_part'; baseFenPerM2: number; fenPerKwh: number };

export interface HeatingBillLine {
  part: 'area' | 'base' | 'metered';
  /** Heated area in 0.01 m² (area and base parts) or heat in Wh (metered part). */
  quantity: number;
  unit: 'centi_m2' | 'wh';
  /** fen per m² per season, or fen per kWh. */
  price: number;
  amountFen: number;
}

export function assertHeatingPrice(price: HeatingPrice): void {
  const values = price.method === 'area' ? [price.fenPerM2PerSeason] : [price.baseFenPerM2, price.fenPerKwh];
  for (const value of values) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw domainError(
        'HEATING_PRICE_INVALID',
        `供热价格须为非负整数（分），收到「${String(value)}」。`,
        `A heating price must be a non-negative whole number of fen, got "${String(value)}".`,
      );
    }
  }
}

/** Area part: heated area (0.01 m²) × fen per m² per season. */
export function areaFee(centiM2: number, fenPerM2: number): number {
  assertWholeQuantity(centiM2, 'heatedArea');
  return divRoundHalfUp(centiM2 * fenPerM2, 100);
}

/**
 * The season bill lines (H-7.2.1): by area, or the two-part tariff (base part by area plus metered heat).
 * A two-part customer without a usable reading yet is billed the base part only (`meteredWh` undefined).
 */
export function seasonBillLines(input: {
  price: HeatingPrice;
  centiM2: number;
  meteredWh?: number;
}): HeatingBillLine[] {
  assertHeatingPrice(input.price);
  const { price, centiM2 } = input;
  if (price.method === 'area') {
    const amount = areaFee(centiM2, price.fenPerM2PerSeason);
    return [
      {
        part: 'area',
        quantity: centiM2,
        unit: 'centi_m2',
        price: price.fenPerM2PerSeason,
        amountFen: amount,
      },
    ];
  }
  const lines: HeatingBillLine[] = [
    {
      part: 'base',
      quantity: centiM2,
      unit: 'centi_m2',
      price: price.baseFenPerM2,
      amountFen: areaFee(centiM2, price.baseFenPerM2),
    },
  ];
  if (input.meteredWh !== undefined) {
    assertWholeQuantity(input.meteredWh, 'meteredWh');
    lines.push({
      part: 'metered',
      quantity: input.meteredWh,
      unit: 'wh',
      price: price.fenPerKwh,
      amountFen: divRoundHalfUp(input.meteredWh * price.fenPerKwh, 1000),
    });
  }
  return lines;
}

/** The price in effect on `on`: the latest schedule whose effective date is not after it. */
export function priceInEffect<T extends { effectiveFrom: DateString }>(
  schedules: readonly T[],
  on: DateString,
): T | undefined {
  let best: T | undefined;
  for (const schedule of schedules) {
    if (schedule.effectiveFrom <= on && (!best || schedule.effectiveFrom > best.effectiveFrom))
      best = schedule;
  }
  return best;
}

/** '123.45' (premises.heated_area_m2) → 12345 centi-m²; null/invalid → null. */
export function centiM2FromDecimal(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(text).trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function assertWholeQuantity(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw domainError(
      'HEATING_FEE_INPUT_INVALID',
      `${field} 应为非负整数，收到「${String(value)}」。`,
      `${field} must be a non-negative whole number, got "${String(value)}".`,
      { field },
    );
  }
}
