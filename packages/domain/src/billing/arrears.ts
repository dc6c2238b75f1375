// Arrears (G-6.2.9): what of each charge is still unpaid, and how long past its due date. Credits (payments and
// negative adjustments) settle the oldest charge first (FIFO by due date), as a counter clerk would allocate them.
// Only a charge with a due date (its payment notice's, G-6.2.6) can be overdue. Money in integer fen.

import { daysBetween } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { assertWholeNonNegative } from './units.ts';
import type { Fen } from './units.ts';

export interface DueCharge {
  ref: string;
  amountFen: Fen;
  /** The notice's due date; null while no notice has been issued (not yet payable, never overdue). */
  dueDate: DateString | null;
}

export interface ChargeStatus extends DueCharge {
  outstandingFen: Fen;
  /** Whole days past the due date (0 on the due date itself or before). */
  daysOverdue: number;
  overdue: boolean;
}

export interface ArrearsResult {
  charges: ChargeStatus[];
  outstandingFen: Fen;
  overdueFen: Fen;
  oldestDueDate: DateString | null;
  maxDaysOverdue: number;
}

/** Allocates `creditsFen` to `charges` oldest due first and reports what stays unpaid as of `today`. */
export function allocateArrears(
  charges: readonly DueCharge[],
  creditsFen: Fen,
  today: DateString,
): ArrearsResult {
  assertWholeNonNegative(creditsFen, 'credits');
  const ordered = [...charges].sort((a, b) => {
    if (a.dueDate === b.dueDate) return 0;
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  });
  let left = creditsFen;
  const out: ChargeStatus[] = [];
  for (const c of ordered) {
    assertWholeNonNegative(c.amountFen, 'charge amount');
    const settled = Math.min(left, c.amountFen);
    left -= settled;
    const outstandingFen = c.amountFen - settled;
    const daysOverdue = c.dueDate && c.dueDate < today ? daysBetween(c.dueDate, today) : 0;
    out.push({ ...c, outstandingFen, daysOverdue, overdue: outstandingFen > 0 && daysOverdue > 0 });
  }
  const overdue = out.filter((c) => c.overdue);
  return {
    charges: out,
    outstandingFen: out.reduce((s, c) => s + c.outstandingFen, 0),
    overdueFen: overdue.reduce((s, c) => s + c.outstandingFen, 0),
    oldestDueDate: overdue[0]?.dueDate ?? null,
    maxDaysOverdue: overdue.reduce((m, c) => Math.max(m, c.daysOverdue), 0),
  };
}
