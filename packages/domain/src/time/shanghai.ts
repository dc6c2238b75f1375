// Asia/Shanghai dates done with fixed +08:00 arithmetic. China has had no daylight saving time since 1991,
// so a fixed offset is exact for every date this system handles, and needs no time-zone database.
// Date strings are 'YYYY-MM-DD' (a day in Shanghai); instants are JS Dates (UTC inside).

import { dateInvalid } from '../errors.ts';

/** A calendar day in Asia/Shanghai, 'YYYY-MM-DD'. */
export type DateString = string;

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Day number (days since 1970-01-01) of a valid date string, or undefined. */
function dayNumberOf(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 02-30 over to 03-02; a real date survives the round trip unchanged.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / DAY_MS;
}

function dateOfDayNumber(dayNumber: number): DateString {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function isDateString(value: unknown): value is DateString {
  return typeof value === 'string' && dayNumberOf(value) !== undefined;
}

/** Throws DATE_INVALID unless `value` is a real 'YYYY-MM-DD' date. */
export function assertDateString(value: unknown): asserts value is DateString {
  if (!isDateString(value)) throw dateInvalid(value);
}

/** Throws DATE_INVALID unless `value` is a Date holding a real instant. */
export function assertInstant(value: unknown): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw dateInvalid(value, 'a valid instant');
}

function dayNumber(date: DateString): number {
  const n = dayNumberOf(date);
  if (n === undefined) throw dateInvalid(date);
  return n;
}

/** The Shanghai calendar day an instant falls on. */
export function toShanghaiDate(instant: Date): DateString {
  assertInstant(instant);
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 Asia/Shanghai at the start of `date`, as an instant. */
export function shanghaiMidnightUtc(date: DateString): Date {
  return new Date(dayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/**
 * 24:00 Asia/Shanghai at the end of `date` — the instant at which a period ending on that day expires
 * (民法典 art. 203). It is the same instant as 00:00 of the next day.
 */
export function endOfShanghaiDay(date: DateString): Date {
  return shanghaiMidnightUtc(addDays(date, 1));
}

export function addDays(date: DateString, days: number): DateString {
  if (!Number.isInteger(days)) throw dateInvalid(days, 'a whole number of days');
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DateString, to: DateString): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday (the JS convention). */
export function weekday(date: DateString): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: DateString): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function yearOf(date: DateString): number {
  assertDateString(date);
  return Number(date.slice(0, 4));
}

/**
 * Parses a Shanghai wall-clock time: 'YYYY-MM-DD HH:mm', 'YYYY-MM-DDTHH:mm[:ss]', or 'YYYY-MM-DD 24:00'
 * (the end of that day). Throws DATE_INVALID otherwise.
 */
export function parseShanghaiDateTime(text: string): Date {
  const match = DATE_TIME_PATTERN.exec(text);
  const expected = 'YYYY-MM-DD HH:mm (Asia/Shanghai)';
  if (!match || !isDateString(match[1])) throw dateInvalid(text, expected);
  const [hours, minutes, seconds] = [Number(match[2]), Number(match[3]), Number(match[4] ?? '0')];
  const isEndOfDay = hours === 24 && minutes === 0 && seconds === 0;
  if ((hours > 23 && !isEndOfDay) || minutes > 59 || seconds > 59) throw dateInvalid(text, expected);
  const midnight = shanghaiMidnightUtc(match[1]).getTime();
  return new Date(midnight + hours * HOUR_MS + minutes * MINUTE_MS + seconds * 1000);
}

/** True when the instant is exactly 00:00 in Shanghai. */
export function isShanghaiMidnight(instant: Date): boolean {
  assertInstant(instant);
  return (instant.getTime() + SHANGHAI_OFFSET_MS) % DAY_MS === 0;
}

/**
 * 'YYYY-MM-DD HH:mm' in Shanghai. With `endOfDay`, an instant at exactly midnight is written as 24:00 of
 * the previous day, which is how deadlines read in the standards ("within 5 working days" ends at 24:00).
 */
export function formatShanghai(instant: Date, options: { endOfDay?: boolean } = {}): string {
  assertInstant(instant);
  if (options.endOfDay && isShanghaiMidnight(instant)) {
    return `${addDays(toShanghaiDate(instant), -1)} 24:00`;
  }
  const shifted = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  const seconds = shifted.slice(17, 19);
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`}`;
}

/** A deadline as people read it: 'YYYY-MM-DD 24:00' when it falls on midnight. */
export function formatDue(instant: Date): string {
  return formatShanghai(instant, { endOfDay: true });
}

const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export function weekdayName(date: DateString): { zh: string; en: string } {
  const day = weekday(date);
  return { zh: WEEKDAY_ZH[day] as string, en: WEEKDAY_EN[day] as string };
}
