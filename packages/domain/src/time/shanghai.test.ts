import { describe, expect, it } from 'vitest';
import {
  addDays,
  assertInstant,
  daysBetween,
  endOfShanghaiDay,
  formatDue,
  formatShanghai,
  isDateString,
  isShanghaiMidnight,
  isWeekend,
  parseShanghaiDateTime,
  shanghaiMidnightUtc,
  toShanghaiDate,
  weekday,
  weekdayName,
  yearOf,
} from './shanghai.ts';
import { codeOf } from '../testing/support.ts';

describe('Asia/Shanghai day arithmetic (fixed +08:00, no DST since 1991)', () => {
  it('toShanghaiDate switches day at 16:00 UTC', () => {
    expect(toShanghaiDate(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(toShanghaiDate(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
    expect(toShanghaiDate(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
  });

  it('shanghaiMidnightUtc is 16:00 UTC the day before; endOfShanghaiDay is the next midnight (24:00)', () => {
    expect(shanghaiMidnightUtc('2025-10-01').toISOString()).toBe('2025-09-30T16:00:00.000Z');
    expect(endOfShanghaiDay('2025-10-14').toISOString()).toBe('2025-10-14T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-10-01', 0)).toBe('2025-10-01');
    expect(codeOf(() => addDays('2025-10-01', 0.5))).toBe('DATE_INVALID');
  });

  it('daysBetween is signed', () => {
    expect(daysBetween('2025-09-30', '2025-10-14')).toBe(14);
    expect(daysBetween('2026-01-01', '2025-12-31')).toBe(-1);
  });

  it('weekday follows the JS convention (0 = Sunday) and knows weekends', () => {
    expect(weekday('2025-10-01')).toBe(3); // Wednesday
    expect(weekday('2025-10-11')).toBe(6);
    expect(weekday('2025-09-28')).toBe(0);
    expect(weekday('1969-12-31')).toBe(3); // before the epoch too
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-13')).toBe(false);
    expect(weekdayName('2025-10-11')).toEqual({ zh: '星期六', en: 'Saturday' });
  });

  it('validates date strings strictly', () => {
    expect(isDateString('2025-10-01')).toBe(true);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '2025-10-01T00:00', 'abc', '', 20251001]) {
      expect(isDateString(bad)).toBe(false);
    }
    expect(codeOf(() => shanghaiMidnightUtc('2025-02-30'))).toBe('DATE_INVALID');
    expect(codeOf(() => yearOf('nope'))).toBe('DATE_INVALID');
    expect(codeOf(() => toShanghaiDate(new Date(Number.NaN)))).toBe('DATE_INVALID');
    expect(codeOf(() => assertInstant('2025-10-01'))).toBe('DATE_INVALID');
  });

  it('parseShanghaiDateTime reads wall-clock times, including 24:00', () => {
    expect(parseShanghaiDateTime('2025-09-30 10:00').toISOString()).toBe('2025-09-30T02:00:00.000Z');
    expect(parseShanghaiDateTime('2025-09-30T10:00:30').toISOString()).toBe('2025-09-30T02:00:30.000Z');
    expect(parseShanghaiDateTime('2025-10-14 24:00').getTime()).toBe(
      shanghaiMidnightUtc('2025-10-15').getTime(),
    );
    for (const bad of ['2025-09-30', '2025-09-30 24:01', '2025-09-30 10:60', '2025-02-30 10:00', '10:00']) {
      expect(codeOf(() => parseShanghaiDateTime(bad))).toBe('DATE_INVALID');
    }
  });

  it('formats instants in Shanghai time; a due at midnight reads as 24:00 of the day before', () => {
    const midnight = shanghaiMidnightUtc('2025-10-15');
    expect(isShanghaiMidnight(midnight)).toBe(true);
    expect(isShanghaiMidnight(parseShanghaiDateTime('2025-10-15 00:01'))).toBe(false);
    expect(formatShanghai(midnight)).toBe('2025-10-15 00:00');
    expect(formatDue(midnight)).toBe('2025-10-14 24:00');
    expect(formatDue(parseShanghaiDateTime('2025-10-02 14:00'))).toBe('2025-10-02 14:00');
    expect(formatShanghai(parseShanghaiDateTime('2025-10-02 14:00:05'))).toBe('2025-10-02 14:00:05');
  });
});
