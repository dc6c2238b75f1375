import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { CalendarData, DayName } from '@ranre/domain';

type Raw = { holidays: Record<string, string>; workdays: Record<string, string> };

/** chinese-days names days as "National Day,国庆节,3": English, Chinese, length of the block. */
function splitName(raw: string): DayName {
  const [en, zh] = raw.split(',');
  return en && zh ? { zh, en } : raw;
}

/**
 * The packaged holiday data (State Council notices, as shipped by the npm package chinese-days). Its last year is
 * the last year the data lists, never the current year: a working-day deadline past it is refused.
 */
export function packagedCalendarData(raw: Raw = chineseDays as Raw): CalendarData {
  const restDays: Record<string, DayName> = {};
  const makeupWorkdays: Record<string, DayName> = {};
  for (const [d, n] of Object.entries(raw.holidays)) restDays[d] = splitName(n);
  for (const [d, n] of Object.entries(raw.workdays)) makeupWorkdays[d] = splitName(n);
  const years = [...Object.keys(restDays), ...Object.keys(makeupWorkdays)].map((d) => Number(d.slice(0, 4)));
  return { firstYear: Math.min(...years), lastYear: Math.max(...years), restDays, makeupWorkdays };
}

/** A year's notice in the holiday-cn format: { year, days: [{ name, date, isOffDay }] }. */
export type HolidayCnYear = { year: number; days: { name: string; date: string; isOffDay: boolean }[] };
