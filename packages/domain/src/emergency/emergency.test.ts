import { describe, expect, it } from 'vitest';
import { at, cal } from '../testing/support.ts';
import { exerciseShortfalls, planReviewState } from './readiness.ts';
import { isLargeOutage, missingAftermath, raisedLevel } from './incidents.ts';
import { compensationPaymentState } from './insurance.ts';
import { onDutyAt, rosterGaps, type DutyShiftSpan } from './roster.ts';

const shift = (kind: DutyShiftSpan['kind'], from: string, to: string, people = 2): DutyShiftSpan => ({
  kind,
  startsAt: at(from),
  endsAt: at(to),
  people,
});

describe('duty roster gaps', () => {
  const day = { from: at('2026-12-07 00:00'), to: at('2026-12-08 00:00') };
  const fullDay = [
    shift('hotline', '2026-12-07 00:00', '2026-12-07 08:00'),
    shift('hotline', '2026-12-07 08:00', '2026-12-08 00:00'),
    shift('rush_repair', '2026-12-07 00:00', '2026-12-08 00:00'),
  ];

  it('G-4.2.2 G-5.12.3 a day covered around the clock by shifts with people has no gap', () => {
    expect(rosterGaps({ sector: 'gas', shifts: fullDay, ...day })).toEqual([]);
  });

  it('G-4.2.2 a stretch of the day with no hotline shift is a gap of exactly that stretch', () => {
    const gaps = rosterGaps({ sector: 'gas', shifts: fullDay.slice(1), ...day });
    expect(gaps).toEqual([
      {
        kind: 'hotline',
        startsAt: at('2026-12-07 00:00'),
        endsAt: at('2026-12-07 08:00'),
        reason: 'uncovered',
        seasonNight: false,
        clause: 'G-4.2.2',
      },
    ]);
  });

  it('G-5.12.3 a rush-repair shift naming nobody is a gap, told apart from a missing shift', () => {
    const shifts = [...fullDay.slice(0, 2), shift('rush_repair', '2026-12-07 00:00', '2026-12-08 00:00', 0)];
    const [gap] = rosterGaps({ sector: 'gas', shifts, ...day });
    expect(gap).toMatchObject({ kind: 'rush_repair', reason: 'nobody', clause: 'G-5.12.3' });
    expect(gap!.startsAt).toEqual(at('2026-12-07 00:00'));
  });

  it('H-6.4.3 a heating-season night without a repair crew is a gap marked as a season night', () => {
    const seasons = [{ startsOn: '2026-11-15', endsOn: '2027-03-15' }];
    const shifts = [
      shift('hotline', '2026-12-07 00:00', '2026-12-08 00:00'),
      shift('rush_repair', '2026-12-07 00:00', '2026-12-07 18:00'),
    ];
    const gaps = rosterGaps({ sector: 'heating', shifts, seasons, ...day });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ kind: 'rush_repair', seasonNight: true, clause: 'H-6.4.3' });
    expect(gaps[0]!.startsAt).toEqual(at('2026-12-07 18:00'));
  });

  it('H-6.4.3 outside the heating season a heating enterprise needs no repair crew, but H-4.2.2 still the hotline', () => {
    const seasons = [{ startsOn: '2026-11-15', endsOn: '2027-03-15' }];
    const july = { from: at('2026-07-01 00:00'), to: at('2026-07-02 00:00') };
    const gaps = rosterGaps({ sector: 'heating', shifts: [], seasons, ...july });
    expect(gaps.map((g) => [g.kind, g.clause])).toEqual([['hotline', 'H-4.2.2']]);
    // The season's first day starts at midnight, Beijing time.
    const eve = { from: at('2026-11-14 12:00'), to: at('2026-11-15 12:00') };
    const repair = rosterGaps({ sector: 'heating', shifts: [], seasons, ...eve }).find(
      (g) => g.kind === 'rush_repair',
    );
    expect(repair!.startsAt).toEqual(at('2026-11-15 00:00'));
  });

  it('G-5.12.3 only the shifts running at the moment are on duty', () => {
    expect(onDutyAt(fullDay, at('2026-12-07 07:59'), 'hotline')).toEqual([fullDay[0]]);
    expect(onDutyAt(fullDay, at('2026-12-07 08:00'), 'hotline')).toEqual([fullDay[1]]);
  });
});

describe('plans, drills and publicity', () => {
  it('G-5.12.2 a plan past its review date is overdue; within 30 days it is due soon', () => {
    expect(planReviewState('2026-12-01', '2026-12-05')).toBe('overdue');
    expect(planReviewState('2026-12-20', '2026-12-05')).toBe('due_soon');
    expect(planReviewState('2027-06-01', '2026-12-05')).toBe('ok');
  });

  it('G-5.12.4 G-5.12.5 a year short of its drill and rural publicity is alerted in the last quarter', () => {
    const s = exerciseShortfalls({
      sector: 'gas',
      hasRuralCustomers: true,
      done: { leak_publicity: 1 },
      today: '2026-10-09',
      calendar: cal,
    });
    expect(s.map((x) => [x.kind, x.missing, x.clause, x.alert])).toEqual([
      ['drill', 1, 'G-5.12.4', true],
      ['leak_publicity', 1, 'G-5.12.5', true],
    ]);
  });

  it('G-5.12.5 rural publicity is required only of a gas enterprise with rural customers; a full year has no shortfall', () => {
    const base = { done: { drill: 1 }, today: '2026-10-09', calendar: cal };
    expect(exerciseShortfalls({ ...base, sector: 'gas', hasRuralCustomers: false })).toEqual([]);
    expect(exerciseShortfalls({ ...base, sector: 'heating', hasRuralCustomers: true })).toEqual([]);
  });

  it('G-5.12.4 early in the year a missing drill is listed but not yet alerted; working days left come from the calendar', () => {
    const [s] = exerciseShortfalls({
      sector: 'gas',
      hasRuralCustomers: false,
      done: {},
      today: '2026-03-02',
      calendar: cal,
    });
    expect(s).toMatchObject({ kind: 'drill', alert: false });
    // 2026-09-30 onwards: Oct 1–7 are off and Oct 10 (Sat) is worked.
    const [late] = exerciseShortfalls({
      sector: 'gas',
      hasRuralCustomers: false,
      done: {},
      today: '2026-12-24',
      calendar: cal,
    });
    expect(late!.workingDaysLeft).toBe(5);
  });
});

describe('incident levels', () => {
  const base = { base: 3 as const, keyArea: false, majorEvent: false, sensitive: false, calendar: cal };
  it('G-5.12.8 the level is raised one step for a key area, a holiday, a major event or a sensitive case', () => {
    expect(raisedLevel({ ...base, occurredAt: at('2026-12-07 10:00') })).toEqual({ level: 3, reasons: [] });
    expect(raisedLevel({ ...base, occurredAt: at('2026-10-02 10:00') })).toEqual({
      level: 2,
      reasons: ['holiday'],
    });
    expect(
      raisedLevel({ ...base, occurredAt: at('2026-10-02 10:00'), keyArea: true, sensitive: true }).level,
    ).toBe(2);
    expect(raisedLevel({ ...base, base: 1, keyArea: true, occurredAt: at('2026-12-07 10:00') }).level).toBe(
      1,
    );
  });
  it('G-5.12.7 an outage of 1,000 customers or more is large', () => {
    expect(isLargeOutage(999)).toBe(false);
    expect(isLargeOutage(1000)).toBe(true);
  });
});

describe('H-9.5 the agreed compensation against its due', () => {
  // Agreed Mon 2026-09-28: due at the end of Fri 2026-11-13, the 30th working day (National Day skipped).
  const due = at('2026-11-14 00:00');
  it('H-9.5 nothing to say with six working days left; due soon with five; overdue after the due', () => {
    expect(compensationPaymentState(due, at('2026-11-05 09:00'), cal)).toEqual({
      state: 'ok',
      workingDaysLeft: 6,
    });
    expect(compensationPaymentState(due, at('2026-11-06 09:00'), cal)).toEqual({
      state: 'due_soon',
      workingDaysLeft: 5,
    });
    expect(compensationPaymentState(due, at('2026-11-13 23:59'), cal).state).toBe('due_soon');
    expect(compensationPaymentState(due, at('2026-11-14 00:01'), cal)).toEqual({
      state: 'overdue',
      workingDaysLeft: 0,
    });
  });
});

describe('what an incident owes before it closes', () => {
  it('G-5.12.9 the investigation, cause, measures and plan revision are owed by every incident', () => {
    expect(missingAftermath(['opened', 'cause'])).toEqual(['investigation', 'measures', 'plan_revision']);
  });
  it('H-6.4.5.3 a repair done first owes its filing and the media told afterwards', () => {
    const aftermath = ['investigation', 'cause', 'measures', 'plan_revision'];
    expect(missingAftermath(aftermath)).toEqual([]);
    expect(missingAftermath([...aftermath, 'urgent_repair_started'])).toEqual([
      'filed_afterwards',
      'media_informed',
    ]);
    expect(
      missingAftermath([...aftermath, 'urgent_repair_started', 'filed_afterwards', 'media_informed']),
    ).toEqual([]);
  });
});
