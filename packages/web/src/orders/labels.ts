// Labels for work-order vocabulary, taken from the domain so the screens say what the rules say.
import {
  COMPLAINT_CATEGORIES,
  SATISFACTION_LABELS,
  WORK_ORDER_STATE_LABELS,
  WORK_ORDER_TRANSITIONS,
  isComplaintCategory,
  isWorkOrderEventType,
  isWorkOrderState,
  type Messages,
} from '@ranre/domain';
import type { Lang } from '../i18n/index.tsx';

export function pick(m: Messages | null | undefined, lang: Lang): string {
  if (!m) return '';
  return m[lang] || m.zh || m.en || '';
}

export function stateLabel(state: string, lang: Lang): string {
  return isWorkOrderState(state) ? pick(WORK_ORDER_STATE_LABELS[state], lang) : state;
}

export function eventLabel(type: string, lang: Lang): string {
  return isWorkOrderEventType(type) ? pick(WORK_ORDER_TRANSITIONS[type].label, lang) : type;
}

export function eventClauses(type: string): readonly string[] {
  return isWorkOrderEventType(type) ? WORK_ORDER_TRANSITIONS[type].clauses : [];
}

export function complaintCategoryLabel(category: string, lang: Lang): string {
  return isComplaintCategory(category) ? pick(COMPLAINT_CATEGORIES[category], lang) : category;
}

export function satisfactionLabel(value: string, lang: Lang): string {
  return value in SATISFACTION_LABELS
    ? pick(SATISFACTION_LABELS[value as keyof typeof SATISFACTION_LABELS], lang)
    : value;
}

/** Ant Design tag colour per state: waiting for dispatch, in hand, finishing, finished. */
export function stateColor(state: string): string {
  if (state === 'received' || state === 'returned') return 'gold';
  if (['dispatched', 'accepted', 'in_progress', 'on_site'].includes(state)) return 'blue';
  if (['completed', 'feedback_given', 'return_visited'].includes(state)) return 'cyan';
  if (state === 'closed') return 'green';
  return 'default';
}

export const OPEN_STATE_LIST = [
  'received',
  'returned',
  'dispatched',
  'accepted',
  'in_progress',
  'on_site',
  'completed',
  'feedback_given',
  'return_visited',
] as const;
