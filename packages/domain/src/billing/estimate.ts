// G-6.2.5: where a resident's meter cannot be read, the month is estimated — and a monthly estimate is never above
// the customer's highest ACTUAL month in the past year. The next actual reading settles the difference (多退少补);
// a bill built on an estimate above that actual reading is corrected by a new document, never edited.
// Volumes are integer litres (see units.ts).

import { domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import { addDays, assertDateString } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { assertWholeNonNegative, divRoundHalfUp, formatM3 } from './units.ts';
import type { Litres } from './units.ts';

export interface MonthlyUsage {
  /** Last day of the month (or billing period) the volume belongs to. */
  periodEnd: DateString;
  volume: Litres;
  kind: 'actual' | 'estimated';
}

/**
 * average_of_recent_actuals: half-up mean of the (up to) 3 latest actual months of the past year;
 * same_month_last_year: the actual month ending 1 year earlier (falls back to the average when missing);
 * fixed: an agreed volume (contract, G-6.2.3).
 */
export type EstimateMethod =
  | { kind: 'average_of_recent_actuals'; months?: number }
  | { kind: 'same_month_last_year' }
  | { kind: 'fixed'; volume: Litres };

export interface MonthlyEstimate {
  volume: Litres;
  /** True when the method's figure was lowered to the highest actual month (G-6.2.5). */
  capped: boolean;
  uncappedVolume: Litres;
  highestActual: { periodEnd: DateString; volume: Litres };
  basis: Messages;
}

/** The same day one year earlier (02-29 → 02-28). */
export function oneYearBefore(date: DateString): DateString {
  assertDateString(date);
  const year = Number(date.slice(0, 4)) - 1;
  const monthDay = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${String(year).padStart(4, '0')}${monthDay}`;
}

/**
 * G-6.2.5 "the past year": the twelve months before the month being estimated, the same month of last year included
 * (estimating 2026-12 looks at 2025-12 … 2026-11). Months are compared by calendar month, so a February ending on
 * the 28th or the 29th counts alike.
 */
export function inPastTwelveMonths(monthEnd: DateString, periodEnd: DateString): boolean {
  return (
    monthEnd.slice(0, 7) >= oneYearBefore(periodEnd).slice(0, 7) &&
    monthEnd.slice(0, 7) < periodEnd.slice(0, 7)
  );
}

/** Actual months of the past twelve (see `inPastTwelveMonths`), oldest first. */
function actualsInPastYear(history: readonly MonthlyUsage[], periodEnd: DateString): MonthlyUsage[] {
  return history
    .filter((h) => h.kind === 'actual' && inPastTwelveMonths(h.periodEnd, periodEnd))
    .sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
}

export function estimateMonthlyUsage(input: {
  history: readonly MonthlyUsage[];
  periodEnd: DateString;
  method: EstimateMethod;
}): MonthlyEstimate {
  const { history, periodEnd, method } = input;
  assertDateString(periodEnd);
  for (const h of history) {
    assertDateString(h.periodEnd);
    assertWholeNonNegative(h.volume, 'history volume');
  }
  const actuals = actualsInPastYear(history, periodEnd);
  if (actuals.length === 0) {
    throw domainError(
      'BILLING_ESTIMATE_NO_ACTUAL',
      `${periodEnd} 之前一年内没有实抄月份，无法确定估抄上限（G-6.2.5），请安排实抄。`,
      `No actual reading in the year before ${periodEnd}, so the estimate cap (G-6.2.5) is unknown; arrange an actual reading.`,
      { periodEnd },
    );
  }
  const highest = actuals.reduce((best, h) => (h.volume > best.volume ? h : best));
  const { volume: raw, how } = methodVolume(method, history, actuals, periodEnd);
  const capped = raw > highest.volume;
  const volume = capped ? highest.volume : raw;
  const cap = `${formatM3(highest.volume)} (${highest.periodEnd})`;
  const basis: Messages = capped
    ? {
        zh: `${how.zh}得 ${formatM3(raw)}，高于近一年最高实抄月用量 ${cap}，按 G-6.2.5 取 ${formatM3(volume)}。`,
        en: `${how.en} gives ${formatM3(raw)}, above the highest actual month of the past year ${cap}; capped at ${formatM3(volume)} (G-6.2.5).`,
      }
    : {
        zh: `${how.zh}得 ${formatM3(volume)}，不高于近一年最高实抄月用量 ${cap}（G-6.2.5）。`,
        en: `${how.en} gives ${formatM3(volume)}, not above the highest actual month of the past year ${cap} (G-6.2.5).`,
      };
  return {
    volume,
    capped,
    uncappedVolume: raw,
    highestActual: { periodEnd: highest.periodEnd, volume: highest.volume },
    basis,
  };
}

function methodVolume(
  method: EstimateMethod,
  history: readonly MonthlyUsage[],
  actuals: readonly MonthlyUsage[],
  periodEnd: DateString,
): { volume: Litres; how: Messages } {
  if (method.kind === 'fixed') {
    assertWholeNonNegative(method.volume, 'fixed estimate volume');
    return { volume: method.volume, how: { zh: '按合同约定用量', en: 'The contract volume' } };
  }
  if (method.kind === 'same_month_last_year') {
    // The actual month that ended in the same calendar month one year earlier (the oldest of the past twelve).
    const month = oneYearBefore(periodEnd).slice(0, 7);
    const match = history.find((h) => h.kind === 'actual' && h.periodEnd.slice(0, 7) === month);
    if (match) {
      return {
        volume: match.volume,
        how: {
          zh: `按去年同月（${match.periodEnd}）实抄用量`,
          en: `The actual month a year earlier (${match.periodEnd})`,
        },
      };
    }
  }
  return average(actuals, method.kind === 'average_of_recent_actuals' ? (method.months ?? 3) : 3);
}

function average(actuals: readonly MonthlyUsage[], months: number): { volume: Litres; how: Messages } {
  const recent = actuals.slice(-Math.max(1, Math.floor(months)));
  const sum = recent.reduce((s, h) => s + h.volume, 0);
  return {
    volume: divRoundHalfUp(sum, recent.length),
    how: {
      zh: `按最近 ${recent.length} 个实抄月平均`,
      en: `The mean of the latest ${recent.length} actual month(s)`,
    },
  };
}

// ---- 多退少补: settling estimates against the next actual reading ----

export interface EstimatedReading {
  readOn: DateString;
  /** The estimated cumulative meter index, litres. */
  index: Litres;
  /** The bill built on this estimate, if any. */
  billId?: string;
}

export interface ActualReading {
  readOn: DateString;
  index: Litres;
}

export interface Settlement {
  /** actual − last estimated index: > 0 collect (少补), < 0 refund (多退), 0 nothing. */
  volumeDifference: Litres;
  direction: 'collect' | 'refund' | 'none';
  /** Bills built on an estimate above the actual index: each is cancelled and replaced by a new document. */
  billsToCorrect: string[];
  correctionRequired: boolean;
  explanation: Messages;
}

export function settleAgainstActual(
  estimatedReadings: readonly EstimatedReading[],
  actual: ActualReading,
): Settlement {
  assertDateString(actual.readOn);
  assertWholeNonNegative(actual.index, 'actual index');
  if (estimatedReadings.length === 0) {
    return {
      volumeDifference: 0,
      direction: 'none',
      billsToCorrect: [],
      correctionRequired: false,
      explanation: { zh: '无估抄，无需结算。', en: 'No estimates to settle.' },
    };
  }
  const sorted = [...estimatedReadings].sort((a, b) =>
    a.readOn < b.readOn ? -1 : a.readOn > b.readOn ? 1 : 0,
  );
  for (const e of sorted) {
    assertDateString(e.readOn);
    assertWholeNonNegative(e.index, 'estimated index');
    if (e.readOn >= addDays(actual.readOn, 1)) {
      throw domainError(
        'BILLING_SETTLEMENT_ORDER',
        `估抄日期 ${e.readOn} 不早于实抄日期 ${actual.readOn}。`,
        `Estimated reading of ${e.readOn} is not before the actual reading of ${actual.readOn}.`,
        { estimated: e.readOn, actual: actual.readOn },
      );
    }
  }
  const last = sorted[sorted.length - 1] as EstimatedReading;
  const volumeDifference = actual.index - last.index;
  const direction = volumeDifference > 0 ? 'collect' : volumeDifference < 0 ? 'refund' : 'none';
  const billsToCorrect = sorted
    .filter((e) => e.index > actual.index && e.billId !== undefined)
    .map((e) => e.billId as string);
  const diff = formatM3(Math.abs(volumeDifference));
  const head: Messages =
    direction === 'collect'
      ? { zh: `实抄比估抄多 ${diff}，补收。`, en: `Actual is ${diff} above the estimates: collect.` }
      : direction === 'refund'
        ? { zh: `实抄比估抄少 ${diff}，退还。`, en: `Actual is ${diff} below the estimates: refund.` }
        : { zh: '实抄与估抄一致。', en: 'Actual equals the estimates.' };
  const tail: Messages =
    billsToCorrect.length > 0
      ? {
          zh: `账单 ${billsToCorrect.join('、')} 基于高于实抄的估抄，须作废并以新单据更正（不得修改原单）。`,
          en: `Bills ${billsToCorrect.join(', ')} rest on estimates above the actual reading: cancel and correct them by a new document (never edit).`,
        }
      : { zh: '', en: '' };
  return {
    volumeDifference,
    direction,
    billsToCorrect,
    correctionRequired: billsToCorrect.length > 0,
    explanation: { zh: `${head.zh}${tail.zh}`, en: tail.en ? `${head.en} ${tail.en}` : head.en },
  };
}
