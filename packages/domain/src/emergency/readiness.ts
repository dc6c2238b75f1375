// Emergency plans, drills and leak-response publicity (G-5.12.1, G-5.12.2, G-5.12.4, G-5.12.5, H-6.4.1, H-6.4.2):
// a plan's review date, and the yearly counts each kind of exercise must reach, watched before the year ends.

import type { WorkCalendar } from '../calendar/types.ts';
import { addDays, yearOf, type DateString } from '../time/shanghai.ts';
import type { DutySector } from './roster.ts';

/** G-5.12.2: the kinds of event a plan is made for. */
export const PLAN_EVENT_KINDS = [
  'natural_disaster',
  'extreme_weather',
  'public_order',
  'accident',
  'supply_shortage',
] as const;
export type PlanEventKind = (typeof PLAN_EVENT_KINDS)[number];

export type ReviewState = 'ok' | 'due_soon' | 'overdue';
/** A review due within this many days is shown as due soon and alerted once. */
export const REVIEW_WARNING_DAYS = 30;

/** G-5.12.2: a plan is reviewed and revised on a schedule; past its review date it is overdue. */
export function planReviewState(reviewDueOn: DateString, today: DateString): ReviewState {
  if (reviewDueOn < today) return 'overdue';
  if (reviewDueOn <= addDays(today, REVIEW_WARNING_DAYS)) return 'due_soon';
  return 'ok';
}

export type ExerciseKind = 'drill' | 'leak_publicity';

export interface ExerciseRequirement {
  kind: ExerciseKind;
  perYear: number;
  clause: string;
}

/**
 * What a year must hold: a drill with customers at least once (G-5.12.4 for gas, H-6.4.2 for heating), and,
 * for a gas enterprise with rural customers, leak-response publicity for them at least twice (G-5.12.5).
 */
export function exerciseRequirements(sector: DutySector, hasRuralCustomers: boolean): ExerciseRequirement[] {
  const out: ExerciseRequirement[] = [
    { kind: 'drill', perYear: 1, clause: sector === 'gas' ? 'G-5.12.4' : 'H-6.4.2' },
  ];
  if (sector === 'gas' && hasRuralCustomers) {
    out.push({ kind: 'leak_publicity', perYear: 2, clause: 'G-5.12.5' });
  }
  return out;
}

export interface ExerciseShortfall extends ExerciseRequirement {
  year: number;
  done: number;
  missing: number;
  /** Working days left in the year after today (the calendar decides). */
  workingDaysLeft: number;
  /** Whether to alert now: the last quarter has begun, or fewer working days are left than 20 per missing one. */
  alert: boolean;
}

/** The shortfalls of `today`'s year, with whether they should be alerted now (before the year ends). */
export function exerciseShortfalls(input: {
  sector: DutySector;
  hasRuralCustomers: boolean;
  /** Exercises held this year, per kind. */
  done: Partial<Record<ExerciseKind, number>>;
  today: DateString;
  calendar: WorkCalendar;
}): ExerciseShortfall[] {
  const year = yearOf(input.today);
  const workingDaysLeft = countWorkingDays(input.calendar, addDays(input.today, 1), `${year}-12-31`);
  const lastQuarter = input.today >= `${year}-10-01`;
  return exerciseRequirements(input.sector, input.hasRuralCustomers).flatMap((r) => {
    const done = input.done[r.kind] ?? 0;
    const missing = r.perYear - done;
    if (missing <= 0) return [];
    return [
      { ...r, year, done, missing, workingDaysLeft, alert: lastQuarter || workingDaysLeft < 20 * missing },
    ];
  });
}

/** Working days from `from` to `to`, both included (a day of an unknown year counts as one). */
export function countWorkingDays(calendar: WorkCalendar, from: DateString, to: DateString): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (!calendar.isKnownYear(yearOf(d)) || calendar.isWorkingDay(d)) n += 1;
  }
  return n;
}
