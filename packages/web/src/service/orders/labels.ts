// Labels for work-order vocabulary, taken from the domain so the screens say what the rules say.
import {
  COMPLAINT_CATEGORIES,
  catalogueItem,
  isCatalogueCode,
  SATISFACTION_LABELS,
  WORK_ORDER_STATE_LABELS,
  WORK_ORDER_TRANSITIONS,
  isComplaintCategory,
  isWorkOrderEventType,
  isWorkOrderState,
  type Messages,
} from '@ranre/domain';
import type { Lang } from '../../i18n/index.tsx';

export function pick(m: Messages | null | undefined, lang: Lang): string {
  if (!m) return '';
  return m[lang] || m.zh || m.en || '';
}

/** The domain's English labels are lower case for use inside sentences; on their own they start with a capital. */
const capital = (text: string, lang: Lang) =>
  lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;

export function stateLabel(state: string, lang: Lang): string {
  return isWorkOrderState(state) ? capital(pick(WORK_ORDER_STATE_LABELS[state], lang), lang) : state;
}

export function eventLabel(type: string, lang: Lang): string {
  return isWorkOrderEventType(type) ? capital(pick(WORK_ORDER_TRANSITIONS[type].label, lang), lang) : type;
}

export function eventClauses(type: string): readonly string[] {
  return isWorkOrderEventType(type) ? WORK_ORDER_TRANSITIONS[type].clauses : [];
}

export function complaintCategoryLabel(category: string, lang: Lang): string {
  return isComplaintCategory(category) ? capital(pick(COMPLAINT_CATEGORIES[category], lang), lang) : category;
}

export function satisfactionLabel(value: string, lang: Lang): string {
  return value in SATISFACTION_LABELS
    ? capital(pick(SATISFACTION_LABELS[value as keyof typeof SATISFACTION_LABELS], lang), lang)
    : value;
}

const PHASES = ['design_started', 'design_finished', 'construction_started', 'construction_finished'];

/**
 * The events worth a button for this order: design and construction phases (G-6.1.2, H-7.1.4) only for items
 * whose clocks pause on them (connections); the transition table allows them on any order in hand.
 */
export function relevantEvents<T extends string>(itemCode: string, events: readonly T[]): T[] {
  const item = isCatalogueCode(itemCode) ? catalogueItem(itemCode) : null;
  const phased = item?.clocks.some((c) => (c.pauseOn ?? []).length > 0) ?? true;
  return events.filter((e) => e !== 'received' && (phased || !PHASES.includes(e)));
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
