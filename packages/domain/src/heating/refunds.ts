// H-5.5.2 / H-7.2.5: refunds after the season, by the committed date and no later than two months after it ends.
// Calendar days: a period whose last day is a rest day ends on the next working day (time-rules.md; 民法典 203).

import { domainError } from '../errors.ts';
import type { WorkCalendar } from '../calendar/types.ts';
import { addDays, type DateString } from '../time/shanghai.ts';
import { refundDeadline } from './fees.ts';

export interface RefundDates {
  /** The latest lawful day: season end + 2 months, moved past rest days when the calendar knows the year. */
  latest: DateString;
  /** The day the refund is due: the committed date. */
  due: DateString;
  /** True when the latest day was moved past rest days. */
  movedPastRestDays: boolean;
}

export function refundDates(
  seasonEnd: DateString,
  committedOn: DateString,
  calendar?: WorkCalendar,
): RefundDates {
  const base = refundDeadline(seasonEnd, committedOn);
  let latest = base.latest;
  if (calendar) {
    while (calendar.isKnownYear(Number(latest.slice(0, 4))) && !calendar.isWorkingDay(latest))
      latest = addDays(latest, 1);
  }
  if (committedOn > latest) {
    throw domainError(
      'HEATING_REFUND_COMMITTED_TOO_LATE',
      `H-5.5.2：承诺退费日 ${committedOn} 晚于供热期结束（${seasonEnd}）后两个月的最后期限 ${latest}。`,
      `H-5.5.2: the committed refund date ${committedOn} is after the latest day ${latest}, two months after the season ends (${seasonEnd}).`,
      { field: 'committedOn', latest },
    );
  }
  return { latest, due: committedOn, movedPastRestDays: latest !== base.latest };
}

/** A pending refund is overdue the day after it was due. */
export function refundOverdue(due: DateString, today: DateString, settled: boolean): boolean {
  return !settled && today > due;
}
