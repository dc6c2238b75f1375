import { describe, expect, it } from 'vitest';
import { buildCalendar } from './build.ts';
import { CN_CALENDAR_2025_2026 } from './fixtures.ts';
import type { CalendarData } from './types.ts';
import { DomainError } from '../errors.ts';
import { cal, calWith, codeOf, thrown } from '../testing/support.ts';

const tiny = (extra: Partial<CalendarData> = {}): CalendarData => ({
  firstYear: 2025,
  lastYear: 2025,
  restDays: {},
  makeupWorkdays: {},
  ...extra,
});

describe('buildCalendar: base data', () => {
  it('knows firstYear–lastYear and nothing else', () => {
    expect(cal.knownYears).toEqual([2025, 2026]);
    expect(cal.isKnownYear(2025)).toBe(true);
    expect(cal.isKnownYear(2024)).toBe(false);
    expect(cal.isKnownYear(2027)).toBe(false);
  });

  it('G-5.7.2: asking about a day in an unknown year is CALENDAR_YEAR_UNKNOWN naming that year', () => {
    const error = thrown(() => cal.dayInfo('2027-01-04')) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(error.details).toMatchObject({ year: 2027, date: '2027-01-04' });
    expect(codeOf(() => cal.isWorkingDay('2024-12-31'))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('rejects a bad date string with DATE_INVALID', () => {
    expect(codeOf(() => cal.dayInfo('2025-02-29'))).toBe('DATE_INVALID');
    expect(codeOf(() => cal.dayInfo('2025/10/01'))).toBe('DATE_INVALID');
  });

  it('accepts plain-string names (as chinese-days gives them) for both languages', () => {
    const calendar = buildCalendar(
      tiny({ restDays: { '2025-10-01': '国庆节' }, makeupWorkdays: { '2025-09-28': '国庆节' } }),
    );
    expect(calendar.dayInfo('2025-10-01')).toEqual({
      date: '2025-10-01',
      working: false,
      reason: 'holiday',
      name: { zh: '国庆节', en: '国庆节' },
    });
    expect(calendar.dayInfo('2025-09-28').reason).toBe('makeup_workday');
  });

  it('rejects inconsistent data with CALENDAR_DATA_INVALID', () => {
    const invalid = [
      tiny({ firstYear: 2026, lastYear: 2025 }),
      tiny({ firstYear: 2025.5 }),
      tiny({ restDays: { '2024-12-31': 'x' } }),
      tiny({ restDays: { '2025-10-01': 'x' }, makeupWorkdays: { '2025-10-01': 'x' } }),
      tiny({ restDays: { '2025-10-01': '  ' } }),
      tiny({ makeupWorkdays: { '2025-09-28': { zh: '国庆节', en: '' } } }),
    ];
    for (const data of invalid) expect(codeOf(() => buildCalendar(data))).toBe('CALENDAR_DATA_INVALID');
    expect(codeOf(() => buildCalendar(tiny({ restDays: { '2025-02-30': 'x' } })))).toBe('DATE_INVALID');
  });
});

describe('buildCalendar: administrator overrides win over the base data', () => {
  it('G-5.7.2: an override turns a National Day holiday into a working day', () => {
    const calendar = calWith([{ date: '2025-10-08', kind: 'work', note: '本地调整' }]);
    expect(calendar.dayInfo('2025-10-08')).toEqual({
      date: '2025-10-08',
      working: true,
      reason: 'override_work',
      name: { zh: '本地调整', en: '本地调整' },
    });
  });

  it('G-5.7.2: an override turns a make-up Saturday back into a rest day', () => {
    const calendar = calWith([{ date: '2025-10-11', kind: 'rest', note: 'correction' }]);
    expect(calendar.dayInfo('2025-10-11')).toMatchObject({ working: false, reason: 'override_rest' });
  });

  it('overrides can make an ordinary weekday a rest day and a Sunday a working day', () => {
    const calendar = calWith([
      { date: '2025-11-03', kind: 'rest', note: 'city holiday' },
      { date: '2025-11-02', kind: 'work', note: 'city working Sunday' },
    ]);
    expect(calendar.isWorkingDay('2025-11-03')).toBe(false);
    expect(calendar.isWorkingDay('2025-11-02')).toBe(true);
    expect(cal.isWorkingDay('2025-11-03')).toBe(true); // the base calendar is untouched
  });

  it('two overrides for one day are CALENDAR_OVERRIDE_DUPLICATE', () => {
    const overrides = [
      { date: '2025-11-03', kind: 'rest' as const, note: 'a' },
      { date: '2025-11-03', kind: 'work' as const, note: 'b' },
    ];
    expect(codeOf(() => calWith(overrides))).toBe('CALENDAR_OVERRIDE_DUPLICATE');
  });

  it('an override needs a valid date, kind and note', () => {
    expect(codeOf(() => calWith([{ date: '2025-13-01', kind: 'rest', note: 'x' }]))).toBe('DATE_INVALID');
    expect(codeOf(() => calWith([{ date: '2025-11-03', kind: 'holiday' as 'rest', note: 'x' }]))).toBe(
      'CALENDAR_DATA_INVALID',
    );
    expect(codeOf(() => calWith([{ date: '2025-11-03', kind: 'rest', note: ' ' }]))).toBe(
      'CALENDAR_DATA_INVALID',
    );
  });
});

describe('buildCalendar: years beyond the data', () => {
  it('G-5.7.2: an override in 2027 alone does not make 2027 known', () => {
    const calendar = calWith([{ date: '2027-01-01', kind: 'rest', note: "New Year's Day 2027" }]);
    expect(calendar.isKnownYear(2027)).toBe(false);
    expect(codeOf(() => calendar.dayInfo('2027-01-01'))).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(codeOf(() => calendar.dayInfo('2027-03-01'))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('G-5.7.2: a year declared known is reckoned from weekdays plus its overrides', () => {
    const calendar = calWith([{ date: '2027-01-01', kind: 'rest', note: "New Year's Day 2027" }], {
      extraKnownYears: [2027],
    });
    expect(calendar.knownYears).toEqual([2025, 2026, 2027]);
    expect(calendar.dayInfo('2027-01-01')).toMatchObject({ working: false, reason: 'override_rest' });
    expect(calendar.dayInfo('2027-01-04')).toMatchObject({ working: true, reason: 'weekday' });
    expect(calendar.dayInfo('2027-01-02')).toMatchObject({ working: false, reason: 'weekend' });
  });

  it('declaring a later year leaves the gap unknown; an earlier year can be declared too', () => {
    const calendar = buildCalendar(CN_CALENDAR_2025_2026, [], { extraKnownYears: [2028, 2024] });
    expect(calendar.knownYears).toEqual([2024, 2025, 2026, 2028]);
    expect(codeOf(() => calendar.dayInfo('2027-06-01'))).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(calendar.dayInfo('2024-12-31').reason).toBe('weekday');
  });

  it('a declared year must be a real year', () => {
    expect(codeOf(() => buildCalendar(CN_CALENDAR_2025_2026, [], { extraKnownYears: [20270] }))).toBe(
      'CALENDAR_DATA_INVALID',
    );
  });
});
