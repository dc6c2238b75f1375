// G-5.11.4, G-5.11.8, G-5.11.9: what a visit attempt can end in, and what a planned visit's attempts add up to.

import type { WorkCalendar } from '../calendar/types.ts';
import type { Messages } from '../errors.ts';
import { addDays, toShanghaiDate, type DateString, HOUR_MS, SHANGHAI_OFFSET_MS } from '../time/shanghai.ts';

export type VisitOutcome =
  'inspected' | 'refused_entry' | 'refused_to_sign' | 'refused_notice' | 'nobody_home';
export const VISIT_OUTCOMES: readonly VisitOutcome[] = [
  'inspected',
  'refused_entry',
  'refused_to_sign',
  'refused_notice',
  'nobody_home',
];

export const OUTCOME_LABELS: Readonly<Record<VisitOutcome, Messages>> = {
  inspected: { zh: '已安检', en: 'Inspected' },
  refused_entry: { zh: '拒绝入户', en: 'Refused entry' },
  refused_to_sign: { zh: '拒绝签字', en: 'Refused to sign' },
  refused_notice: { zh: '拒收整改通知书', en: 'Refused the rectification notice' },
  nobody_home: { zh: '到访不遇', en: 'Nobody home' },
};

/**
 * Whether the facilities were inspected. Refusing to sign the record or to take the notice happens after the check,
 * so the visit counts, with the refusal on the record (G-5.11.8); refused entry and nobody home never count.
 */
export function countsAsInspected(outcome: VisitOutcome): boolean {
  return outcome === 'inspected' || outcome === 'refused_to_sign' || outcome === 'refused_notice';
}

/** Whether the record must carry the customer's signature (G-5.11.4): every inspected outcome but a refusal to sign. */
export function needsSignature(outcome: VisitOutcome): boolean {
  return outcome === 'inspected' || outcome === 'refused_notice';
}

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';
export const TIME_OF_DAY_LABELS: Readonly<Record<TimeOfDay, Messages>> = {
  morning: { zh: '上午', en: 'morning' },
  afternoon: { zh: '下午', en: 'afternoon' },
  evening: { zh: '晚间', en: 'evening' },
};

/** Beijing time: before 12:00 morning, before 18:00 afternoon, then evening. */
export function timeOfDay(at: Date): TimeOfDay {
  const hour = Math.floor(((at.getTime() + SHANGHAI_OFFSET_MS) % (24 * HOUR_MS)) / HOUR_MS);
  return hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
}

export interface Attempt {
  outcome: VisitOutcome;
  at: Date;
}

export interface CommunityFollowUp {
  committee: string;
  at: Date;
  agreed: string;
}

export type VisitState =
  'planned' | 'inspected' | 'refused' | 'retry_needed' | 'community_follow_up_due' | 'community_followed_up';

export interface VisitSummary {
  state: VisitState;
  inspected: boolean;
  /** Nobody home: what the next attempts still have to cover before the community is asked (G-5.11.9). */
  missing: { otherTimeOfDay: boolean; restDay: boolean } | null;
  triedTimes: TimeOfDay[];
  explanation: Messages;
}

/**
 * G-5.11.9: replay a planned visit's attempts. After nobody home, the visit needs a further attempt at another time of
 * day and one on a rest day (per the working calendar); when both were tried and still nobody was home, the community
 * follow-up is due, and after it is recorded the household stays visible as never reached — not inspected.
 */
export function summariseVisit(
  attempts: readonly Attempt[],
  followUp: CommunityFollowUp | null,
  calendar: WorkCalendar,
): VisitSummary {
  const ordered = [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());
  const done = ordered.find((a) => countsAsInspected(a.outcome));
  if (done)
    return {
      state: 'inspected',
      inspected: true,
      missing: null,
      triedTimes: [],
      explanation: OUTCOME_LABELS[done.outcome],
    };
  const last = ordered.at(-1);
  if (!last)
    return { state: 'planned', inspected: false, missing: null, triedTimes: [], explanation: PLANNED };
  if (last.outcome === 'refused_entry')
    return {
      state: 'refused',
      inspected: false,
      missing: null,
      triedTimes: [],
      explanation: OUTCOME_LABELS.refused_entry,
    };
  const away = ordered.filter((a) => a.outcome === 'nobody_home');
  const times = [...new Set(away.map((a) => timeOfDay(a.at)))];
  const restDay = away.some((a) => !calendar.isWorkingDay(toShanghaiDate(a.at)));
  const missing = { otherTimeOfDay: times.length < 2, restDay: !restDay };
  if (missing.otherTimeOfDay || missing.restDay) {
    const parts: Messages[] = [];
    if (missing.otherTimeOfDay) parts.push({ zh: '换一个时段再访', en: 'try again at another time of day' });
    if (missing.restDay) parts.push({ zh: '休息日再访', en: 'try again on a rest day' });
    return {
      state: 'retry_needed',
      inspected: false,
      missing,
      triedTimes: times,
      explanation: {
        zh: `到访不遇 ${away.length} 次：还需${parts.map((p) => p.zh).join('、')}（G-5.11.9）`,
        en: `nobody home ${away.length} time(s): still ${parts.map((p) => p.en).join(' and ')} (G-5.11.9)`,
      },
    };
  }
  if (!followUp)
    return {
      state: 'community_follow_up_due',
      inspected: false,
      missing,
      triedTimes: times,
      explanation: {
        zh: '不同时段及休息日均到访不遇：须联系社区（社区联动，G-5.11.9）',
        en: 'nobody home at other times and on a rest day: the community follow-up is due (G-5.11.9)',
      },
    };
  return {
    state: 'community_followed_up',
    inspected: false,
    missing,
    triedTimes: times,
    explanation: {
      zh: `已与${followUp.committee}联动：${followUp.agreed}；仍未入户安检`,
      en: `followed up with ${followUp.committee}: ${followUp.agreed}; still not inspected`,
    },
  };
}

const PLANNED: Messages = { zh: '待安检', en: 'Planned' };

/** The first rest day after `from` (the weekend or a holiday, per the calendar), for the next nobody-home attempt. */
export function nextRestDay(from: DateString, calendar: WorkCalendar): DateString {
  let day = addDays(from, 1);
  for (let i = 0; i < 31 && calendar.isWorkingDay(day); i++) day = addDays(day, 1);
  return day;
}
