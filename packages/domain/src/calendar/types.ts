// The working calendar as plain data, so the server can fill it from the npm package chinese-days (or the
// holiday-cn data set) and an administrator can extend it each year when the State Council publishes the
// next holiday notice (usually in November).

import type { Messages } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';

/** A day's name: one string (used for both languages) or both languages. */
export type DayName = string | Messages;

export interface CalendarData {
  /** First year whose holidays and make-up working days are fully listed. */
  firstYear: number;
  /** Last year fully listed. Working-day arithmetic refuses to run past it (CALENDAR_YEAR_UNKNOWN). */
  lastYear: number;
  /** Days off (放假): every day of each holiday block, weekend days inside the block included. */
  restDays: Record<DateString, DayName>;
  /** Weekend days worked instead (调休上班), named after the holiday they pay for. */
  makeupWorkdays: Record<DateString, DayName>;
}

/** An administrator's correction. It wins over the base data for its date. */
export interface CalendarOverride {
  date: DateString;
  kind: 'rest' | 'work';
  /** Why (for example the notice number); shown to people as the day's name. */
  note: string;
}

export interface CalendarOptions {
  /**
   * Years outside firstYear–lastYear that the administrator declares known. Such a year is reckoned as
   * plain Monday–Friday weeks plus the overrides entered for it. Without this declaration an override in an
   * unknown year is kept but has no effect, and the year stays unknown: one override (say, New Year's Day
   * entered early) must not make the rest of the year look like a year without holidays.
   */
  extraKnownYears?: readonly number[];
  /**
   * The days off of a year that no notice covers yet, from the holiday law alone (statutoryRestDays), or null when
   * that cannot be worked out (no lunar data for the year). Such a year is reckoned provisionally: its days carry
   * `provisional: true`, the overrides entered for it still win, and it never has make-up working days. Asked only
   * for years after the base data's last year that are not declared known; the answer is kept per year.
   */
  provisionalYear?: (year: number) => Record<DateString, DayName> | null;
}

export type DayReason =
  'weekday' | 'weekend' | 'holiday' | 'makeup_workday' | 'override_rest' | 'override_work';

export interface DayInfo {
  date: DateString;
  working: boolean;
  reason: DayReason;
  /** Holiday or make-up day name, or the override's note. */
  name?: Messages;
  /** The day lies in a year reckoned from the holiday law, before that year's notice was imported. */
  provisional?: true;
}

export interface WorkCalendar {
  /** What kind of day `date` is. Throws CALENDAR_YEAR_UNKNOWN for a year the calendar does not know. */
  dayInfo(date: DateString): DayInfo;
  isWorkingDay(date: DateString): boolean;
  isKnownYear(year: number): boolean;
  /** A year reckoned from the holiday law alone because its notice is not in yet (see provisionalYear). */
  isProvisionalYear(year: number): boolean;
  /** Known years, ascending. */
  readonly knownYears: readonly number[];
}
