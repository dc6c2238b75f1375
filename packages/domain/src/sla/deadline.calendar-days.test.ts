// Calendar-day periods: the day of the event does not count; the period ends at 24:00 of day start + n; if that
// day is a rest day (a holiday, or a weekend day that is not a make-up working day) it ends on the next working
// day (民法典 arts. 201, 203).

import { describe, expect, it } from 'vitest';
import { computeDeadline } from './deadline.ts';
import { at, cal, calWith, codeOf, shown } from '../testing/support.ts';

describe('computeDeadline in calendar days', () => {
  it('G-6.2.6: a bill notified 2025-09-20 gives 10 days to pay, until 2025-09-30 24:00', () => {
    const deadline = computeDeadline(at('2025-09-20 09:00'), '10d', cal);
    expect(shown(deadline.due)).toBe('2025-09-30 24:00');
    expect(deadline.nominalLastDay).toBe('2025-09-30');
    expect(deadline.lastDay).toBe('2025-09-30');
    expect(deadline.skipped).toEqual([]);
    expect(deadline.explanation.en).toBe(
      '10 calendar days from 2025-09-20 (the first day does not count) end on 2025-09-30; due 2025-09-30 24:00 (Asia/Shanghai).',
    );
  });

  it('G-6.2.6: 10 days from 2025-09-21 would end on National Day 10-01, so they end on 10-09, the next working day', () => {
    const deadline = computeDeadline(at('2025-09-21 10:00'), '10d', cal);
    expect(shown(deadline.due)).toBe('2025-10-09 24:00');
    expect(deadline.nominalLastDay).toBe('2025-10-01');
    expect(deadline.skipped.map((d) => d.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(deadline.explanation.en).toContain(
      'a rest day (the National Day and Mid-Autumn Festival holiday 10-01 to 10-08)',
    );
    expect(deadline.explanation.zh).toContain('顺延至其后第一个工作日 2025-10-09');
  });

  it('G-6.2.6: 10 days ending on Saturday 2025-11-15 end on Monday 11-17', () => {
    const deadline = computeDeadline(at('2025-11-05 10:00'), '10d', cal);
    expect(shown(deadline.due)).toBe('2025-11-17 24:00');
    expect(deadline.explanation.en).toContain('a rest day (2 weekend days)');
  });

  it('G-6.2.6: 10 days ending on make-up Saturday 2025-10-11 are not moved (it is a working day)', () => {
    expect(shown(computeDeadline(at('2025-10-01 10:00'), '10d', cal).due)).toBe('2025-10-11 24:00');
  });

  it('G-6.2.6: 10 days ending in the 2026 Spring Festival (02-18) end on 02-24', () => {
    const deadline = computeDeadline(at('2026-02-08 10:00'), '10d', cal);
    expect(shown(deadline.due)).toBe('2026-02-24 24:00');
    expect(deadline.skipped).toHaveLength(6);
    expect(deadline.explanation.en).toContain('the Spring Festival holiday 02-18 to 02-23');
  });

  it('G-6.2.6: 10 days ending on make-up Saturday 2026-02-28 stay there', () => {
    expect(shown(computeDeadline(at('2026-02-18 10:00'), '10d', cal).due)).toBe('2026-02-28 24:00');
  });

  it("G-6.2.6: 10 days ending on New Year's Day 2026 end on Sunday 01-04, a make-up working day", () => {
    expect(shown(computeDeadline(at('2025-12-22 10:00'), '10d', cal).due)).toBe('2026-01-04 24:00');
  });

  it('G-6.2.6: 10 days ending on Thu 2026-12-31 need no 2027 data', () => {
    expect(shown(computeDeadline(at('2026-12-21 10:00'), '10d', cal).due)).toBe('2026-12-31 24:00');
  });

  it('G-6.2.6: 10 days ending in unknown 2027 → CALENDAR_YEAR_UNKNOWN', () => {
    expect(codeOf(() => computeDeadline(at('2026-12-25 10:00'), '10d', cal))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('G-6.2.6: an administrator rest day on 2026-12-31 moves the end into unknown 2027 → CALENDAR_YEAR_UNKNOWN', () => {
    const calendar = calWith([{ date: '2026-12-31', kind: 'rest', note: 'local' }]);
    expect(codeOf(() => computeDeadline(at('2026-12-21 10:00'), '10d', calendar))).toBe(
      'CALENDAR_YEAR_UNKNOWN',
    );
  });

  it('G-6.2.6: an administrator working day overrides the move', () => {
    const calendar = calWith([{ date: '2025-10-01', kind: 'work', note: 'test' }]);
    expect(shown(computeDeadline(at('2025-09-21 10:00'), '10d', calendar).due)).toBe('2025-10-01 24:00');
  });

  it('G-6.2.6: a payment notice issued on National Day counts from the next day like any other', () => {
    expect(shown(computeDeadline(at('2025-10-01 10:00'), '1d', cal).due)).toBe('2025-10-09 24:00');
  });
});
