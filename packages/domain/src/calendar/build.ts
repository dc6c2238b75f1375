// Builds a WorkCalendar from plain data and administrator overrides.
// Precedence for a day: override > base data (holiday / make-up working day) > Monday–Friday rule.

import { DomainErrorCodes, calendarDataInvalid, calendarYearUnknown, domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import { assertDateString, isWeekend, yearOf } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import type {
  CalendarData,
  CalendarOptions,
  CalendarOverride,
  DayInfo,
  DayName,
  WorkCalendar,
} from './types.ts';

/** Normalises a day name to both languages. */
export function toMessages(name: DayName): Messages {
  return typeof name === 'string' ? { zh: name, en: name } : { zh: name.zh, en: name.en };
}

export function buildCalendar(
  data: CalendarData,
  overrides: readonly CalendarOverride[] = [],
  options: CalendarOptions = {},
): WorkCalendar {
  const knownYears = collectKnownYears(data, options.extraKnownYears ?? []);
  const known = new Set(knownYears);
  const rest = normaliseDays(data.restDays, data, 'restDays');
  const work = normaliseDays(data.makeupWorkdays, data, 'makeupWorkdays');
  for (const date of rest.keys()) {
    if (work.has(date)) {
      throw calendarDataInvalid(
        {
          zh: `${date} 同时被列为放假日和调休上班日`,
          en: `${date} is listed both as a day off and as a make-up working day`,
        },
        { date },
      );
    }
  }
  const overrideByDate = indexOverrides(overrides);

  const provisional = provisionalYears(data, known, options.provisionalYear);

  function dayInfo(date: DateString): DayInfo {
    assertDateString(date);
    const year = yearOf(date);
    if (!known.has(year)) {
      const lawDays = provisional(year);
      if (!lawDays) throw calendarYearUnknown(year, knownYears, date);
      return { ...provisionalDay(date, lawDays, overrideByDate.get(date)), provisional: true };
    }
    const override = overrideByDate.get(date);
    if (override) return overrideDay(date, override);
    const holiday = rest.get(date);
    if (holiday) return { date, working: false, reason: 'holiday', name: holiday };
    const makeup = work.get(date);
    if (makeup) return { date, working: true, reason: 'makeup_workday', name: makeup };
    return plainDay(date);
  }

  return {
    dayInfo,
    isWorkingDay: (date) => dayInfo(date).working,
    isKnownYear: (year) => known.has(year),
    isProvisionalYear: (year) => !known.has(year) && provisional(year) !== null,
    knownYears,
  };
}

function plainDay(date: DateString): DayInfo {
  return isWeekend(date)
    ? { date, working: false, reason: 'weekend' }
    : { date, working: true, reason: 'weekday' };
}

function overrideDay(date: DateString, override: CalendarOverride): DayInfo {
  const name = toMessages(override.note);
  return override.kind === 'rest'
    ? { date, working: false, reason: 'override_rest', name }
    : { date, working: true, reason: 'override_work', name };
}

/** A day of a provisional year: an override entered early wins, then the law's days off, then the weekday rule. */
function provisionalDay(
  date: DateString,
  lawDays: ReadonlyMap<DateString, Messages>,
  override: CalendarOverride | undefined,
): DayInfo {
  if (override) return overrideDay(date, override);
  const holiday = lawDays.get(date);
  return holiday ? { date, working: false, reason: 'holiday', name: holiday } : plainDay(date);
}

/**
 * The law's days off per provisional year, asked once per year. Only years after the base data qualify: an earlier
 * year's notices are history, and the law as revised in 2024 did not govern them.
 */
function provisionalYears(
  data: CalendarData,
  known: ReadonlySet<number>,
  source: CalendarOptions['provisionalYear'],
): (year: number) => ReadonlyMap<DateString, Messages> | null {
  const cache = new Map<number, ReadonlyMap<DateString, Messages> | null>();
  return (year) => {
    if (!source || known.has(year) || year <= data.lastYear || !isYear(year)) return null;
    if (!cache.has(year)) {
      const days = source(year);
      cache.set(year, days ? new Map(Object.entries(days).map(([d, n]) => [d, toMessages(n)])) : null);
    }
    return cache.get(year)!;
  };
}

function collectKnownYears(data: CalendarData, extra: readonly number[]): readonly number[] {
  const { firstYear, lastYear } = data;
  if (!isYear(firstYear) || !isYear(lastYear) || firstYear > lastYear) {
    throw calendarDataInvalid(
      {
        zh: `年份范围 ${firstYear}–${lastYear} 无效`,
        en: `year range ${firstYear}–${lastYear} is not valid`,
      },
      { firstYear, lastYear },
    );
  }
  const years = new Set<number>();
  for (let year = firstYear; year <= lastYear; year += 1) years.add(year);
  for (const year of extra) {
    if (!isYear(year)) {
      throw calendarDataInvalid(
        { zh: `声明的已知年份 ${year} 无效`, en: `declared known year ${year} is not valid` },
        { year },
      );
    }
    years.add(year);
  }
  return Object.freeze([...years].sort((a, b) => a - b));
}

function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= 1970 && value <= 9999;
}

/** Validates one of the base-data maps: real dates, inside firstYear–lastYear, non-empty names. */
function normaliseDays(
  days: Record<DateString, DayName>,
  data: CalendarData,
  field: string,
): Map<DateString, Messages> {
  const result = new Map<DateString, Messages>();
  for (const [date, name] of Object.entries(days)) {
    assertDateString(date);
    const year = yearOf(date);
    if (year < data.firstYear || year > data.lastYear) {
      // Base data is per whole year; a stray date outside the range would silently half-know a year.
      throw calendarDataInvalid(
        {
          zh: `${field} 中的 ${date} 不在 ${data.firstYear}–${data.lastYear} 年范围内`,
          en: `${field} has ${date}, outside ${data.firstYear}–${data.lastYear}`,
        },
        { date, field },
      );
    }
    const messages = toMessages(name);
    if (!messages.zh.trim() || !messages.en.trim()) {
      throw calendarDataInvalid(
        { zh: `${field} 中的 ${date} 缺少名称`, en: `${field} has no name for ${date}` },
        { date, field },
      );
    }
    result.set(date, messages);
  }
  return result;
}

function indexOverrides(overrides: readonly CalendarOverride[]): Map<DateString, CalendarOverride> {
  const byDate = new Map<DateString, CalendarOverride>();
  for (const override of overrides) {
    assertDateString(override.date);
    if (override.kind !== 'rest' && override.kind !== 'work') {
      throw calendarDataInvalid(
        {
          zh: `${override.date} 的调整类型无效`,
          en: `override kind for ${override.date} must be 'rest' or 'work'`,
        },
        { override },
      );
    }
    if (typeof override.note !== 'string' || !override.note.trim()) {
      throw calendarDataInvalid(
        { zh: `${override.date} 的调整缺少说明`, en: `override for ${override.date} needs a note` },
        { override },
      );
    }
    if (byDate.has(override.date)) {
      // Two answers for one day would make the result depend on list order; the administrator must pick one.
      throw domainError(
        DomainErrorCodes.CALENDAR_OVERRIDE_DUPLICATE,
        `${override.date} 有多条日历调整，请只保留一条。`,
        `There is more than one calendar override for ${override.date}; keep only one.`,
        { date: override.date },
      );
    }
    byDate.set(override.date, override);
  }
  return byDate;
}
