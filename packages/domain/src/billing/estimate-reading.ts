// G-6.2.5 from stored readings: the estimated register for a period a resident could not be read, with its basis
// (method, the months it rests on, the cap from the highest actual month of the past year), and the settlement
// (多退少补) when the next actual reading comes.

import { domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import { assertDateString } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { estimateMonthlyUsage, inPastTwelveMonths, settleAgainstActual } from './estimate.ts';
import type { EstimateMethod, Settlement } from './estimate.ts';
import { monthlyHistory } from './plausibility.ts';
import type { ReadingPoint } from './plausibility.ts';
import type { Litres } from './units.ts';

/** Seasonal gas use: the same month a year earlier first, the recent mean when there is none. */
export const DEFAULT_ESTIMATE_METHOD: EstimateMethod = { kind: 'same_month_last_year' };

export interface EstimateBasis {
  method: EstimateMethod['kind'];
  /** The actual months of the past year the estimate and its cap were taken from. */
  basisMonths: { periodEnd: DateString; volume: Litres }[];
  uncappedVolume: Litres;
  cap: { periodEnd: DateString; volume: Litres };
  capped: boolean;
  previous: { readOn: DateString; register: Litres };
  reason: Messages;
  clause: 'G-6.2.5';
}

export interface ReadingEstimate {
  readOn: DateString;
  register: Litres;
  usage: Litres;
  basis: EstimateBasis;
}

/**
 * The estimated reading on `periodEnd` for one monthly period: usage from `estimateMonthlyUsage` (never above the
 * highest actual month of the past year), register = the last reading's register + usage.
 */
export function estimateReading(input: {
  readings: readonly ReadingPoint[];
  periodEnd: DateString;
  method?: EstimateMethod;
}): ReadingEstimate {
  assertDateString(input.periodEnd);
  const method = input.method ?? DEFAULT_ESTIMATE_METHOD;
  const before = [...input.readings]
    .filter((r) => r.readOn < input.periodEnd)
    .sort((a, b) => (a.readOn < b.readOn ? -1 : 1));
  const previous = before[before.length - 1];
  if (!previous) {
    throw domainError(
      'READING_ESTIMATE_NO_PREVIOUS',
      `${input.periodEnd} 之前没有任何读数，无法估抄，请安排实抄。`,
      `No reading before ${input.periodEnd} to estimate from; arrange an actual reading.`,
    );
  }
  if (input.readings.some((r) => r.readOn === input.periodEnd)) {
    throw domainError(
      'READING_EXISTS',
      `${input.periodEnd} 已有读数，无需估抄。`,
      `There is already a reading on ${input.periodEnd}; no estimate is needed.`,
    );
  }
  const history = monthlyHistory(before);
  const estimate = estimateMonthlyUsage({ history, periodEnd: input.periodEnd, method });
  const basisMonths = history
    .filter((h) => h.kind === 'actual' && inPastTwelveMonths(h.periodEnd, input.periodEnd))
    .map((h) => ({ periodEnd: h.periodEnd, volume: h.volume }));
  return {
    readOn: input.periodEnd,
    register: previous.register + estimate.volume,
    usage: estimate.volume,
    basis: {
      method: method.kind,
      basisMonths,
      uncappedVolume: estimate.uncappedVolume,
      cap: estimate.highestActual,
      capped: estimate.capped,
      previous: { readOn: previous.readOn, register: previous.register },
      reason: estimate.basis,
      clause: 'G-6.2.5',
    },
  };
}

/**
 * 多退少补: the estimates since the last non-estimated reading before `actual`, settled against it. `billOf` names
 * the bill built on each estimate (by read date) so those above the actual register are corrected by new documents.
 */
export function settleReadings(
  readings: readonly ReadingPoint[],
  actual: { readOn: DateString; register: Litres },
  billOf: (readOn: DateString) => string | undefined = () => undefined,
): Settlement {
  const before = [...readings]
    .filter((r) => r.readOn < actual.readOn)
    .sort((a, b) => (a.readOn < b.readOn ? -1 : 1));
  const pending: ReadingPoint[] = [];
  for (let i = before.length - 1; i >= 0 && before[i]!.kind === 'estimated'; i--) pending.unshift(before[i]!);
  return settleAgainstActual(
    pending.map((r) => {
      const billId = billOf(r.readOn);
      return billId === undefined
        ? { readOn: r.readOn, index: r.register }
        : { readOn: r.readOn, index: r.register, billId };
    }),
    { readOn: actual.readOn, index: actual.register },
  );
}
