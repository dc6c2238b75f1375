// The work-order (工单) loop: H-3.22 defines the order as the record of the whole service run (customer, matter,
// handling, return visit); H-7.3.4 and H-7.4.10 give its path — intake → dispatch to the handling department →
// handling → feedback to intake → review and return visit → satisfied: close and archive; not satisfied:
// dispatch again. The 12345 hotline adds sign-for (签收), return (退单), transfer (转派) and supervision (督办).

import type { Messages } from '../errors.ts';

export type WorkOrderState =
  | 'received'
  | 'returned'
  | 'dispatched'
  | 'accepted'
  | 'in_progress'
  | 'on_site'
  | 'completed'
  | 'feedback_given'
  | 'return_visited'
  | 'closed'
  | 'cancelled';

export const WORK_ORDER_STATES: readonly WorkOrderState[] = [
  'received',
  'returned',
  'dispatched',
  'accepted',
  'in_progress',
  'on_site',
  'completed',
  'feedback_given',
  'return_visited',
  'closed',
  'cancelled',
];

export const WORK_ORDER_STATE_LABELS: Readonly<Record<WorkOrderState, Messages>> = {
  received: { zh: '已受理', en: 'received' },
  returned: { zh: '已退单（待重新派单）', en: 'returned (awaiting dispatch)' },
  dispatched: { zh: '已派单', en: 'dispatched' },
  accepted: { zh: '已签收', en: 'accepted by the handler' },
  in_progress: { zh: '处理中', en: 'in progress' },
  on_site: { zh: '已到场', en: 'on site' },
  completed: { zh: '处理完毕', en: 'completed' },
  feedback_given: { zh: '已反馈', en: 'feedback given' },
  return_visited: { zh: '已回访', en: 'return visit done' },
  closed: { zh: '已归档', en: 'closed and archived' },
  cancelled: { zh: '已撤销', en: 'cancelled' },
};

/** Orders in these states take no more events except the regulator's responsibility decision (H-7.4.8). */
export const TERMINAL_STATES: readonly WorkOrderState[] = ['closed', 'cancelled'];
export const OPEN_STATES: readonly WorkOrderState[] = WORK_ORDER_STATES.filter(
  (s) => !TERMINAL_STATES.includes(s),
);
/** Waiting for the dispatcher: new, or sent back by the handling department. */
export const AWAITING_DISPATCH: readonly WorkOrderState[] = ['received', 'returned'];
/** The handling department holds the order. */
export const IN_HAND: readonly WorkOrderState[] = ['dispatched', 'accepted', 'in_progress', 'on_site'];
/** Before the handling is finished: time limits may still be agreed or extended. */
export const BEFORE_COMPLETION: readonly WorkOrderState[] = [...AWAITING_DISPATCH, ...IN_HAND];

/** The roles that act on work orders (a subset of the server's roles). */
export type WorkOrderRole =
  'agent' | 'dispatcher' | 'technician' | 'enterprise_admin' | 'resident' | 'regulator';

export const WORK_ORDER_ROLES: readonly WorkOrderRole[] = [
  'agent',
  'dispatcher',
  'technician',
  'enterprise_admin',
  'resident',
  'regulator',
];

/** Company staff: the first of them to act on an order owns it (G-5.5.1, H-7.6.1.2). */
export const STAFF_ROLES: readonly WorkOrderRole[] = [
  'agent',
  'dispatcher',
  'technician',
  'enterprise_admin',
];

/** How the request arrived (G-5.8.3, H-7.5.6, H-7.4.1); 'patrol' is a fault the company found itself (G-6.2.13). */
export type WorkOrderChannel =
  | 'phone'
  | 'hotline_12345'
  | 'counter'
  | 'web'
  | 'wechat'
  | 'app'
  | 'sms'
  | 'self_service_terminal'
  | 'on_site'
  | 'letter'
  | 'patrol';

export const WORK_ORDER_CHANNELS: readonly WorkOrderChannel[] = [
  'phone',
  'hotline_12345',
  'counter',
  'web',
  'wechat',
  'app',
  'sms',
  'self_service_terminal',
  'on_site',
  'letter',
  'patrol',
];

/** Return-visit result (H-7.4.10.5); 'basically_satisfied' closes like 'satisfied', as on the 12345 platform. */
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export const SATISFACTIONS: readonly Satisfaction[] = ['satisfied', 'basically_satisfied', 'dissatisfied'];
export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, Messages>> = {
  satisfied: { zh: '满意', en: 'satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'dissatisfied' },
};

export function isWorkOrderState(value: unknown): value is WorkOrderState {
  return typeof value === 'string' && (WORK_ORDER_STATES as readonly string[]).includes(value);
}
