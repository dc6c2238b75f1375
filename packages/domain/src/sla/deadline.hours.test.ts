// Clock hours: elapsed time around the clock (24 h duty); holidays do not stop it and no calendar year is needed.

import { describe, expect, it } from 'vitest';
import { computeDeadline } from './deadline.ts';
import { at, cal, shown } from '../testing/support.ts';

const cases = [
  [
    'H-7.3.9: a leak call at 23:50 on National Day 2025-10-01 must be answered by 2025-10-02 00:20',
    '2025-10-01 23:50',
    '0.5h',
    '2025-10-02 00:20',
  ],
  [
    'H-7.4.3: a heating-quality complaint on Spring Festival eve 2026-02-16 23:45 is answered by 02-17 00:15',
    '2026-02-16 23:45',
    '0.5h',
    '2026-02-17 00:15',
  ],
  [
    "G-6.2.13: a broken valve-pit cover reported 2025-12-31 18:00 is fixed by New Year's Day 2026-01-01 18:00",
    '2025-12-31 18:00',
    '24h',
    '2026-01-01 18:00',
  ],
  [
    'G-9.2.5: an installation requested 2025-09-30 14:00 is done within 48 h, by 2025-10-02 14:00',
    '2025-09-30 14:00',
    '48h',
    '2025-10-02 14:00',
  ],
  [
    'G-9.2.5: a repair requested on make-up Saturday 2026-02-14 09:00 is done within 24 h, by 02-15 09:00',
    '2026-02-14 09:00',
    '24h',
    '2026-02-15 09:00',
  ],
  [
    'H-7.1.8: heating resumption accepted 2025-12-31 10:00 opens the valve by 2026-01-02 10:00',
    '2025-12-31 10:00',
    '48h',
    '2026-01-02 10:00',
  ],
  [
    'G-6.2.13: 24 h from 2026-12-31 20:00 run into 2027 without any calendar data',
    '2026-12-31 20:00',
    '24h',
    '2027-01-01 20:00',
  ],
  [
    'H-7.3.9: half an hour from 23:45 on 2025-12-31 crosses midnight into 2026',
    '2025-12-31 23:45',
    '0.5h',
    '2026-01-01 00:15',
  ],
] as const;

describe('computeDeadline in clock hours', () => {
  it.each(cases)('%s', (_name, start, limit, due) => {
    const deadline = computeDeadline(at(start), limit, cal);
    expect(deadline.unit).toBe('hours');
    expect(deadline.due.getTime() - at(start).getTime()).toBe(deadline.limit.amount * 3_600_000);
    expect(shown(deadline.due).replace(' 24:00', '')).toBe(due.replace(' 24:00', ''));
    expect(deadline.counted).toEqual([]);
    expect(deadline.skipped).toEqual([]);
  });

  it('H-7.3.9: an hour deadline keeps seconds and says holidays do not stop it', () => {
    const deadline = computeDeadline(at('2025-10-01 10:00:30'), '0.5h', cal);
    expect(deadline.due.toISOString()).toBe('2025-10-01T02:30:30.000Z');
    expect(deadline.explanation.en).toBe(
      '0.5 hours of elapsed time from 2025-10-01 10:00:30, around the clock (holidays do not stop it); due 2025-10-01 10:30:30 (Asia/Shanghai).',
    );
    expect(deadline.explanation.zh).toContain('节假日不停止计时');
  });

  it('G-9.2.5: a 48 h limit accepts a Limit object as well as text', () => {
    const deadline = computeDeadline(at('2025-09-30 14:00'), { unit: 'hours', amount: 48 }, cal);
    expect(shown(deadline.due)).toBe('2025-10-02 14:00');
  });

  it('G-9.2.5: an invalid start is DATE_INVALID; an invalid limit is LIMIT_INVALID', () => {
    expect(() => computeDeadline(new Date(Number.NaN), '48h', cal)).toThrow(/Invalid date/);
    expect(() => computeDeadline(at('2025-09-30 14:00'), '48 hours', cal)).toThrow(/Invalid time limit/);
  });
});
