// A provisional year: the days off the national holiday law itself grants, for a year whose State Council notice
// has not been published yet (全国年节及纪念日放假办法, as revised in 2024, in force from 2025). The notice for a
// year usually appears in October–November and is sometimes late; a hotline cannot stop taking complaints while it
// waits, so deadlines that reach such a year are computed from the law and marked provisional.
//
// Article 2 grants: New Year's Day 1 day; Spring Festival 4 days (New Year's Eve and days 1–3 of the first lunar
// month); Qingming 1 (the solar term's day); Labour Day 2 (1–2 May); Dragon Boat 1 (5th of the 5th lunar month);
// Mid-Autumn 1 (15th of the 8th lunar month); National Day 3 (1–3 October).
// Article 6: a holiday that falls on a Saturday or Sunday is given on working days after it (补假). Only a notice
// can move days around (调休), so a provisional year has no make-up working days.
//
// The lunar and solar-term dates are astronomy, not law: the caller supplies them (the server takes them from the
// holiday package), so this file stays pure.

import type { Messages } from '../errors.ts';
import { addDays, assertDateString, isWeekend, yearOf } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { calendarDataInvalid } from '../errors.ts';

/** The movable feasts of one Gregorian year, as solar dates. */
export interface LunarAnchors {
  /** Day 1 of the first lunar month (正月初一) that falls in this Gregorian year. */
  springFestival: DateString;
  /** The Qingming solar term (清明) of this year. */
  qingming: DateString;
  /** 5th day of the 5th lunar month (端午). */
  dragonBoat: DateString;
  /** 15th day of the 8th lunar month (中秋). */
  midAutumn: DateString;
}

export const HOLIDAY_NAMES = {
  newYear: { zh: '元旦', en: "New Year's Day" },
  springFestival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  labourDay: { zh: '劳动节', en: 'Labour Day' },
  dragonBoat: { zh: '端午节', en: 'Dragon Boat Festival' },
  midAutumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  nationalDay: { zh: '国庆节', en: 'National Day' },
} as const;

interface Block {
  name: Messages;
  days: DateString[];
}

const span = (from: DateString, count: number): DateString[] =>
  Array.from({ length: count }, (_, i) => addDays(from, i));

/**
 * The days off of `year` under the holiday law alone: the holidays of article 2, and for each holiday day that falls
 * on a weekend or on another holiday, a day in lieu on the next free working day after its holiday (article 6).
 * Days in lieu are named "<holiday>（补假）" / "<holiday> (in lieu)".
 */
export function statutoryRestDays(year: number, anchors: LunarAnchors): Record<DateString, Messages> {
  for (const [field, date] of Object.entries(anchors)) {
    assertDateString(date);
    if (yearOf(date) !== year) {
      throw calendarDataInvalid(
        { zh: `${year} 年的${field}日期 ${date} 不在该年`, en: `${field} ${date} is not in ${year}` },
        { year, field, date },
      );
    }
  }
  const n = HOLIDAY_NAMES;
  // The New Year's Eve of the Spring Festival that falls in this year: it may be 31 December of the previous year
  // only if the festival is on 1 January, which does not happen (the festival falls between 21 Jan and 20 Feb).
  const blocks: Block[] = [
    { name: n.newYear, days: [`${year}-01-01`] },
    { name: n.springFestival, days: span(addDays(anchors.springFestival, -1), 4) },
    { name: n.qingming, days: [anchors.qingming] },
    { name: n.labourDay, days: span(`${year}-05-01`, 2) },
    { name: n.dragonBoat, days: [anchors.dragonBoat] },
    { name: n.midAutumn, days: [anchors.midAutumn] },
    { name: n.nationalDay, days: span(`${year}-10-01`, 3) },
  ].sort((a, b) => (a.days[0]! < b.days[0]! ? -1 : 1));

  const rest = new Map<DateString, Messages>();
  const owed: { block: Block; count: number }[] = [];
  // First every holiday day itself; a day already taken by another holiday (Mid-Autumn on 1 October, say) is owed.
  for (const block of blocks) {
    let count = 0;
    for (const day of block.days) {
      if (rest.has(day) || isWeekend(day)) count += 1;
      if (!rest.has(day)) rest.set(day, block.name);
    }
    owed.push({ block, count });
  }
  // Then the days in lieu, in calendar order, each on the next weekday after its block that is not already off.
  for (const { block, count } of owed) {
    let day = block.days[block.days.length - 1]!;
    for (let given = 0; given < count;) {
      day = addDays(day, 1);
      if (isWeekend(day) || rest.has(day)) continue;
      rest.set(day, { zh: `${block.name.zh}（补假）`, en: `${block.name.en} (in lieu)` });
      given += 1;
    }
  }
  return Object.fromEntries([...rest].filter(([date]) => yearOf(date) === year));
}
