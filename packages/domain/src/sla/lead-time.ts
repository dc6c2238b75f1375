// Lead times: "notice at least 7 days ahead" (H-6.1.4, H-6.2.6), "apply 90 working days ahead" (G-6.2.14),
// "announce at least 72 h before" (G-6.2.12). They count back from the event and are never moved over rest
// days (time-rules.md).
//
// Counting back mirrors counting forward: neither the event day nor the notice day counts, so n whole days
// (or n whole working days) lie between them. Notice for a filling that starts on 11-08 with a 7-day lead
// must be out by 10-31 24:00, leaving 11-01 … 11-07 — seven full days on which the public can read it.
// This is the reading that can never fall short of "at least n days"; a looser reading is a policy choice
// the caller can make by passing n − 1.

import { DomainErrorCodes, domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import type { DayInfo, WorkCalendar } from '../calendar/types.ts';
import {
  addDays,
  assertInstant,
  formatDue,
  formatShanghai,
  shanghaiMidnightUtc,
  toShanghaiDate,
} from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { describeLimit, hoursToMs, toLimit } from './limit.ts';
import type { Limit } from './limit.ts';

export interface LeadTime {
  eventStart: Date;
  limit: Limit;
  /** The latest instant the notice or application may be given (inclusive). */
  latestAt: Date;
  /** The Shanghai day `latestAt` closes (for day units: the last day on which it may be given). */
  latestDate: DateString;
  /** Day units: the whole days (or working days) that must lie between notice and event, ascending. */
  coveredDays: DateString[];
  explanation: Messages;
}

/**
 * The latest time to give notice of an event that starts at `eventStart`.
 * `lead` is a number of calendar days, or a Limit / limit text ('7d', '90wd', '72h'). Working days need the
 * calendar; running into an unknown year throws CALENDAR_YEAR_UNKNOWN.
 */
export function leadTimeLatest(
  eventStart: Date,
  lead: number | Limit | string,
  calendar?: WorkCalendar,
): LeadTime {
  assertInstant(eventStart);
  const limit = typeof lead === 'number' ? toLimit({ unit: 'calendar_days', amount: lead }) : toLimit(lead);
  const eventDate = toShanghaiDate(eventStart);
  if (limit.unit === 'hours') {
    const latestAt = new Date(eventStart.getTime() - hoursToMs(limit.amount));
    return finish(eventStart, limit, latestAt, [], eventDate);
  }
  if (limit.unit === 'calendar_days') {
    const covered = Array.from({ length: limit.amount }, (_, i) => addDays(eventDate, i - limit.amount));
    return finish(eventStart, limit, shanghaiMidnightUtc(covered[0] as DateString), covered, eventDate);
  }
  if (!calendar) {
    throw domainError(
      DomainErrorCodes.CALENDAR_REQUIRED,
      '按工作日计算提前期需要工作日历。',
      'A lead time in working days needs the working calendar.',
    );
  }
  const covered = workingDaysBefore(eventDate, limit.amount, calendar).map((info) => info.date);
  return finish(eventStart, limit, shanghaiMidnightUtc(covered[0] as DateString), covered, eventDate);
}

/** The `count` working days before `date` (not counting `date`), ascending. */
function workingDaysBefore(date: DateString, count: number, calendar: WorkCalendar): DayInfo[] {
  const days: DayInfo[] = [];
  let day = date;
  while (days.length < count) {
    day = addDays(day, -1);
    const info = calendar.dayInfo(day);
    if (info.working) days.unshift(info);
  }
  return days;
}

function finish(
  eventStart: Date,
  limit: Limit,
  latestAt: Date,
  coveredDays: DateString[],
  eventDate: DateString,
): LeadTime {
  const isDayUnit = limit.unit !== 'hours';
  // For day units latestAt is a midnight, i.e. 24:00 of the previous day.
  const latestDate = isDayUnit ? addDays(toShanghaiDate(latestAt), -1) : toShanghaiDate(latestAt);
  const shown = isDayUnit ? formatDue(latestAt) : formatShanghai(latestAt);
  const amount = describeLimit(limit);
  const event = isDayUnit ? eventDate : formatShanghai(eventStart);
  const between = isDayUnit
    ? { zh: '（通知当日与事件当日均不计）', en: ' (neither the notice day nor the event day counts)' }
    : { zh: '', en: '' };
  return {
    eventStart,
    limit,
    latestAt,
    latestDate,
    coveredDays,
    explanation: {
      zh: `事件 ${event} 须提前 ${amount.zh}${between.zh}，最迟于 ${shown}（北京时间）前发出；提前期不因节假日顺延。`,
      en: `${amount.en} ahead of ${event}${between.en}: give it by ${shown} (Asia/Shanghai) at the latest; a lead time is never moved over holidays.`,
    },
  };
}
