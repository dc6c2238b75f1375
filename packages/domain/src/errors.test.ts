import { describe, expect, it } from 'vitest';
import {
  DomainError,
  DomainErrorCodes,
  calendarYearUnknown,
  dateInvalid,
  domainError,
  isDomainError,
  limitInvalid,
} from './errors.ts';

describe('DomainError', () => {
  it('carries a code, both languages and details; message is the English text', () => {
    const error = new DomainError('SOMETHING_WRONG', { zh: '出错了', en: 'Something is wrong' }, { id: 7 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('SOMETHING_WRONG');
    expect(error.messages).toEqual({ zh: '出错了', en: 'Something is wrong' });
    expect(error.message).toBe('Something is wrong');
    expect(error.details).toEqual({ id: 7 });
  });

  it('serialises to JSON with code, messages and details only when present', () => {
    expect(JSON.parse(JSON.stringify(domainError('A_B', '甲', 'A')))).toEqual({
      code: 'A_B',
      messages: { zh: '甲', en: 'A' },
    });
    expect(domainError('A_B', '甲', 'A', [1]).toJSON()).toEqual({
      code: 'A_B',
      messages: { zh: '甲', en: 'A' },
      details: [1],
    });
  });

  it('lets other packages add their own UPPER_SNAKE codes but rejects other spellings', () => {
    expect(domainError('WORK_ORDER_CLOSED', '工单已关闭', 'Closed').code).toBe('WORK_ORDER_CLOSED');
    expect(() => domainError('notUpperSnake', 'x', 'x')).toThrow(TypeError);
    expect(() => domainError('TRAILING_', 'x', 'x')).toThrow(TypeError);
  });

  it('isDomainError recognises the shape and optionally the code', () => {
    const error = domainError('X_Y', 'x', 'x');
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(error, 'X_Y')).toBe(true);
    expect(isDomainError(error, 'OTHER')).toBe(false);
    expect(isDomainError(new Error('plain'))).toBe(false);
    expect(isDomainError({ code: 'X_Y', messages: {} })).toBe(false);
  });

  it('every listed code is UPPER_SNAKE and equals its key', () => {
    for (const [key, code] of Object.entries(DomainErrorCodes)) {
      expect(code).toBe(key);
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });
});

describe('helper constructors', () => {
  it('G-5.7.2: CALENDAR_YEAR_UNKNOWN names the missing year and the known years in both languages', () => {
    const error = calendarYearUnknown(2027, [2025, 2026], '2027-01-01');
    expect(error.code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(error.messages.zh).toContain('2027 年');
    expect(error.messages.zh).toContain('2025–2026');
    expect(error.messages.en).toContain('no holiday data for 2027');
    expect(error.details).toEqual({ year: 2027, date: '2027-01-01', knownYears: [2025, 2026] });
  });

  it('CALENDAR_YEAR_UNKNOWN describes gaps in the known years', () => {
    expect(calendarYearUnknown(2027, [2028, 2025, 2026], '2027-05-01').messages.en).toContain(
      '2025–2026, 2028',
    );
    expect(calendarYearUnknown(2027, [], '2027-05-01').messages.en).toContain('known years: —');
  });

  it('DATE_INVALID and LIMIT_INVALID quote the bad input', () => {
    expect(dateInvalid('2025-02-30').messages.en).toContain('"2025-02-30"');
    expect(dateInvalid(new Date(Number.NaN)).messages.en).toContain('Invalid Date');
    const limit = limitInvalid('5x', { zh: '格式错误', en: 'bad format' });
    expect(limit.code).toBe('LIMIT_INVALID');
    expect(limit.messages.zh).toContain('5x');
    expect(limit.messages.en).toContain('bad format');
  });
});
