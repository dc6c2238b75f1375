// G-9.3.1: an appliance company visits its customers again, periodically, and guides them in safe use — the right
// operating procedure, what to mind while using the appliance, what to do on a gas leak. The standard sets no
// period; the schedule below is the enterprise's commitment: one month, six months and twelve months after the
// installation's completion (within the installation's 12-month warranty, G-9.2.8).

import type { Messages } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';

export const RETURN_VISIT_MONTHS: readonly number[] = [1, 6, 12];

export const SAFETY_ADVICE = [
  { key: 'operation', zh: '正确的操作程序', en: 'the right operating procedure' },
  { key: 'precautions', zh: '使用过程中的注意事项', en: 'what to mind while using it' },
  { key: 'leak', zh: '燃气泄漏处理方法', en: 'what to do on a gas leak' },
] as const;
export type AdviceKey = (typeof SAFETY_ADVICE)[number]['key'];

export type ReturnVisitState = 'done' | 'due' | 'upcoming';

/** The visits due after an installation completed on `completedOn`: each date, and whether it is done or due. */
export function returnVisitSchedule(
  completedOn: DateString,
  done: readonly DateString[],
  today: DateString,
): { dueOn: DateString; state: ReturnVisitState }[] {
  return RETURN_VISIT_MONTHS.map((m) => {
    const dueOn = addMonths(completedOn, m);
    const state: ReturnVisitState = done.includes(dueOn) ? 'done' : dueOn <= today ? 'due' : 'upcoming';
    return { dueOn, state };
  });
}

/** The same date `months` later, or the month's last day when it has no such date (Jan 31 + 1 → Feb 28). */
function addMonths(d: DateString, months: number): DateString {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** G-9.3.1: why a visit's record is not complete — every point of advice given, the answers written down. */
export function returnVisitProblem(advice: readonly string[], answers: string): Messages | null {
  const missing = SAFETY_ADVICE.filter((a) => !advice.includes(a.key));
  if (missing.length > 0) {
    return {
      zh: `回访须指导用户：${missing.map((a) => a.zh).join('、')}（G-9.3.1）`,
      en: `A return visit guides the customer on: ${missing.map((a) => a.en).join(', ')} (G-9.3.1)`,
    };
  }
  if (answers.trim().length < 2) {
    return { zh: '请记录用户的答复（G-9.3.1）', en: 'Record the customer’s answers (G-9.3.1)' };
  }
  return null;
}
