// G-5.11.6, G-5.11.10, G-6.2.17: a hazard's grade decides its deadline and whether the regulator hears of it; its
// file (一患一档) is a list of appended events, replayed here into its state.

import type { WorkCalendar } from '../calendar/types.ts';
import { DomainError, type Messages } from '../errors.ts';
import { computeDeadline } from '../sla/deadline.ts';

export type HazardGrade = 'general' | 'serious' | 'major';
export const HAZARD_GRADES: readonly HazardGrade[] = ['general', 'serious', 'major'];

export interface HazardGradeRule {
  label: Messages;
  /** Time to put it right. No clause sets these numbers: they are the company's rule, kept here as data. */
  limit: string;
  /** G-5.11.10, G-6.2.17: major hazards are reported to the gas authority at once. */
  reportToRegulator: boolean;
  /** Major: the supply is shut off until it is put right. */
  shutOff: boolean;
}

export const HAZARD_GRADE_RULES: Readonly<Record<HazardGrade, HazardGradeRule>> = {
  general: {
    label: { zh: '一般隐患', en: 'General' },
    limit: '30d',
    reportToRegulator: false,
    shutOff: false,
  },
  serious: {
    label: { zh: '较大隐患', en: 'Serious' },
    limit: '7d',
    reportToRegulator: false,
    shutOff: false,
  },
  major: { label: { zh: '重大隐患', en: 'Major' }, limit: '24h', reportToRegulator: true, shutOff: true },
};

/** The deadline of a hazard found at `foundAt`, reckoned from its grade's limit and the calendar. */
export function hazardDeadline(grade: HazardGrade, foundAt: Date, calendar: WorkCalendar): Date {
  return computeDeadline(foundAt, HAZARD_GRADE_RULES[grade].limit, calendar).due;
}

export type ResponsibleParty = 'customer' | 'company';
export const RESPONSIBLE_LABELS: Readonly<Record<ResponsibleParty, Messages>> = {
  // G-6.2.17: rectification paid by the owner of the facility (the contract's facility duties decide who that is).
  customer: { zh: '用户（户内设施产权人）', en: 'Customer (owns the indoor facilities)' },
  company: { zh: '燃气企业（管网设施）', en: 'Gas company (network facilities)' },
};

export type HazardEvent =
  | { type: 'found'; at: Date; grade: HazardGrade; dueAt: Date }
  | { type: 'notice_signed'; at: Date }
  | { type: 'notice_refused'; at: Date }
  | { type: 'reported'; at: Date }
  | { type: 'closed'; at: Date; note: string }
  | { type: 'extended'; at: Date; dueAt: Date; reason: string };

export interface HazardState {
  grade: HazardGrade;
  status: 'open' | 'closed';
  dueAt: Date;
  notice: 'pending' | 'signed' | 'refused';
  reportedAt: Date | null;
  closedAt: Date | null;
  extensions: number;
}

const refuse = (zh: string, en: string) => new DomainError('HAZARD_EVENT_NOT_ALLOWED', { zh, en });

/** Apply one event; a closed hazard takes no more, an extension needs a reason and a later deadline. */
export function applyHazardEvent(state: HazardState | null, e: HazardEvent): HazardState {
  if (e.type === 'found') {
    if (state) throw refuse('隐患已登记', 'the hazard is already on file');
    return {
      grade: e.grade,
      status: 'open',
      dueAt: e.dueAt,
      notice: 'pending',
      reportedAt: null,
      closedAt: null,
      extensions: 0,
    };
  }
  if (!state) throw refuse('隐患尚未登记', 'the hazard is not on file');
  if (state.status === 'closed') throw refuse('隐患已销号', 'the hazard is closed');
  switch (e.type) {
    case 'notice_signed':
      return { ...state, notice: 'signed' };
    case 'notice_refused':
      return { ...state, notice: 'refused' };
    case 'reported':
      return { ...state, reportedAt: state.reportedAt ?? e.at };
    case 'closed':
      return { ...state, status: 'closed', closedAt: e.at };
    case 'extended':
      if (!e.reason.trim()) throw refuse('延期须说明理由', 'an extension needs a reason');
      if (e.dueAt.getTime() <= state.dueAt.getTime())
        throw refuse('延期后的期限须晚于原期限', 'the new deadline must be later than the old one');
      return { ...state, dueAt: e.dueAt, extensions: state.extensions + 1 };
  }
}

export function replayHazard(events: readonly HazardEvent[]): HazardState {
  let state: HazardState | null = null;
  for (const e of events) state = applyHazardEvent(state, e);
  if (!state) throw refuse('隐患没有记录', 'the hazard has no events');
  return state;
}

/** Overdue: still open after its deadline (an overdue hazard raises an alert, G-5.11.6). */
export function hazardOverdue(state: Pick<HazardState, 'status' | 'dueAt'>, now: Date): boolean {
  return state.status === 'open' && now.getTime() > state.dueAt.getTime();
}
