// How a pause pushes a due back. A paused clock never breaches, and the time it spent paused is given back —
// measured in the currency the limit counts in:
//   - hours, agreed times, extended dates: elapsed time. These dues are points in real time (24 h duty).
//   - working days: working time. The clock only consumes working days, so only the paused part that lies on
//     working days is given back, and it is added after the due on working days again (like Zammad's business-
//     time breaks). A pause from Friday 18:00 to Monday 08:00 gives back 6 h + 8 h, not the weekend.
//   - calendar days: elapsed time added to 24:00 of the nominal last day, then the rest-day rule is applied
//     again to the new last day (民法典 art. 203), so the period still never ends on a rest day.
// For day units, pause time on the start day is not given back: that day does not count anyway (art. 201).

import type { WorkCalendar } from '../calendar/types.ts';
import { addDays, endOfShanghaiDay, toShanghaiDate } from '../time/shanghai.ts';
import type { Deadline } from './deadline.ts';

export interface Interval {
  from: Date;
  to: Date;
}

/** What the due is measured from, and from when pauses count. */
export type Anchor =
  | { kind: 'limit'; deadline: Deadline; countFrom: Date }
  | { kind: 'agreed' | 'extended'; due: Date; countFrom: Date };

/** The due of `anchor` after giving back `pauses`. */
export function dueAfterPauses(anchor: Anchor, pauses: readonly Interval[], calendar: WorkCalendar): Date {
  const clamped = clampAll(pauses, anchor.countFrom);
  if (anchor.kind !== 'limit') return new Date(anchor.due.getTime() + elapsed(clamped));
  const { deadline } = anchor;
  switch (deadline.unit) {
    case 'hours':
      return new Date(deadline.due.getTime() + elapsed(clamped));
    case 'working_days': {
      const given = clamped.reduce((sum, p) => sum + workingMsBetween(p.from, p.to, calendar), 0);
      return advanceWorkingTime(deadline.due, given, calendar);
    }
    case 'calendar_days':
      return calendarDaysDue(deadline, elapsed(clamped), calendar);
  }
}

/** The anchor's pause-counting start: after the start day for day units, the start itself for hours. */
export function countFromFor(deadline: Deadline): Date {
  return deadline.unit === 'hours' ? deadline.start : endOfShanghaiDay(deadline.startDate);
}

function clampAll(pauses: readonly Interval[], countFrom: Date): Interval[] {
  const floor = countFrom.getTime();
  return pauses
    .map((p) => ({ from: new Date(Math.max(p.from.getTime(), floor)), to: p.to }))
    .filter((p) => p.to.getTime() > p.from.getTime());
}

function elapsed(pauses: readonly Interval[]): number {
  return pauses.reduce((sum, p) => sum + (p.to.getTime() - p.from.getTime()), 0);
}

/** Milliseconds of [from, to) that fall on working days. */
export function workingMsBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  let total = 0;
  let cursor = from.getTime();
  while (cursor < to.getTime()) {
    const day = toShanghaiDate(new Date(cursor));
    const segmentEnd = Math.min(endOfShanghaiDay(day).getTime(), to.getTime());
    if (calendar.isWorkingDay(day)) total += segmentEnd - cursor;
    cursor = segmentEnd;
  }
  return total;
}

/** The instant `ms` of working time after `from`, skipping rest days. */
export function advanceWorkingTime(from: Date, ms: number, calendar: WorkCalendar): Date {
  let remaining = ms;
  let cursor = from.getTime();
  while (remaining > 0) {
    const day = toShanghaiDate(new Date(cursor));
    const dayEnd = endOfShanghaiDay(day).getTime();
    if (calendar.isWorkingDay(day)) {
      if (remaining <= dayEnd - cursor) return new Date(cursor + remaining);
      remaining -= dayEnd - cursor;
    }
    cursor = dayEnd;
  }
  return new Date(cursor);
}

function calendarDaysDue(deadline: Deadline, pausedMs: number, calendar: WorkCalendar): Date {
  if (pausedMs === 0) return deadline.due;
  const nominalLastDay = deadline.nominalLastDay ?? deadline.startDate;
  const shifted = new Date(endOfShanghaiDay(nominalLastDay).getTime() + pausedMs);
  // The day the shifted period ends in (an end at exactly 24:00 belongs to the day before).
  const lastDay = toShanghaiDate(new Date(shifted.getTime() - 1));
  if (calendar.isWorkingDay(lastDay)) return shifted;
  let day = addDays(lastDay, 1);
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return endOfShanghaiDay(day);
}
