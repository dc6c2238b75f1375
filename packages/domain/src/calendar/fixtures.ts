// China's public holidays and make-up working days for 2025 and 2026, typed in by hand from
// shared/spec/time-rules.md (国办发明电〔2024〕12号 for 2025; State Council notice of 2025-11-04 for 2026).
// Tests of every package reuse it, so it is exported from the package; production data comes from the
// server's calendar store (filled from chinese-days), not from this file.

import { addDays, daysBetween } from '../time/shanghai.ts';
import type { CalendarData, DayName } from './types.ts';

const NEW_YEAR = { zh: '元旦', en: "New Year's Day" };
const SPRING_FESTIVAL = { zh: '春节', en: 'Spring Festival' };
const QINGMING = { zh: '清明节', en: 'Qingming Festival' };
const LABOUR_DAY = { zh: '劳动节', en: 'Labour Day' };
const DRAGON_BOAT = { zh: '端午节', en: 'Dragon Boat Festival' };
const MID_AUTUMN = { zh: '中秋节', en: 'Mid-Autumn Festival' };
const NATIONAL_DAY = { zh: '国庆节', en: 'National Day' };
// In 2025 Mid-Autumn (10-06) falls inside the National Day break; the notice grants them together.
const NATIONAL_DAY_MID_AUTUMN = { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' };

/** One holiday block: first and last day off, inclusive. */
export interface HolidayBlock {
  from: string;
  to: string;
  name: { zh: string; en: string };
}

export const HOLIDAY_BLOCKS_2025: readonly HolidayBlock[] = [
  { from: '2025-01-01', to: '2025-01-01', name: NEW_YEAR },
  { from: '2025-01-28', to: '2025-02-04', name: SPRING_FESTIVAL },
  { from: '2025-04-04', to: '2025-04-06', name: QINGMING },
  { from: '2025-05-01', to: '2025-05-05', name: LABOUR_DAY },
  { from: '2025-05-31', to: '2025-06-02', name: DRAGON_BOAT },
  { from: '2025-10-01', to: '2025-10-08', name: NATIONAL_DAY_MID_AUTUMN },
];

export const MAKEUP_WORKDAYS_2025: Readonly<Record<string, { zh: string; en: string }>> = {
  '2025-01-26': SPRING_FESTIVAL, // Sunday
  '2025-02-08': SPRING_FESTIVAL, // Saturday
  '2025-04-27': LABOUR_DAY, // Sunday
  '2025-09-28': NATIONAL_DAY_MID_AUTUMN, // Sunday
  '2025-10-11': NATIONAL_DAY_MID_AUTUMN, // Saturday
};

export const HOLIDAY_BLOCKS_2026: readonly HolidayBlock[] = [
  { from: '2026-01-01', to: '2026-01-03', name: NEW_YEAR },
  { from: '2026-02-15', to: '2026-02-23', name: SPRING_FESTIVAL },
  { from: '2026-04-04', to: '2026-04-06', name: QINGMING },
  { from: '2026-05-01', to: '2026-05-05', name: LABOUR_DAY },
  { from: '2026-06-19', to: '2026-06-21', name: DRAGON_BOAT },
  { from: '2026-09-25', to: '2026-09-27', name: MID_AUTUMN },
  { from: '2026-10-01', to: '2026-10-07', name: NATIONAL_DAY },
];

export const MAKEUP_WORKDAYS_2026: Readonly<Record<string, { zh: string; en: string }>> = {
  '2026-01-04': NEW_YEAR, // Sunday
  '2026-02-14': SPRING_FESTIVAL, // Saturday
  '2026-02-28': SPRING_FESTIVAL, // Saturday
  '2026-05-09': LABOUR_DAY, // Saturday
  '2026-09-20': MID_AUTUMN, // Sunday
  '2026-10-10': NATIONAL_DAY, // Saturday
};

/** Every day of each block, weekends inside the block included (as chinese-days lists them). */
export function expandHolidayBlocks(blocks: readonly HolidayBlock[]): Record<string, DayName> {
  const days: Record<string, DayName> = {};
  for (const block of blocks) {
    const length = daysBetween(block.from, block.to);
    for (let offset = 0; offset <= length; offset += 1) days[addDays(block.from, offset)] = block.name;
  }
  return days;
}

/** The 2025–2026 calendar: tests and demo data only. */
export const CN_CALENDAR_2025_2026: CalendarData = Object.freeze({
  firstYear: 2025,
  lastYear: 2026,
  restDays: Object.freeze(expandHolidayBlocks([...HOLIDAY_BLOCKS_2025, ...HOLIDAY_BLOCKS_2026])),
  makeupWorkdays: Object.freeze({ ...MAKEUP_WORKDAYS_2025, ...MAKEUP_WORKDAYS_2026 }),
});
