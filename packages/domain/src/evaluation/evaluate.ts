// Turning counts into a figure and its verdict against Table 1 (H-10.5), and the periods figures are kept for.

import { domainError } from '../errors.ts';
import { addDays, shanghaiMidnightUtc, type DateString } from '../time/shanghai.ts';
import type { IndicatorDefinition, IndicatorTarget } from './indicators.ts';

export type IndicatorStatus = 'met' | 'missed' | 'no_data' | 'no_target';

export interface IndicatorFigure {
  /** Percent rounded half up to two decimals; null when nothing was counted. */
  value: number | null;
  numerator: number;
  denominator: number;
  status: IndicatorStatus;
}

/**
 * The figure of one indicator from its counts. The verdict compares the exact ratio, never the rounded value.
 * An average ('minutes') has the sum of seconds as numerator and the people as denominator; its value is minutes.
 */
export function evaluate(
  def: Pick<IndicatorDefinition, 'target'> & { unit?: IndicatorDefinition['unit'] },
  inputs: { numerator: number; denominator: number },
): IndicatorFigure {
  const { numerator, denominator } = inputs;
  if (def.unit === 'minutes') return evaluateAverage(def, numerator, denominator);
  if (def.unit === 'permille') return evaluatePermille(def, numerator, denominator);
  if (
    !Number.isInteger(numerator) ||
    !Number.isInteger(denominator) ||
    numerator < 0 ||
    numerator > denominator
  ) {
    throw domainError(
      'EVALUATION_COUNTS_INVALID',
      `分子（${numerator}）须为不大于分母（${denominator}）的非负整数`,
      `The numerator (${numerator}) must be a whole number from 0 to the denominator (${denominator})`,
    );
  }
  if (denominator === 0) return { value: null, numerator, denominator, status: 'no_data' };
  const value = Math.round((numerator * 10000) / denominator) / 100;
  const status = def.target ? (meets(def.target, numerator, denominator) ? 'met' : 'missed') : 'no_target';
  return { value, numerator, denominator, status };
}

function evaluateAverage(
  def: Pick<IndicatorDefinition, 'target'>,
  seconds: number,
  people: number,
): IndicatorFigure {
  if (!Number.isInteger(seconds) || !Number.isInteger(people) || seconds < 0 || people < 0) {
    throw domainError(
      'EVALUATION_COUNTS_INVALID',
      `合计（${seconds}）与人数（${people}）须为非负整数`,
      `The sum (${seconds}) and the people (${people}) must be whole numbers from 0`,
    );
  }
  if (people === 0) return { value: null, numerator: seconds, denominator: people, status: 'no_data' };
  const value = Math.round((seconds * 100) / (people * 60)) / 100;
  const status = def.target ? (meets(def.target, seconds, people) ? 'met' : 'missed') : 'no_target';
  return { value, numerator: seconds, denominator: people, status };
}

/** H-10.5.1: a ratio of amounts (m²·min) in ‰, two decimals; the verdict compares the exact integers. */
function evaluatePermille(
  def: Pick<IndicatorDefinition, 'target'>,
  amount: number,
  base: number,
): IndicatorFigure {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(base) || amount < 0 || base < 0) {
    throw domainError(
      'EVALUATION_COUNTS_INVALID',
      `分子（${amount}）与分母（${base}）须为非负整数`,
      `The numerator (${amount}) and the denominator (${base}) must be whole numbers from 0`,
    );
  }
  if (base === 0) return { value: null, numerator: amount, denominator: base, status: 'no_data' };
  const value = Math.round((amount / base) * 100_000) / 100;
  const status = def.target ? (meets(def.target, amount, base) ? 'met' : 'missed') : 'no_target';
  return { value, numerator: amount, denominator: base, status };
}

function meets(target: IndicatorTarget, numerator: number, denominator: number): boolean {
  if (target.kind === 'all') return numerator === denominator;
  // An average: the sum of seconds within the ceiling times the people.
  if (target.kind === 'at_most') return numerator <= denominator * target.minutes * 60;
  // In BigInt: m²·min sums reach 10¹³, and ×1000 would leave the exact range of a double.
  if (target.kind === 'at_most_permille')
    return BigInt(numerator) * 1_000_000n <= BigInt(denominator) * BigInt(Math.round(target.permille * 1000));
  return numerator * 100 >= denominator * target.percent;
}

export type PeriodKind = 'month' | 'year' | 'season';

export interface EvaluationPeriod {
  kind: PeriodKind;
  key: string;
  /** Shanghai dates, the end exclusive; a season's dates come from the stored heating seasons. */
  from?: DateString;
  to?: DateString;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;
const SEASON = /^(\d{4})-(\d{4})$/;

/** 'YYYY-MM' a month, 'YYYY' a year, 'YYYY-YYYY' a heating season (the second year the next). */
export function parseEvaluationPeriod(text: string): EvaluationPeriod {
  const month = MONTH.exec(text);
  if (month) {
    const from = `${month[1]}-${month[2]}-01` as DateString;
    const next =
      Number(month[2]) === 12
        ? `${Number(month[1]) + 1}-01-01`
        : `${month[1]}-${String(Number(month[2]) + 1).padStart(2, '0')}-01`;
    return { kind: 'month', key: text, from, to: next as DateString };
  }
  const year = YEAR.exec(text);
  if (year)
    return {
      kind: 'year',
      key: text,
      from: `${text}-01-01` as DateString,
      to: `${Number(text) + 1}-01-01` as DateString,
    };
  const season = SEASON.exec(text);
  if (season && Number(season[2]) === Number(season[1]) + 1) return { kind: 'season', key: text };
  throw domainError(
    'EVALUATION_PERIOD_INVALID',
    `考核期“${text}”无效：应为年月（2026-11）、年度（2026）或供热期（2026-2027）`,
    `Period "${text}" is invalid: use a month (2026-11), a year (2026) or a heating season (2026-2027)`,
    { field: 'period' },
  );
}

/** The instants of a period's Shanghai dates: [from 00:00, to 00:00). */
export function periodInstants(from: DateString, toExclusive: DateString): { start: Date; end: Date } {
  return { start: shanghaiMidnightUtc(from), end: shanghaiMidnightUtc(toExclusive) };
}

/** A season from its stored areas' dates: the first start to the day after the last end. */
export function seasonWindow(key: string, seasons: readonly { startsOn: DateString; endsOn: DateString }[]) {
  if (seasons.length === 0) {
    throw domainError(
      'EVALUATION_SEASON_UNKNOWN',
      `尚未设置供热期 ${key}`,
      `No heating season ${key} has been set up`,
      { field: 'period' },
    );
  }
  const from = seasons.map((s) => s.startsOn).reduce((a, b) => (a < b ? a : b));
  const last = seasons.map((s) => s.endsOn).reduce((a, b) => (a > b ? a : b));
  return { from, to: addDays(last, 1) };
}

/**
 * Rank per indicator: best first (a higher rate, or with `lowerIsBetter` a shorter average wait), equal values share
 * a rank, no data unranked.
 */
export function rankFigures<T extends { value: number | null }>(
  rows: readonly T[],
  lowerIsBetter = false,
): (T & { rank: number | null })[] {
  const values = rows.map((r) => r.value).filter((v): v is number => v !== null);
  const better = (v: number, than: number) => (lowerIsBetter ? v < than : v > than);
  return rows.map((r) => ({
    ...r,
    rank: r.value === null ? null : 1 + values.filter((v) => better(v, r.value!)).length,
  }));
}

/**
 * The `count` periods ending with `period`, oldest first, for a trend: months before a month, years before a year,
 * heating seasons before a season ('2024-2025', '2025-2026', …).
 */
export function trendPeriods(period: string, count: number): string[] {
  const p = parseEvaluationPeriod(period);
  const out: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    if (p.kind === 'month') {
      const [y, m] = p.key.split('-').map(Number) as [number, number];
      const index = y * 12 + (m - 1) - back;
      out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
    } else if (p.kind === 'year') {
      out.push(String(Number(p.key) - back));
    } else {
      const first = Number(p.key.slice(0, 4)) - back;
      out.push(`${first}-${first + 1}`);
    }
  }
  return out;
}
