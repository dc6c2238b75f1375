import { addDays, endOfShanghaiDay, toShanghaiDate } from '../time/shanghai.ts';
import type { WorkOrderState } from '../workorders/states.ts';

// After the work is done the resident rates it and, if not satisfied, may reopen it (G-5.9.8, H-7.6.5.2 feedback;
// H-7.3.4 "not satisfied: dispatch again"). The period is published with the service information.

/** Calendar days after completion during which the resident may reopen the order. */
export const REOPEN_PERIOD_DAYS = 7;

/** States in which the handling is finished, so the work can be rated or reopened. */
const DONE: readonly WorkOrderState[] = ['completed', 'feedback_given', 'return_visited', 'closed'];

export const isHandlingDone = (state: WorkOrderState) => DONE.includes(state);

/**
 * The last moment to reopen: 24:00 Beijing time of the REOPEN_PERIOD_DAYS-th day after the day of completion (the
 * day of completion does not count, as for every period in days).
 */
export function reopenUntil(completedAt: Date, periodDays = REOPEN_PERIOD_DAYS): Date {
  return endOfShanghaiDay(addDays(toShanghaiDate(completedAt), periodDays));
}

export type ReopenVerdict =
  { ok: true; until: Date } | { ok: false; reason: 'not_done' | 'period_over'; until?: Date };

/** Whether the order may be reopened now: handling finished, and within the period after completion. */
export function mayReopen(state: WorkOrderState, completedAt: Date | null, now: Date): ReopenVerdict {
  if (!isHandlingDone(state) || !completedAt) return { ok: false, reason: 'not_done' };
  const until = reopenUntil(completedAt);
  return now.getTime() <= until.getTime() ? { ok: true, until } : { ok: false, reason: 'period_over', until };
}
