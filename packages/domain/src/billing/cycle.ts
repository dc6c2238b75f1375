// G-6.2.3: bills follow the settlement cycle agreed in the contract. A billing run names a month (YYYY-MM); a monthly
// contract is billed every month for that month, a bimonthly one in even months for the two months ending then, a
// quarterly one at the end of each quarter, an annual one in December. Dates are inclusive: first to last day.
// Prepaid and per-purchase customers are billed by the meter or at purchase, never by a payment notice.

import { domainError } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';

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

/** '2026-11' → its first and last day; BILLING_PERIOD_INVALID otherwise. */
export function parseBillingMonth(period: string): BillingMonth {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const year = m ? Number(m[1]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12 || year < 2000 || year > 2100) {
    throw domainError(
      'BILLING_PERIOD_INVALID',
      `计费期「${period}」须为 YYYY-MM 形式的月份。`,
      `Billing period "${period}" must be a month written YYYY-MM.`,
      { period },
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
