// The transition table as data: for each event, the states it may come from, the state it leads to, the roles
// that may record it, the payload it needs and the clauses behind it. Guards that need more than the state
// (a satisfied return visit, a signature, an extension in time) live in effects.ts.

import type { Messages } from '../errors.ts';
import type { WorkOrderEventType } from './events.ts';
import {
  AWAITING_DISPATCH,
  BEFORE_COMPLETION,
  OPEN_STATES,
  WORK_ORDER_STATES,
  type WorkOrderRole,
  type WorkOrderState,
} from './states.ts';

export interface TransitionRule {
  /** States the event is allowed from; empty for `received`, which creates the order. */
  from: readonly WorkOrderState[];
  /** The resulting state; 'same' leaves the state as it was. */
  to: WorkOrderState | 'same';
  roles: readonly WorkOrderRole[];
  /** Payload fields the event must carry (documentation; checked in effects.ts). */
  payload: readonly string[];
  clauses: readonly string[];
  label: Messages;
}

const INTAKE: readonly WorkOrderRole[] = ['agent', 'dispatcher', 'enterprise_admin'];
const HANDLING: readonly WorkOrderState[] = ['accepted', 'in_progress', 'on_site'];

export const WORK_ORDER_TRANSITIONS: Readonly<Record<WorkOrderEventType, TransitionRule>> = {
  received: {
    from: [],
    to: 'received',
    roles: ['agent', 'dispatcher', 'enterprise_admin', 'resident', 'regulator'],
    payload: ['itemCode', 'channel', 'summary', 'safetyAdviceGiven (emergencies)', 'complaintCategory?'],
    clauses: ['H-3.22', 'G-5.5.2', 'G-5.8.1', 'G-6.2.13'],
    label: { zh: '受理', en: 'receive' },
  },
  dispatched: {
    from: AWAITING_DISPATCH,
    to: 'dispatched',
    roles: INTAKE,
    payload: ['assignee'],
    clauses: ['H-7.3.4', 'H-7.4.10.2'],
    label: { zh: '派单', en: 'dispatch' },
  },
  accepted: {
    from: ['dispatched'],
    to: 'accepted',
    roles: ['technician', 'dispatcher'],
    payload: [],
    clauses: ['H-7.3.4'],
    label: { zh: '签收', en: 'accept (sign for)' },
  },
  returned: {
    from: ['dispatched', 'accepted'],
    to: 'returned',
    roles: ['technician', 'dispatcher'],
    payload: ['reason'],
    clauses: ['H-7.3.4'],
    label: { zh: '退单', en: 'return to the dispatcher' },
  },
  transferred: {
    from: ['dispatched', 'accepted'],
    to: 'dispatched',
    roles: ['dispatcher', 'enterprise_admin'],
    payload: ['assignee', 'reason'],
    clauses: ['H-7.3.4'],
    label: { zh: '转派', en: 'transfer' },
  },
  redispatched: {
    from: ['feedback_given', 'return_visited'],
    to: 'dispatched',
    roles: INTAKE,
    payload: ['assignee', 'reason'],
    clauses: ['H-7.3.4', 'H-7.4.10.5'],
    label: { zh: '再次派单', en: 'dispatch again' },
  },
  started: {
    from: ['accepted', 'on_site'],
    to: 'in_progress',
    roles: ['technician'],
    payload: [],
    clauses: ['H-7.3.4'],
    label: { zh: '开始处理', en: 'start work' },
  },
  arrived_on_site: {
    from: HANDLING,
    to: 'on_site',
    roles: ['technician'],
    payload: [],
    clauses: ['G-5.9.2', 'G-6.2.13', 'G-9.2.5'],
    label: { zh: '到达现场', en: 'arrive on site' },
  },
  customer_contacted: {
    from: OPEN_STATES,
    to: 'same',
    roles: ['agent', 'dispatcher', 'technician', 'enterprise_admin'],
    payload: ['note'],
    clauses: ['H-7.4.3', 'H-7.4.10.2'],
    label: { zh: '联系用户', en: 'contact the customer' },
  },
  appointment_agreed: {
    from: BEFORE_COMPLETION,
    to: 'same',
    roles: ['agent', 'dispatcher', 'technician'],
    payload: ['agreedAt'],
    clauses: ['G-5.9.2', 'G-9.2.5', 'G-6.2.10', 'H-7.3.9'],
    label: { zh: '约定时间', en: 'agree a time' },
  },
  deadline_extended: {
    from: [...BEFORE_COMPLETION, 'completed'],
    to: 'same',
    roles: INTAKE,
    payload: ['previousDue', 'extendedTo', 'reason'],
    clauses: ['G-5.7.4', 'H-7.3.6', 'H-7.4.4'],
    label: { zh: '延期', en: 'extend the deadline' },
  },
  handed_over: {
    from: OPEN_STATES,
    to: 'same',
    roles: INTAKE,
    payload: ['to', 'dueBy'],
    clauses: ['G-5.5.1', 'H-7.6.1.2'],
    label: { zh: '移交（首问负责）', en: 'hand over (first-responder duty)' },
  },
  design_started: {
    from: HANDLING,
    to: 'same',
    roles: ['technician', 'dispatcher'],
    payload: [],
    clauses: ['G-6.1.2', 'H-7.1.4'],
    label: { zh: '开始方案设计', en: 'start design' },
  },
  design_finished: {
    from: HANDLING,
    to: 'same',
    roles: ['technician', 'dispatcher'],
    payload: [],
    clauses: ['G-6.1.2', 'H-7.1.4'],
    label: { zh: '完成方案设计', en: 'finish design' },
  },
  construction_started: {
    from: HANDLING,
    to: 'same',
    roles: ['technician', 'dispatcher'],
    payload: [],
    clauses: ['G-6.1.2', 'H-7.1.4'],
    label: { zh: '开始工程施工', en: 'start construction' },
  },
  construction_finished: {
    from: HANDLING,
    to: 'same',
    roles: ['technician', 'dispatcher'],
    payload: [],
    clauses: ['G-6.1.2', 'H-7.1.4'],
    label: { zh: '完成工程施工', en: 'finish construction' },
  },
  completed: {
    from: ['received', ...HANDLING],
    to: 'completed',
    roles: ['technician', 'agent', 'dispatcher'],
    payload: ['record.result', 'record.onSite', 'record.signature | record.signatureRefusedReason (on site)'],
    clauses: ['G-5.9.7', 'H-7.6.5.1', 'H-7.3.4'],
    label: { zh: '处理完毕', en: 'complete' },
  },
  feedback_given: {
    // Also after a return visit: a complaint whose findings were incomplete (H-7.4.10) must be able to report
    // them and be visited again, instead of being stuck with a satisfied visit it cannot close on.
    from: ['completed', 'return_visited'],
    to: 'feedback_given',
    roles: ['technician', 'agent', 'dispatcher'],
    payload: [
      'feedback.staffName',
      'feedback.customer',
      'feedback.handledAt',
      'feedback.result',
      'findings? / explanation? (complaints)',
    ],
    clauses: ['G-5.9.8', 'G-5.7.7', 'H-7.6.5.2', 'H-7.4.10.4'],
    label: { zh: '反馈', en: 'give feedback' },
  },
  return_visited: {
    from: ['feedback_given'],
    to: 'return_visited',
    roles: ['agent', 'dispatcher', 'enterprise_admin', 'resident'],
    payload: ['satisfaction'],
    clauses: ['H-3.21', 'H-7.3.4', 'H-7.4.10.5', 'H-7.6.5.3'],
    label: { zh: '回访', en: 'return visit' },
  },
  responsibility_decided: {
    from: WORK_ORDER_STATES,
    to: 'same',
    roles: ['regulator'],
    payload: ['responsibility'],
    clauses: ['H-7.4.6', 'H-7.4.8'],
    label: { zh: '判定有责/无责', en: 'decide responsibility' },
  },
  complaint_judged: {
    from: WORK_ORDER_STATES,
    to: 'same',
    // The heating company judges its complaints (H-10.4.4 makes it answer and report an unreasonable one).
    roles: ['dispatcher', 'enterprise_admin'],
    payload: ['reasonable', 'basis', 'reason (if unreasonable)'],
    clauses: ['H-10.4.1', 'H-10.4.2', 'H-10.4.4'],
    label: { zh: '判定是否合理投诉', en: 'judge reasonable or not' },
  },
  supervised: {
    from: OPEN_STATES,
    to: 'same',
    roles: ['regulator', 'enterprise_admin'],
    payload: ['note'],
    clauses: ['H-7.4.10.5'],
    label: { zh: '督办', en: 'supervise' },
  },
  referred: {
    from: AWAITING_DISPATCH,
    to: 'closed',
    roles: INTAKE,
    payload: ['referral.to'],
    clauses: ['G-5.5.2', 'H-7.4.9.1'],
    label: { zh: '告知去处并结案', en: 'refer elsewhere and close' },
  },
  refused: {
    from: [...AWAITING_DISPATCH, 'dispatched', ...HANDLING],
    to: 'closed',
    roles: INTAKE,
    payload: ['reason', 'writtenNoticeRef (G-6.2.10)'],
    clauses: ['G-6.1.3', 'G-6.2.10', 'G-9.2.3', 'H-7.1.3', 'H-7.1.4.1'],
    label: { zh: '不予受理', en: 'refuse' },
  },
  due_recalculated: {
    from: OPEN_STATES,
    to: 'same',
    // Recorded when the regulator imports a year's holiday notice (the calendar is the regulator's to keep).
    roles: ['regulator'],
    payload: ['clock', 'previousDue', 'newDue', 'year'],
    clauses: ['G-5.7.2', 'H-7.4.4'],
    label: { zh: '按放假通知重算时限', en: 'due recalculated by the holiday notice' },
  },
  cancelled: {
    from: [...AWAITING_DISPATCH, 'dispatched', 'accepted'],
    to: 'cancelled',
    roles: [...INTAKE, 'resident'],
    payload: ['reason'],
    clauses: ['H-3.22'],
    label: { zh: '撤销', en: 'cancel' },
  },
  closed: {
    from: ['feedback_given', 'return_visited'],
    to: 'closed',
    roles: INTAKE,
    payload: [],
    clauses: ['H-7.3.4', 'H-7.4.10.5', 'H-7.6.5.3', 'G-5.5.1'],
    label: { zh: '归档', en: 'close and archive' },
  },
};

export const WORK_ORDER_EVENT_TYPES = Object.keys(WORK_ORDER_TRANSITIONS) as WorkOrderEventType[];

export function isWorkOrderEventType(value: unknown): value is WorkOrderEventType {
  return typeof value === 'string' && Object.hasOwn(WORK_ORDER_TRANSITIONS, value);
}
