// Deadlines computed from a start instant, a limit and the calendar — never typed in (time-rules.md).
// 民法典 art. 201: the day the period starts does not count; art. 203: a period ends at 24:00 of its last day,
// and one whose last day is a statutory rest day ends on the day after the rest days.

import type { Messages } from '../errors.ts';
import type { DayInfo, WorkCalendar } from '../calendar/types.ts';
import { addDays, assertInstant, endOfShanghaiDay, toShanghaiDate, yearOf } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { explainCalendarDays, explainHours, explainWorkingDays, explainProvisional } from './explain.ts';
import { hoursToMs, toLimit } from './limit.ts';
import type { Limit, LimitUnit } from './limit.ts';

export interface Deadline {
  start: Date;
  /** The Shanghai day of `start`; for day units it is not counted. */
  startDate: DateString;
  limit: Limit;
  unit: LimitUnit;
  /** The instant the period expires. 24:00 of a day is stored as 00:00 of the next day (+08:00). */
  due: Date;
  /** Day units: the day at whose 24:00 the period ends. */
  lastDay?: DateString;
  /** Calendar days: start day + n, before a move over rest days. */
  nominalLastDay?: DateString;
  /** Working days: each day counted, in order (length = amount). */
  counted: DayInfo[];
  /** Working days: each rest day passed over; calendar days: the rest days the end was moved across. */
  skipped: DayInfo[];
  explanation: Messages;
  /** A day the rule looked at lies in a year reckoned from the holiday law only (its notice not yet imported). */
  provisional: boolean;
  /** Those years, ascending; empty when the deadline rests on published notices only. */
  provisionalYears: number[];
}

/**
 * When a period of `limit` that starts at `start` expires.
 * Throws LIMIT_INVALID for a bad limit, DATE_INVALID for a bad start, and CALENDAR_YEAR_UNKNOWN when a day
 * the rule must classify lies in a year the calendar does not know (it refuses rather than guesses).
 */
export function computeDeadline(start: Date, limit: Limit | string, calendar: WorkCalendar): Deadline {
  assertInstant(start);
  const checked = toLimit(limit);
  switch (checked.unit) {
    case 'working_days':
      return workingDaysDeadline(start, checked, calendar);
    case 'calendar_days':
      return calendarDaysDeadline(start, checked, calendar);
    case 'hours':
      return hoursDeadline(start, checked);
  }
}

/** Count whole working days from the day after `start`; due at 24:00 of the last one counted. */
function workingDaysDeadline(start: Date, limit: Limit, calendar: WorkCalendar): Deadline {
  const startDate = toShanghaiDate(start);
  const counted: DayInfo[] = [];
  const skipped: DayInfo[] = [];
  let day = startDate;
  while (counted.length < limit.amount) {
    day = addDays(day, 1);
    const info = calendar.dayInfo(day);
    (info.working ? counted : skipped).push(info);
  }
  const base = { start, startDate, limit, unit: limit.unit, due: endOfShanghaiDay(day), lastDay: day };
  return withProvisional(
    { ...base, counted, skipped, explanation: explainWorkingDays(base, counted, skipped) },
    [...counted, ...skipped],
  );
}

/** The day of the event does not count; ends 24:00 of start + n, moved to the next working day if that is a rest day. */
function calendarDaysDeadline(start: Date, limit: Limit, calendar: WorkCalendar): Deadline {
  const startDate = toShanghaiDate(start);
  const nominalLastDay = addDays(startDate, limit.amount);
  const skipped: DayInfo[] = [];
  let day = nominalLastDay;
  let info = calendar.dayInfo(day);
  for (; !info.working; info = calendar.dayInfo(day)) {
    skipped.push(info);
    day = addDays(day, 1);
  }
  const base = {
    start,
    startDate,
    limit,
    unit: limit.unit,
    due: endOfShanghaiDay(day),
    lastDay: day,
    nominalLastDay,
  };
  return withProvisional({ ...base, counted: [], skipped, explanation: explainCalendarDays(base, skipped) }, [
    ...skipped,
    info,
  ]);
}

/** Plain elapsed time around the clock (24 h duty): holidays do not stop it. */
function hoursDeadline(start: Date, limit: Limit): Deadline {
  const due = new Date(start.getTime() + hoursToMs(limit.amount));
  const base = { start, startDate: toShanghaiDate(start), limit, unit: limit.unit, due };
  return {
    ...base,
    counted: [],
    skipped: [],
    explanation: explainHours(base),
    provisional: false,
    provisionalYears: [],
  };
}

/** Marks a deadline that looked at a provisional day, and says so in its explanation. */
function withProvisional(
  deadline: Omit<Deadline, 'provisional' | 'provisionalYears'>,
  looked: readonly DayInfo[],
): Deadline {
  const years = [...new Set(looked.filter((d) => d.provisional).map((d) => yearOf(d.date)))].sort(
    (a, b) => a - b,
  );
  if (years.length === 0) return { ...deadline, provisional: false, provisionalYears: [] };
  const note = explainProvisional(years);
  const explanation = { zh: deadline.explanation.zh + note.zh, en: `${deadline.explanation.en} ${note.en}` };
  return { ...deadline, explanation, provisional: true, provisionalYears: years };
}
