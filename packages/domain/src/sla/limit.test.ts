import { describe, expect, it } from 'vitest';
import { describeLimit, formatLimit, hoursToMs, parseLimit, toLimit } from './limit.ts';
import { STATUTORY_LIMITS } from './statutory-limits.ts';
import { codeOf, thrown } from '../testing/support.ts';
import type { DomainError } from '../errors.ts';

describe('parseLimit', () => {
  it.each([
    { clause: 'G-5.7.2', text: '5wd', unit: 'working_days', amount: 5 },
    { clause: 'G-6.1.2', text: '4wd', unit: 'working_days', amount: 4 },
    { clause: 'G-6.2.14', text: '90wd', unit: 'working_days', amount: 90 },
    { clause: 'H-9.5', text: '30wd', unit: 'working_days', amount: 30 },
    { clause: 'H-7.3.9', text: '0.5h', unit: 'hours', amount: 0.5 },
    { clause: 'G-6.2.13', text: '24h', unit: 'hours', amount: 24 },
    { clause: 'G-9.2.5', text: '48h', unit: 'hours', amount: 48 },
    { clause: 'G-6.2.12', text: '72h', unit: 'hours', amount: 72 },
    { clause: 'G-6.2.6', text: '10d', unit: 'calendar_days', amount: 10 },
    { clause: 'H-6.1.4', text: '7d', unit: 'calendar_days', amount: 7 },
  ] as const)('$clause: $text is $unit × $amount', ({ text, unit, amount }) => {
    expect(parseLimit(text)).toEqual({ unit, amount });
  });

  it('tolerates spaces around and upper case', () => {
    expect(parseLimit(' 5WD ')).toEqual({ unit: 'working_days', amount: 5 });
    expect(parseLimit('1.25H')).toEqual({ unit: 'hours', amount: 1.25 });
  });

  it.each([
    '',
    '5',
    'wd',
    '5 wd',
    '5w',
    '5days',
    '-1d',
    '0h',
    '0wd',
    '1.5wd',
    '2.5d',
    '0.01h',
    '1e3h',
    'abc',
    '5wd5',
    'toStringh',
  ])('rejects %j with LIMIT_INVALID', (text) => {
    expect(codeOf(() => parseLimit(text))).toBe('LIMIT_INVALID');
  });

  it('explains the expected format in both languages', () => {
    const error = thrown(() => parseLimit('5x')) as DomainError;
    expect(error.messages.zh).toContain('5wd');
    expect(error.messages.en).toContain('wd, h or d');
    expect(codeOf(() => parseLimit(5 as unknown as string))).toBe('LIMIT_INVALID');
  });
});

describe('toLimit, formatLimit, describeLimit', () => {
  it('validates Limit objects as strictly as text', () => {
    expect(toLimit({ unit: 'hours', amount: 0.5 })).toEqual({ unit: 'hours', amount: 0.5 });
    expect(codeOf(() => toLimit({ unit: 'working_days', amount: 1.5 }))).toBe('LIMIT_INVALID');
    expect(codeOf(() => toLimit({ unit: 'hours', amount: Number.NaN }))).toBe('LIMIT_INVALID');
    expect(codeOf(() => toLimit({ unit: 'hours', amount: Number.POSITIVE_INFINITY }))).toBe('LIMIT_INVALID');
    expect(codeOf(() => toLimit({ unit: 'weeks' as 'hours', amount: 1 }))).toBe('LIMIT_INVALID');
    expect(codeOf(() => toLimit({ unit: 'toString' as 'hours', amount: 1 }))).toBe('LIMIT_INVALID');
  });

  it('round-trips through text', () => {
    for (const text of ['5wd', '0.5h', '10d', '90wd', '1.25h'])
      expect(formatLimit(parseLimit(text))).toBe(text);
  });

  it('describes limits in Chinese and English', () => {
    expect(describeLimit(parseLimit('5wd'))).toEqual({ zh: '5个工作日', en: '5 working days' });
    expect(describeLimit(parseLimit('1wd'))).toEqual({ zh: '1个工作日', en: '1 working day' });
    expect(describeLimit(parseLimit('0.5h'))).toEqual({ zh: '0.5小时', en: '0.5 hours' });
    expect(describeLimit(parseLimit('10d'))).toEqual({ zh: '10日', en: '10 calendar days' });
  });

  it('H-7.3.9: half an hour is exactly 30 minutes', () => {
    expect(hoursToMs(0.5)).toBe(30 * 60 * 1000);
  });
});

describe('STATUTORY_LIMITS', () => {
  it('every entry parses and cites a clause id of the register', () => {
    for (const entry of Object.values(STATUTORY_LIMITS)) {
      expect(() => parseLimit(entry.limit)).not.toThrow();
      expect(entry.clause).toMatch(/^[GH]-\d+(\.\d+)*$/);
    }
  });

  it('the statutory limits table holds the limit written for each clause', () => {
    const byName = Object.fromEntries(
      Object.entries(STATUTORY_LIMITS).map(([k, v]) => [k, `${v.clause} ${v.limit}`]),
    );
    expect(byName).toMatchObject({
      gasComplaintAnswer: 'G-5.7.2 5wd',
      gasConnection: 'G-6.1.2 4wd',
      gasFacilityChangeAnswer: 'G-6.2.10 5wd',
      gasCeaseBusinessApplication: 'G-6.2.14 90wd',
      heatingCompensationPayment: 'H-9.5 30wd',
      heatingLeakReply: 'H-7.3.9 0.5h',
      heatingQualityComplaintResponse: 'H-7.4.3 0.5h',
      applianceInstallation: 'G-9.2.5 48h',
      applianceRepair: 'G-9.2.5 24h',
      heatingResume: 'H-7.1.8 48h',
      gasPitCoverRepair: 'G-6.2.13 24h',
      gasPaymentPeriod: 'G-6.2.6 10d',
      heatingFillingNotice: 'H-6.1.4 7d',
      gasOutageNotice: 'G-6.2.12 72h',
    });
  });
});
