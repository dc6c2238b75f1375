// G-6.2.15, G-6.2.16, G-12.4.2.1: the network checks a pipeline gas company owes — appliance inlet pressure near and
// far from each pressure-regulating station at households drawn at random, at least once every 2 months, and the
// odorant level at the network's ends at least once a month — judged against ranges kept here as data with their
// source, and the rounds that fall due.

import { DomainError, type Messages } from '../errors.ts';
import { addDays, toShanghaiDate, type DateString } from '../time/shanghai.ts';

export type NetworkGasType = 'natural_gas' | 'lpg';
export const NETWORK_GAS_TYPES: readonly NetworkGasType[] = ['natural_gas', 'lpg'];

export interface PressureRange {
  ratedPa: number;
  minPa: number;
  maxPa: number;
  source: Messages;
}

/**
 * G-6.2.15 b) "符合燃气种类特性": the inlet pressure is judged against the gas type's rated appliance pressure Pn
 * (GB/T 13611: 2.0 kPa natural gas 12T, 2.8 kPa LPG 20Y) within the 0.75 Pn–1.5 Pn band appliances are built for.
 */
export const APPLIANCE_PRESSURE_RANGES: Readonly<Record<NetworkGasType, PressureRange>> = {
  natural_gas: {
    ratedPa: 2000,
    minPa: 1500,
    maxPa: 3000,
    source: {
      zh: 'GB/T 13611 天然气 12T 额定压力 2.0 kPa，燃具前压力 0.75–1.5 倍额定压力',
      en: 'GB/T 13611: natural gas 12T rated 2.0 kPa; inlet 0.75–1.5 × rated',
    },
  },
  lpg: {
    ratedPa: 2800,
    minPa: 2100,
    maxPa: 4200,
    source: {
      zh: 'GB/T 13611 液化石油气 20Y 额定压力 2.8 kPa，燃具前压力 0.75–1.5 倍额定压力',
      en: 'GB/T 13611: LPG 20Y rated 2.8 kPa; inlet 0.75–1.5 × rated',
    },
  },
};

export interface PressureJudgement {
  passed: boolean;
  minPa: number;
  maxPa: number;
  source: Messages;
}

/** G-6.2.15, G-12.4.2.1: a check passes when the measured inlet pressure lies within its gas type's band. */
export function judgeInletPressure(gasType: NetworkGasType, measuredPa: number): PressureJudgement {
  if (!Number.isFinite(measuredPa) || measuredPa < 0 || measuredPa > 20000)
    throw new DomainError('NETWORK_CHECK_INVALID', {
      zh: '燃具前压力读数不合理（0–20000 Pa）',
      en: 'The inlet pressure reading is implausible (0–20000 Pa)',
    });
  const r = APPLIANCE_PRESSURE_RANGES[gasType];
  return {
    passed: measuredPa >= r.minPa && measuredPa <= r.maxPa,
    minPa: r.minPa,
    maxPa: r.maxPa,
    source: r.source,
  };
}

/**
 * G-6.2.16: the least odorant (tetrahydrothiophene, THT) at a network end, unless the company sets its own: CJJ/T 148
 * gives 20 mg/m³ of THT for natural gas.
 */
export const DEFAULT_ODORANT_MIN: { mgPerM3: number; source: string } = {
  mgPerM3: 20,
  source: 'CJJ/T 148《城镇燃气加臭技术规程》：天然气四氢噻吩（THT）最小加臭量 20 mg/m³',
};

export function judgeOdorant(measuredMgPerM3: number, minMgPerM3: number): boolean {
  if (!Number.isFinite(measuredMgPerM3) || measuredMgPerM3 < 0 || measuredMgPerM3 > 1000)
    throw new DomainError('NETWORK_CHECK_INVALID', {
      zh: '加臭剂浓度读数不合理（0–1000 mg/m³）',
      en: 'The odorant reading is implausible (0–1000 mg/m³)',
    });
  return measuredMgPerM3 >= minMgPerM3;
}

/** A 32-bit FNV-1a hash of the seed, to start the generator. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: small, fast and the same on every machine, which is all an auditable draw needs. */
function generator(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * G-6.2.15 b) "检测点应具有随机性": `n` of the candidates drawn by a seeded shuffle. The candidates are sorted first,
 * so anyone holding the seed and the same list draws the same households — the draw can be audited.
 */
export function drawHouseholds(seed: string, candidates: readonly string[], n: number): string[] {
  const pool = [...new Set(candidates)].sort();
  const next = generator(seed);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.max(0, n));
}

export type RoundState = 'done' | 'due' | 'due_soon' | 'missed';

export interface RoundPeriod {
  /** First day of the period, Shanghai. */
  from: DateString;
  /** First day after it. */
  to: DateString;
}

/** G-6.2.15: two-month periods (Jan–Feb, Mar–Apr, …); G-6.2.16: calendar months. */
export function roundPeriod(date: DateString, months: 1 | 2): RoundPeriod {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const startMonth = months === 2 ? m - ((m - 1) % 2) : m;
  const end = startMonth + months;
  const pad = (n: number) => String(n).padStart(2, '0');
  const from = `${y}-${pad(startMonth)}-01`;
  const to = end > 12 ? `${y + 1}-${pad(end - 12)}-01` : `${y}-${pad(end)}-01`;
  return { from, to };
}

/** Days before a period ends at which a round still missing is flagged, so it is done in time. */
export const ROUND_WARNING_DAYS = 7;

/**
 * The state of one round in the period holding `now`: done when a check falls inside it; due soon in its last
 * `ROUND_WARNING_DAYS` days without one; the previous period without a check is reported as missed.
 */
export function roundState(
  checkedOn: readonly DateString[],
  now: Date,
  months: 1 | 2,
): { period: RoundPeriod; state: RoundState; previousMissed: boolean } {
  const today = toShanghaiDate(now);
  const period = roundPeriod(today, months);
  const within = (p: RoundPeriod) => checkedOn.some((d) => d >= p.from && d < p.to);
  const previous = roundPeriod(addDays(period.from, -1), months);
  const state: RoundState = within(period)
    ? 'done'
    : today >= addDays(period.to, -ROUND_WARNING_DAYS)
      ? 'due_soon'
      : 'due';
  return { period, state, previousMissed: !within(previous) };
}
