// The fixture is typed by hand from time-rules.md; these tests check it against the notices' own facts
// (block lengths, make-up days falling on weekends) and that the calendar reports every listed day right.

import { describe, expect, it } from 'vitest';
import {
  CN_CALENDAR_2025_2026,
  HOLIDAY_BLOCKS_2025,
  HOLIDAY_BLOCKS_2026,
  MAKEUP_WORKDAYS_2025,
  MAKEUP_WORKDAYS_2026,
} from './fixtures.ts';
import { addDays, daysBetween, isWeekend } from '../time/shanghai.ts';
import { cal } from '../testing/support.ts';

const blocks = [...HOLIDAY_BLOCKS_2025, ...HOLIDAY_BLOCKS_2026];
const makeups = { ...MAKEUP_WORKDAYS_2025, ...MAKEUP_WORKDAYS_2026 };

describe('China 2025–2026 holiday fixture (国办发明电〔2024〕12号; notice of 2025-11-04)', () => {
  it('2025 has 28 days off in 6 blocks and 5 make-up working days', () => {
    expect(HOLIDAY_BLOCKS_2025).toHaveLength(6);
    const days = HOLIDAY_BLOCKS_2025.reduce((sum, b) => sum + daysBetween(b.from, b.to) + 1, 0);
    expect(days).toBe(28);
    expect(Object.keys(MAKEUP_WORKDAYS_2025)).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  it('2026 has 33 days off in 7 blocks and 6 make-up working days', () => {
    expect(HOLIDAY_BLOCKS_2026).toHaveLength(7);
    const days = HOLIDAY_BLOCKS_2026.reduce((sum, b) => sum + daysBetween(b.from, b.to) + 1, 0);
    expect(days).toBe(33);
    expect(Object.keys(MAKEUP_WORKDAYS_2026)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('restDays holds exactly the days of the blocks', () => {
    expect(Object.keys(CN_CALENDAR_2025_2026.restDays)).toHaveLength(28 + 33);
    expect(CN_CALENDAR_2025_2026.firstYear).toBe(2025);
    expect(CN_CALENDAR_2025_2026.lastYear).toBe(2026);
  });

  it('every make-up working day is a Saturday or Sunday', () => {
    for (const date of Object.keys(makeups)) expect(isWeekend(date), date).toBe(true);
  });

  it.each(blocks.map((b) => [b.name.en, b.from, b.to, b] as const))(
    'G-5.7.2, H-4.2.3: every day of %s %s – %s is a holiday day off, with its name',
    (_name, from, to, block) => {
      for (let date = from; date <= to; date = addDays(date, 1)) {
        expect(cal.dayInfo(date)).toEqual({ date, working: false, reason: 'holiday', name: block.name });
      }
      // The days around a block are not part of it.
      for (const neighbour of [addDays(from, -1), addDays(to, 1)]) {
        if (neighbour >= '2025-01-01') expect(cal.dayInfo(neighbour).reason).not.toBe('holiday');
      }
    },
  );

  it.each(Object.entries(makeups))('G-5.7.2, H-4.2.3: %s is a make-up working day (%o)', (date, name) => {
    expect(cal.dayInfo(date)).toEqual({ date, working: true, reason: 'makeup_workday', name });
  });

  it('every other day of 2025 and 2026 is a working day exactly when it is Monday to Friday', () => {
    let checked = 0;
    for (let date = '2025-01-01'; date <= '2026-12-31'; date = addDays(date, 1)) {
      if (date in CN_CALENDAR_2025_2026.restDays || date in makeups) continue;
      const info = cal.dayInfo(date);
      expect(info.working).toBe(!isWeekend(date));
      expect(info.reason).toBe(isWeekend(date) ? 'weekend' : 'weekday');
      checked += 1;
    }
    expect(checked).toBe(730 - 61 - 11);
  });

  it('2025 and 2026 each have 248 working days (checked against an independent count)', () => {
    const count = (year: number) => {
      let n = 0;
      for (let date = `${year}-01-01`; date <= `${year}-12-31`; date = addDays(date, 1))
        if (cal.isWorkingDay(date)) n += 1;
      return n;
    };
    expect(count(2025)).toBe(248);
    expect(count(2026)).toBe(248);
  });
});
