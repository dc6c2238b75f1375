// Insurance claims (G-11.1–G-11.4, H-9.1–H-9.8): the exclusions of H-9.6 checked when a claim is opened, and the
// agreed compensation paid within 30 working days (H-9.5, on the deadline engine).

import type { WorkCalendar } from '../calendar/types.ts';
import { addDays, toShanghaiDate } from '../time/shanghai.ts';
import { countWorkingDays } from './readiness.ts';

export const CLAIM_EXCLUSIONS = [
  'customer_owned_facility',
  'customer_modification',
  'developer_warranty',
  'poorly_maintained_public_facility',
  'indirect_loss',
] as const;
export type ClaimExclusion = (typeof CLAIM_EXCLUSIONS)[number];

export const CLAIM_EXCLUSION_TEXT: Record<ClaimExclusion, { zh: string; en: string }> = {
  customer_owned_facility: { zh: '用户自有设施造成的损失', en: 'loss caused by a customer-owned facility' },
  customer_modification: {
    zh: '用户擅自改装造成的损失',
    en: 'loss caused by the customer’s own modification',
  },
  developer_warranty: {
    zh: '开发建设单位保修期内的设施',
    en: 'a facility within the developer’s maintenance period',
  },
  poorly_maintained_public_facility: { zh: '维护不善的共用设施', en: 'a poorly maintained public facility' },
  indirect_loss: { zh: '间接损失', en: 'indirect loss' },
};

/** H-9.6: the exclusions that apply to a claim, from the facts recorded when it is opened (H-9.6.3 included). */
export function claimExclusions(facts: Partial<Record<ClaimExclusion, boolean>>): ClaimExclusion[] {
  return CLAIM_EXCLUSIONS.filter((e) => facts[e] === true);
}

/** H-9.5: the limit for paying agreed compensation. */
export const COMPENSATION_PAYMENT_LIMIT = '30wd';

/** H-9.5: warned this many working days before the agreed compensation falls due unpaid. */
export const COMPENSATION_WARN_WORKING_DAYS = 5;

/**
 * H-9.5: where an agreed, unpaid compensation stands against its due (the end of the 30th working day): `due_soon`
 * from five working days before it, `overdue` after it, with the working days left (today not counted).
 */
export function compensationPaymentState(
  payDueAt: Date,
  now: Date,
  calendar: WorkCalendar,
): { state: 'ok' | 'due_soon' | 'overdue'; workingDaysLeft: number } {
  if (now.getTime() > payDueAt.getTime()) return { state: 'overdue', workingDaysLeft: 0 };
  const today = toShanghaiDate(now);
  const dueDay = toShanghaiDate(new Date(payDueAt.getTime() - 1));
  const workingDaysLeft = dueDay > today ? countWorkingDays(calendar, addDays(today, 1), dueDay) : 0;
  return {
    state: workingDaysLeft <= COMPENSATION_WARN_WORKING_DAYS ? 'due_soon' : 'ok',
    workingDaysLeft,
  };
}
