import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import chineseDaysLunar from 'chinese-days';
import {
  buildCalendar,
  statutoryRestDays,
  type CalendarData,
  type CalendarOverride,
  type DayName,
  type LunarAnchors,
  type WorkCalendar,
} from '@ranre/domain';

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

type Lunar = {
  getSolarDateFromLunar(lunar: string): { date: string };
  getLunarDate(date: string): { lunarYear: number; lunarMon: number; lunarDay: number; isLeap: boolean };
  getSolarTermDate(year: number, month: number, term: 'pure_brightness'): string;
};

/** The package's lunar tables run 1900–2100; past them its answers are not dates of the asked year. */
const LUNAR_LAST_YEAR = 2100;

/**
 * The days off of a year with no notice yet, from the holiday law (the domain's statutoryRestDays) with the lunar
 * feasts and the Qingming solar term converted by chinese-days; null for a year its lunar data does not cover.
 */
export function provisionalYearFromLaw(
  year: number,
  lunar: Lunar = chineseDaysLunar,
): Record<string, DayName> | null {
  if (year > LUNAR_LAST_YEAR) return null;
  const feast = (month: number, day: number) => {
    const { date } = lunar.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`);
    const back = lunar.getLunarDate(date);
    // A round trip that does not land on the same lunar day means the tables do not cover it.
    const ok = back.lunarYear === year && back.lunarMon === month && back.lunarDay === day && !back.isLeap;
    return ok && date.startsWith(`${year}-`) ? date : null;
  };
  const anchors = {
    springFestival: feast(1, 1),
    qingming: lunar.getSolarTermDate(year, 4, 'pure_brightness'),
    dragonBoat: feast(5, 5),
    midAutumn: feast(8, 15),
  };
  if (Object.values(anchors).some((d) => !d || !d.startsWith(`${year}-`))) return null;
  return statutoryRestDays(year, anchors as LunarAnchors);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The packaged notices, later years reckoned from the law; what the seed and `ranre due` use (no database). */
export function packagedCalendar(
  overrides: readonly CalendarOverride[] = [],
  extraKnownYears: readonly number[] = [],
): WorkCalendar {
  return buildCalendar(packagedCalendarData(), overrides, {
    extraKnownYears,
    provisionalYear: provisionalYearFromLaw,
  });
}
