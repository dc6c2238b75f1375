import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { computeDeadline } from '../sla/deadline.ts';
import { evaluateClock } from '../sla/clock.ts';
import { buildCalendar } from './build.ts';
import { CN_CALENDAR_2025_2026 } from './fixtures.ts';
import { statutoryRestDays, type LunarAnchors } from './statutory.ts';

// Solar dates of the movable feasts, as the holiday package converts them (checked against the published 2026
// notice: Spring Festival 02-17, Qingming 04-05, Dragon Boat 06-19, Mid-Autumn 09-25).
const ANCHORS_2026: LunarAnchors = {
  springFestival: '2026-02-17',
  qingming: '2026-04-05',
  dragonBoat: '2026-06-19',
  midAutumn: '2026-09-25',
};
const ANCHORS_2027: LunarAnchors = {
  springFestival: '2027-02-06',
  qingming: '2027-04-05',
  dragonBoat: '2027-06-09',
  midAutumn: '2027-09-15',
};

const offDays = (year: number, anchors: LunarAnchors) => Object.keys(statutoryRestDays(year, anchors)).sort();

describe('statutoryRestDays: the holiday law alone (全国年节及纪念日放假办法, 2024 revision)', () => {
  it('grants the article-2 days and, for a day on a weekend, a working day in lieu after the holiday (article 6)', () => {
    // 2026: Qingming on Sunday 04-05 → Monday 04-06; 05-02 Saturday → Monday 05-04; 10-03 Saturday → Monday 10-05.
    expect(offDays(2026, ANCHORS_2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-02',
      '2026-05-04',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-05',
    ]);
    // Every day the law grants is also off in the published 2026 notice (the notice only adds to it).
    for (const day of offDays(2026, ANCHORS_2026)) {
      expect(
        day in CN_CALENDAR_2025_2026.restDays || new Date(`${day}T00:00:00Z`).getUTCDay() % 6 === 0,
      ).toBe(true);
    }
  });

  it("2027: New Year's Eve is Friday 02-05 and the festival's weekend days are given on Tuesday and Wednesday", () => {
    const days = statutoryRestDays(2027, ANCHORS_2027);
    expect(
      Object.keys(days)
        .filter((d) => d.startsWith('2027-02'))
        .sort(),
    ).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']);
    expect(days['2027-02-10']).toEqual({ zh: '春节（补假）', en: 'Spring Festival (in lieu)' });
    expect(days['2027-01-01']).toEqual({ zh: '元旦', en: "New Year's Day" });
  });

  it('a Mid-Autumn Festival on 1 October overlaps National Day and is given after the National Day days', () => {
    const days = statutoryRestDays(2020, {
      springFestival: '2020-01-25',
      qingming: '2020-04-04',
      dragonBoat: '2020-06-25',
      midAutumn: '2020-10-01',
    });
    // 10-01 Thu (both), 10-02 Fri, 10-03 Sat (owed), then Mon 10-05 and Tue 10-06 in lieu.
    expect(
      Object.keys(days)
        .filter((d) => d.startsWith('2020-10'))
        .sort(),
    ).toEqual(['2020-10-01', '2020-10-02', '2020-10-03', '2020-10-05', '2020-10-06']);
  });

  it("a New Year's Day on Saturday is given on Monday 01-03", () => {
    const days = statutoryRestDays(2028, {
      springFestival: '2028-01-26',
      qingming: '2028-04-04',
      dragonBoat: '2028-05-28',
      midAutumn: '2028-10-03',
    });
    expect(days['2028-01-03']).toEqual({ zh: '元旦（补假）', en: "New Year's Day (in lieu)" });
  });

  it('refuses anchors outside the year', () => {
    expect(() => statutoryRestDays(2027, { ...ANCHORS_2027, midAutumn: '2026-09-25' })).toThrow(DomainError);
  });
});

describe('a calendar past its last notice is provisional, never refused', () => {
  const provisionalYear = (year: number) => (year === 2027 ? statutoryRestDays(2027, ANCHORS_2027) : null);
  const calendar = buildCalendar(CN_CALENDAR_2025_2026, [], { provisionalYear });

  it('G-5.7.2: a complaint taken 2026-12-28 gets a provisional due that skips the law-only New Year holiday', () => {
    const deadline = computeDeadline(new Date('2026-12-28T09:00:00+08:00'), '5wd', calendar);
    expect(deadline.due.toISOString()).toBe('2027-01-05T16:00:00.000Z'); // 2027-01-05 24:00 Shanghai
    expect(deadline.provisional).toBe(true);
    expect(deadline.provisionalYears).toEqual([2027]);
    expect(deadline.explanation.zh).toContain('2027 年的国务院放假通知尚未导入');
    expect(deadline.explanation.en).toContain('provisional');
  });

  it('G-5.7.2: a deadline inside published years is not provisional', () => {
    const deadline = computeDeadline(new Date('2026-12-01T09:00:00+08:00'), '5wd', calendar);
    expect(deadline.provisional).toBe(false);
    expect(deadline.explanation.zh).not.toContain('暂定');
  });

  it('G-6.2.6: a calendar-day period ending on a provisional holiday moves past it and is provisional', () => {
    // 10 days from 2027-01-30 end on 02-09, a day in lieu for the Spring Festival → moves to 02-11.
    const deadline = computeDeadline(new Date('2027-01-30T10:00:00+08:00'), '10d', calendar);
    expect(deadline.lastDay).toBe('2027-02-11');
    expect(deadline.provisional).toBe(true);
  });

  it('H-7.4.3: clock hours never depend on the calendar, so they are never provisional', () => {
    const deadline = computeDeadline(new Date('2026-12-31T23:50:00+08:00'), '0.5h', calendar);
    expect(deadline.provisional).toBe(false);
  });

  it('a year with no lunar data is still refused with CALENDAR_YEAR_UNKNOWN', () => {
    expect(() => calendar.dayInfo('2028-03-01')).toThrow(/2028/);
    expect(calendar.isProvisionalYear(2027)).toBe(true);
    expect(calendar.isProvisionalYear(2026)).toBe(false);
    expect(calendar.isKnownYear(2027)).toBe(false);
  });

  it('an override entered early wins in a provisional year, which stays provisional', () => {
    const withOverride = buildCalendar(
      CN_CALENDAR_2025_2026,
      [{ date: '2027-02-20', kind: 'work', note: '春节调休' }],
      { provisionalYear },
    );
    expect(withOverride.dayInfo('2027-02-20')).toMatchObject({
      working: true,
      reason: 'override_work',
      provisional: true,
    });
  });

  it('G-5.7.2: a clock on a statutory limit is provisional; an agreed time is a fixed instant and is not', () => {
    const def = {
      name: 'resolution',
      clause: 'G-5.7.2',
      limit: '5wd',
      startOn: 'received',
      stopOn: ['done'],
    };
    const received = { type: 'received', at: new Date('2026-12-28T09:00:00+08:00') };
    const now = new Date('2026-12-28T10:00:00+08:00');
    expect(evaluateClock(def, [received], now, calendar).provisional).toBe(true);
    const agreed = {
      type: 'appointment_agreed',
      at: new Date('2026-12-28T09:30:00+08:00'),
      agreedAt: new Date('2027-01-04T10:00:00+08:00'),
    };
    const withAgreement = { ...def, agreedOn: ['appointment_agreed'] };
    expect(evaluateClock(withAgreement, [received, agreed], now, calendar).provisional).toBe(false);
  });
});
