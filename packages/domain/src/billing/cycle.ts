// G-6.2.3: bills follow the settlement cycle agreed in the contract. A billing run names a month (YYYY-MM); a monthly
// contract is billed every month for that month, a bimonthly one in even months for the two months ending then, a
// quarterly one at the end of each quarter, an annual one in December. Dates are inclusive: first to last day.
// Prepaid and per-purchase customers are billed by the meter or at purchase, never by a payment notice.

import { domainError } from '../errors.ts';
import { toShanghaiDate, type DateString } from '../time/shanghai.ts';

export type NoticeCycle = 'monthly' | 'bimonthly' | 'quarterly' | 'annual';

const MONTHS: Record<NoticeCycle, number> = { monthly: 1, bimonthly: 2, quarterly: 3, annual: 12 };

export interface BillingMonth {
  period: string;
  year: number;
  month: number;
  from: DateString;
  to: DateString;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The earliest and latest months the platform bills: earlier is before any enterprise's data on it. */
export const FIRST_BILLING_MONTH = '2000-01';
export const LAST_BILLING_MONTH = '2100-12';

/** '2026-11' → its first and last day; BILLING_PERIOD_INVALID for another shape, _OUT_OF_RANGE for 1999-01. */
export function parseBillingMonth(period: string): BillingMonth {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12) {
    throw domainError(
      'BILLING_PERIOD_INVALID',
      `计费期「${period}」须为 YYYY-MM 形式的月份。`,
      `Billing period "${period}" must be a month written YYYY-MM.`,
      { period },
    );
  }
  if (period < FIRST_BILLING_MONTH || period > LAST_BILLING_MONTH) {
    const early = period < FIRST_BILLING_MONTH;
    throw domainError(
      'BILLING_PERIOD_OUT_OF_RANGE',
      early
        ? `计费期 ${period} 早于平台可计费的最早月份 ${FIRST_BILLING_MONTH}，系统中没有该月的数据。`
        : `计费期 ${period} 晚于平台可计费的最晚月份 ${LAST_BILLING_MONTH}。`,
      early
        ? `Billing period ${period} is before ${FIRST_BILLING_MONTH}, the earliest month the platform bills; it holds no data for it.`
        : `Billing period ${period} is after ${LAST_BILLING_MONTH}, the latest month the platform bills.`,
      { period, first: FIRST_BILLING_MONTH, last: LAST_BILLING_MONTH },
    );
  }
  return {
    period,
    year,
    month,
    from: `${year}-${pad(month)}-01` as DateString,
    to: `${year}-${pad(month)}-${pad(lastDayOf(year, month))}` as DateString,
  };
}

/** The cycle a contract's settlement cycle bills on by notice; null for prepaid, per-purchase or a heating season. */
export function noticeCycleOf(settlementCycle: string | null | undefined): NoticeCycle | null {
  const c = settlementCycle ?? 'monthly';
  return c in MONTHS ? (c as NoticeCycle) : null;
}

/**
 * The period a contract on `cycle` is billed for in the run of `period`, or null when that month does not close one
 * of its cycles (G-6.2.3). Cycles are aligned on the calendar year: bimonthly ends in even months, quarterly in
 * March, June, September and December, annual in December.
 */
export function cyclePeriod(period: string, cycle: NoticeCycle): { from: DateString; to: DateString } | null {
  const m = parseBillingMonth(period);
  const n = MONTHS[cycle];
  if (m.month % n !== 0) return null;
  const firstMonth = m.month - n + 1;
  return { from: `${m.year}-${pad(firstMonth)}-01` as DateString, to: m.to };
}

/**
 * G-6.2.3, G-6.2.5: a month is billed once it has ended, from the reading at its end (or an estimate for it). A bill
 * or a run for a month not yet over in Beijing time at `now` (the current month or a later one) is refused with the
 * day the month can first be billed.
 */
export function assertBillingMonthEnded(period: string, now: Date): BillingMonth {
  const month = parseBillingMonth(period);
  const today = toShanghaiDate(now);
  if (today <= month.to) {
    const y = month.month === 12 ? month.year + 1 : month.year;
    const next = `${y}-${pad((month.month % 12) + 1)}-01`;
    throw domainError(
      'BILLING_PERIOD_NOT_ENDED',
      `计费期 ${period} 尚未结束（今天是 ${today}），${next} 起才能出账。`,
      `Billing period ${period} has not ended yet (today is ${today}); it can be billed from ${next}.`,
      { period, today, billableFrom: next },
    );
  }
  return month;
}
