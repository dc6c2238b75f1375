// The metered part of the two-part heating tariff (H-7.2.1 两部制热价: 基本热价 by heated area + 计量热价 by the heat
// the meter records), settled after the season. Heat registers are integer Wh (kWh × 1000); money integer fen.
// The heat used is read, never guessed: a meter without a usable reading at either end is reported.

import { domainError } from '../errors.ts';
import { divRoundHalfUp } from '../billing/units.ts';
import { assertDateString, type DateString } from '../time/shanghai.ts';
import type { SeasonDates } from './season.ts';

export interface HeatReading {
  meterId: string;
  readOn: DateString;
  /** Cumulative register, Wh. */
  register: number;
  /** 'actual' | 'remote' | 'customer' | 'estimated' — estimates are not used for the settlement. */
  kind?: string;
}

export interface MeterSeasonUse {
  meterId: string;
  startOn: DateString;
  startRegister: number;
  endOn: DateString;
  endRegister: number;
  wh: number;
}

export type MeteredMissing = 'no_reading' | 'no_start_reading' | 'no_end_reading' | 'register_decreased';

export type MeteredHeat =
  | { ok: true; wh: number; meters: MeterSeasonUse[] }
  | { ok: false; reason: MeteredMissing; meterId?: string };

/**
 * H-7.2.1: the heat one account used over the season, per heat meter: the register at the season start (no heat
 * flows before it, so the latest reading on or before the start; for a meter set in during the season its first
 * reading) to the register at the season end (the latest reading on or before the end). Estimated readings are
 * ignored. Every meter must have both ends; otherwise the reason is returned and nothing is billed.
 */
export function meteredHeatOfSeason(season: SeasonDates, readings: readonly HeatReading[]): MeteredHeat {
  assertDateString(season.startsOn);
  assertDateString(season.endsOn);
  const byMeter = new Map<string, HeatReading[]>();
  for (const r of readings) {
    if (r.kind === 'estimated' || r.readOn > season.endsOn) continue;
    byMeter.set(r.meterId, [...(byMeter.get(r.meterId) ?? []), r]);
  }
  if (byMeter.size === 0) return { ok: false, reason: 'no_reading' };
  const meters: MeterSeasonUse[] = [];
  for (const [meterId, list] of [...byMeter].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...list].sort((a, b) => a.readOn.localeCompare(b.readOn));
    const before = sorted.filter((r) => r.readOn <= season.startsOn);
    const within = sorted.filter((r) => r.readOn > season.startsOn);
    const start = before.at(-1) ?? within[0];
    if (!start) return { ok: false, reason: 'no_start_reading', meterId };
    const end = sorted.at(-1)!;
    // A meter whose every reading predates the season recorded nothing of it: no end reading.
    if (end === start || end.readOn <= season.startsOn)
      return { ok: false, reason: 'no_end_reading', meterId };
    if (end.register < start.register) return { ok: false, reason: 'register_decreased', meterId };
    meters.push({
      meterId,
      startOn: start.readOn,
      startRegister: start.register,
      endOn: end.readOn,
      endRegister: end.register,
      wh: end.register - start.register,
    });
  }
  return { ok: true, wh: meters.reduce((s, m) => s + m.wh, 0), meters };
}

/** H-7.2.1 计量热价: heat (Wh) × fen per kWh ÷ 1000, rounded once, half up, to whole fen. */
export function meteredHeatFee(wh: number, fenPerKwh: number): number {
  if (!Number.isSafeInteger(wh) || wh < 0 || !Number.isSafeInteger(fenPerKwh) || fenPerKwh < 0) {
    throw domainError(
      'HEATING_FEE_INPUT_INVALID',
      `计量热费需要非负整数的热量（Wh）和单价（分/kWh），收到 ${wh}、${fenPerKwh}。`,
      `The metered heat fee needs whole non-negative Wh and fen/kWh, got ${wh}, ${fenPerKwh}.`,
    );
  }
  return divRoundHalfUp(wh * fenPerKwh, 1000);
}
