// Working-day deadlines across every 2025 and 2026 holiday block and every make-up working day.
// Expected dates were counted by hand on a printed calendar: the day of receipt does not count, whole working
// days are counted from the next day, and the limit ends at 24:00 (Asia/Shanghai) of the last one.

import { describe, expect, it } from 'vitest';
import { computeDeadline } from './deadline.ts';
import { at, cal, calWith, codeOf, shown, thrown } from '../testing/support.ts';
import type { DomainError } from '../errors.ts';
import { shanghaiMidnightUtc } from '../time/shanghai.ts';

interface Case {
  name: string;
  start: string;
  limit: string;
  due: string;
  /** Make-up working days that must be among the counted days. */
  makeups?: string[];
  /** Holiday days that must be among the skipped days. */
  holidays?: string[];
}

const cases: Case[] = [
  // ---- 2025 ----
  {
    name: "G-5.7.2: complaint received 2024-12-31 (before the data, but that day does not count) skips New Year's Day 2025-01-01",
    start: '2024-12-31 16:00',
    limit: '5wd',
    due: '2025-01-08 24:00',
    holidays: ['2025-01-01'],
  },
  {
    name: 'G-6.1.2: connection requested Fri 2025-01-24 counts Sunday 01-26 (make-up) and skips the Spring Festival 01-28 to 02-04',
    start: '2025-01-24 09:00',
    limit: '4wd',
    due: '2025-02-06 24:00',
    makeups: ['2025-01-26'],
    holidays: ['2025-01-28', '2025-02-04'],
  },
  {
    name: 'G-6.2.10: request received on the holiday 2025-02-03 counts Saturday 02-08 (make-up)',
    start: '2025-02-03 11:00',
    limit: '5wd',
    due: '2025-02-10 24:00',
    makeups: ['2025-02-08'],
    holidays: ['2025-02-04'],
  },
  {
    name: 'G-5.7.2: complaint received Thu 2025-04-03 skips Qingming 04-04 to 04-06',
    start: '2025-04-03 10:00',
    limit: '5wd',
    due: '2025-04-11 24:00',
    holidays: ['2025-04-04', '2025-04-05', '2025-04-06'],
  },
  {
    name: 'G-5.7.2: complaint received Fri 2025-04-25 counts Sunday 04-27 (make-up) and skips Labour Day 05-01 to 05-05',
    start: '2025-04-25 10:00',
    limit: '5wd',
    due: '2025-05-06 24:00',
    makeups: ['2025-04-27'],
    holidays: ['2025-05-01', '2025-05-05'],
  },
  {
    name: 'G-6.2.10: request received Fri 2025-05-30 skips the Dragon Boat Festival 05-31 to 06-02',
    start: '2025-05-30 10:00',
    limit: '3wd',
    due: '2025-06-05 24:00',
    holidays: ['2025-05-31', '2025-06-02'],
  },
  {
    name: 'G-6.2.10: request received Fri 2025-09-26 counts Sunday 09-28 (make-up)',
    start: '2025-09-26 17:00',
    limit: '2wd',
    due: '2025-09-29 24:00',
    makeups: ['2025-09-28'],
  },
  {
    name: 'G-5.7.2: complaint received 2025-09-30 10:00 (eve of National Day) is due 2025-10-14 24:00',
    start: '2025-09-30 10:00',
    limit: '5wd',
    due: '2025-10-14 24:00',
    makeups: ['2025-10-11'],
    holidays: ['2025-10-01', '2025-10-08'],
  },
  {
    name: 'H-9.5: compensation agreed Mon 2025-09-15 is paid within 30 working days, by 2025-10-31 24:00',
    start: '2025-09-15 15:00',
    limit: '30wd',
    due: '2025-10-31 24:00',
    makeups: ['2025-09-28', '2025-10-11'],
  },
  // ---- year end 2025 → 2026 ----
  {
    name: 'G-5.7.2: complaint received Wed 2025-12-31 skips New Year 2026-01-01 to 01-03 and counts Sunday 01-04 (make-up)',
    start: '2025-12-31 10:00',
    limit: '5wd',
    due: '2026-01-08 24:00',
    makeups: ['2026-01-04'],
    holidays: ['2026-01-01', '2026-01-03'],
  },
  {
    name: 'G-5.7.2: complaint received Mon 2025-12-29 runs across the year end',
    start: '2025-12-29 10:00',
    limit: '5wd',
    due: '2026-01-06 24:00',
    makeups: ['2026-01-04'],
  },
  // ---- 2026 ----
  {
    name: 'G-5.7.2: complaint received Thu 2026-02-12 counts Saturday 02-14 (make-up) and skips the Spring Festival 02-15 to 02-23',
    start: '2026-02-12 10:00',
    limit: '5wd',
    due: '2026-02-26 24:00',
    makeups: ['2026-02-14'],
    holidays: ['2026-02-15', '2026-02-23'],
  },
  {
    name: 'H-9.5: compensation agreed 2026-02-12 counts both Spring Festival make-up Saturdays 02-14 and 02-28',
    start: '2026-02-12 10:00',
    limit: '30wd',
    due: '2026-04-01 24:00',
    makeups: ['2026-02-14', '2026-02-28'],
  },
  {
    name: 'G-5.7.2: complaint received Fri 2026-02-13 16:00 counts Saturday 02-14 first',
    start: '2026-02-13 16:00',
    limit: '5wd',
    due: '2026-02-27 24:00',
    makeups: ['2026-02-14'],
  },
  {
    name: 'G-6.1.2: connection requested Fri 2026-04-03 skips Qingming 04-04 to 04-06',
    start: '2026-04-03 10:00',
    limit: '4wd',
    due: '2026-04-10 24:00',
    holidays: ['2026-04-04', '2026-04-06'],
  },
  {
    name: 'G-5.7.2: complaint received Thu 2026-04-30 skips Labour Day 05-01 to 05-05 and counts Saturday 05-09 (make-up)',
    start: '2026-04-30 10:00',
    limit: '5wd',
    due: '2026-05-11 24:00',
    makeups: ['2026-05-09'],
    holidays: ['2026-05-01', '2026-05-05'],
  },
  {
    name: 'G-6.1.2: connection requested Thu 2026-06-18 skips the Dragon Boat Festival 06-19 to 06-21',
    start: '2026-06-18 10:00',
    limit: '4wd',
    due: '2026-06-25 24:00',
    holidays: ['2026-06-19', '2026-06-21'],
  },
  {
    name: 'G-6.1.2: connection requested Fri 2026-09-18 counts Sunday 09-20 (make-up)',
    start: '2026-09-18 10:00',
    limit: '4wd',
    due: '2026-09-23 24:00',
    makeups: ['2026-09-20'],
  },
  {
    name: 'G-6.2.10: request received Mon 2026-09-21 skips Mid-Autumn 09-25 to 09-27',
    start: '2026-09-21 10:00',
    limit: '5wd',
    due: '2026-09-29 24:00',
    holidays: ['2026-09-25', '2026-09-27'],
  },
  {
    name: 'G-5.7.2: complaint received Wed 2026-09-30 skips National Day 10-01 to 10-07 and counts Saturday 10-10 (make-up)',
    start: '2026-09-30 10:00',
    limit: '5wd',
    due: '2026-10-13 24:00',
    makeups: ['2026-10-10'],
    holidays: ['2026-10-01', '2026-10-07'],
  },
  {
    name: 'G-5.7.2: complaint received Thu 2026-12-24 ends on 2026-12-31 24:00 without needing 2027',
    start: '2026-12-24 10:00',
    limit: '5wd',
    due: '2026-12-31 24:00',
  },
];

describe('computeDeadline in working days', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const deadline = computeDeadline(at(c.start), c.limit, cal);
    expect(shown(deadline.due)).toBe(c.due);
    expect(deadline.unit).toBe('working_days');
    expect(deadline.counted).toHaveLength(deadline.limit.amount);
    expect(deadline.counted.every((d) => d.working)).toBe(true);
    expect(deadline.skipped.every((d) => !d.working)).toBe(true);
    const countedDates = deadline.counted.map((d) => d.date);
    const skippedDates = deadline.skipped.map((d) => d.date);
    for (const makeup of c.makeups ?? []) {
      expect(countedDates).toContain(makeup);
      expect(deadline.explanation.en).toContain('make-up working day');
      expect(deadline.explanation.zh).toContain('调休上班日');
    }
    for (const holiday of c.holidays ?? []) expect(skippedDates).toContain(holiday);
    expect(deadline.explanation.en).toContain(`due ${c.due}`);
    expect(deadline.explanation.zh).toContain(`截止 ${c.due}`);
  });

  it('G-5.7.2: the due of 2025-09-30 is stored as 2025-10-15 00:00 +08:00 and explained like a person would', () => {
    const deadline = computeDeadline(at('2025-09-30 10:00'), '5wd', cal);
    expect(deadline.due.toISOString()).toBe('2025-10-14T16:00:00.000Z');
    expect(deadline.due.getTime()).toBe(shanghaiMidnightUtc('2025-10-15').getTime());
    expect(deadline.lastDay).toBe('2025-10-14');
    expect(deadline.counted.map((d) => d.date)).toEqual([
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
      '2025-10-14',
    ]);
    expect(deadline.explanation.en).toBe(
      '5 working days from 2025-09-30 (the first day does not count), counting 10-09 to 10-14, skipping the ' +
        'National Day and Mid-Autumn Festival holiday 10-01 to 10-08 and 1 weekend day, and counting Saturday 10-11, ' +
        'a make-up working day; due 2025-10-14 24:00 (Asia/Shanghai).',
    );
    expect(deadline.explanation.zh).toBe(
      '自 2025-09-30 起算 5个工作日（起始当日不计），计入 10-09至10-14，跳过国庆节、中秋节假期 10-01至10-08及1个周末休息日，' +
        '其中10-11（星期六，国庆节、中秋节调休上班日）计为工作日；截止 2025-10-14 24:00（北京时间）。',
    );
  });

  it('G-5.7.2: the time of day of receipt does not matter — 00:00 and 23:59 give the same due', () => {
    const early = computeDeadline(at('2025-11-03 00:00'), '5wd', cal);
    const late = computeDeadline(at('2025-11-03 23:59'), '5wd', cal);
    expect(shown(early.due)).toBe('2025-11-10 24:00');
    expect(late.due.getTime()).toBe(early.due.getTime());
    expect(early.explanation.en).toContain('skipping 2 weekend days');
  });

  it('G-5.7.2: a complaint received at 24:00 belongs to the next day', () => {
    // 2025-11-07 24:00 is 2025-11-08 00:00, a Saturday: counting starts Sunday.
    expect(shown(computeDeadline(at('2025-11-07 24:00'), '1wd', cal).due)).toBe('2025-11-10 24:00');
  });

  it('G-6.1.2: a year-spanning explanation writes full dates', () => {
    const deadline = computeDeadline(at('2025-12-31 10:00'), '4wd', cal);
    expect(deadline.explanation.en).toContain("New Year's Day holiday 2026-01-01 to 2026-01-03");
    expect(deadline.explanation.en).toContain('Sunday 2026-01-04, a make-up working day');
  });
});

describe('computeDeadline in working days: unknown years', () => {
  it('G-5.7.2: a complaint received 2026-12-31 runs into unknown 2027 → CALENDAR_YEAR_UNKNOWN naming 2027', () => {
    const error = thrown(() => computeDeadline(at('2026-12-31 10:00'), '5wd', cal)) as DomainError;
    expect(error.code).toBe('CALENDAR_YEAR_UNKNOWN');
    expect(error.details).toMatchObject({ year: 2027, date: '2027-01-01' });
    expect(error.messages.zh).toContain('2027');
    expect(error.messages.en).toContain('2027');
  });

  it('G-5.7.2: received Fri 2026-12-25, the fifth working day would be in 2027 → CALENDAR_YEAR_UNKNOWN', () => {
    expect(codeOf(() => computeDeadline(at('2026-12-25 10:00'), '5wd', cal))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('G-6.2.14: 90 working days from 2026-09-01 run past 2026 → CALENDAR_YEAR_UNKNOWN', () => {
    expect(codeOf(() => computeDeadline(at('2026-09-01 10:00'), '90wd', cal))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('G-5.7.2: received 2024-12-30, the count needs 2024-12-31 → CALENDAR_YEAR_UNKNOWN naming 2024', () => {
    const error = thrown(() => computeDeadline(at('2024-12-30 10:00'), '5wd', cal)) as DomainError;
    expect(error.details).toMatchObject({ year: 2024 });
  });

  it('G-5.7.2: once the administrator declares 2027 known, the 2026-12-31 complaint computes', () => {
    const calendar = calWith([{ date: '2027-01-01', kind: 'rest', note: "New Year's Day" }], {
      extraKnownYears: [2027],
    });
    const deadline = computeDeadline(at('2026-12-31 10:00'), '5wd', calendar);
    expect(shown(deadline.due)).toBe('2027-01-08 24:00');
    expect(deadline.explanation.en).toContain('the rest day set by the administrator 2027-01-01');
  });
});

describe('computeDeadline in working days: overrides win', () => {
  it('G-5.7.2: an administrator rest day on 2025-10-09 pushes the National Day complaint to 10-15', () => {
    const calendar = calWith([{ date: '2025-10-09', kind: 'rest', note: '市政府调休' }]);
    const deadline = computeDeadline(at('2025-09-30 10:00'), '5wd', calendar);
    expect(shown(deadline.due)).toBe('2025-10-15 24:00');
    expect(deadline.skipped.find((d) => d.date === '2025-10-09')?.reason).toBe('override_rest');
    expect(deadline.explanation.zh).toContain('管理员调整的休息日 10-09（市政府调休）');
  });

  it('G-5.7.2: an administrator working Sunday 2025-10-12 brings the due forward to 10-13', () => {
    const calendar = calWith([{ date: '2025-10-12', kind: 'work', note: 'emergency duty' }]);
    const deadline = computeDeadline(at('2025-09-30 10:00'), '5wd', calendar);
    expect(shown(deadline.due)).toBe('2025-10-13 24:00');
    expect(deadline.explanation.en).toContain(
      'Sunday 10-12, a working day set by the administrator (emergency duty)',
    );
  });
});
