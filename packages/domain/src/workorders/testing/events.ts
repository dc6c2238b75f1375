// Test helpers for work orders: build events from Shanghai wall-clock times and replay small logs.

import type { WorkOrderEvent, WorkOrderEventType, WorkOrderLogEntry } from '../events.ts';
import type { WorkOrder } from '../order.ts';
import { replayWorkOrder } from '../replay.ts';
import type { WorkOrderRole } from '../states.ts';
import { at } from '../../testing/support.ts';

/** The role each event is usually recorded by in these tests. */
export const DEFAULT_ROLE: Readonly<Record<WorkOrderEventType, WorkOrderRole>> = {
  received: 'agent',
  dispatched: 'dispatcher',
  accepted: 'technician',
  returned: 'technician',
  transferred: 'dispatcher',
  redispatched: 'dispatcher',
  started: 'technician',
  arrived_on_site: 'technician',
  customer_contacted: 'agent',
  appointment_agreed: 'agent',
  deadline_extended: 'dispatcher',
  handed_over: 'agent',
  design_started: 'technician',
  design_finished: 'technician',
  construction_started: 'technician',
  construction_finished: 'technician',
  completed: 'technician',
  feedback_given: 'technician',
  return_visited: 'agent',
  responsibility_decided: 'regulator',
  complaint_judged: 'dispatcher',
  supervised: 'enterprise_admin',
  referred: 'agent',
  refused: 'agent',
  cancelled: 'agent',
  closed: 'agent',
  due_recalculated: 'regulator',
};

/** An event at a Shanghai wall-clock time; `by` defaults to the usual actor of that role. */
export function ev(
  type: WorkOrderEventType,
  when: string,
  payload: Record<string, unknown> = {},
): WorkOrderEvent {
  return { type, at: at(when), by: `${DEFAULT_ROLE[type]}-1`, ...payload } as WorkOrderEvent;
}

/** A log entry with the event's usual role (or the one given). */
export function entry(event: WorkOrderEvent, role?: string): WorkOrderLogEntry {
  return { event, actorRole: role ?? DEFAULT_ROLE[event.type] };
}

export function replay(events: readonly WorkOrderEvent[]): WorkOrder {
  return replayWorkOrder(events.map((e) => entry(e)));
}

export const received = (itemCode: string, when: string, extra: Record<string, unknown> = {}) =>
  ev('received', when, { itemCode, channel: 'phone', summary: '用户来电', ...extra });

export const signedRecord = { record: { result: '已处理', onSite: true, signature: true } };

export const feedbackAt = (when: string, extra: Record<string, unknown> = {}) => ({
  feedback: { staffName: '王海涛', customer: '张三 ZBG00012345', handledAt: at(when), result: '已处理完毕' },
  ...extra,
});

/** received → dispatched → accepted → arrived → completed → feedback, one hour apart from `day` 08:00. */
export function handledOrder(
  itemCode: string,
  day: string,
  extra: Record<string, unknown> = {},
): WorkOrderEvent[] {
  return [
    received(itemCode, `${day} 08:00`, extra),
    ev('dispatched', `${day} 09:00`, { assignee: '维修一班' }),
    ev('accepted', `${day} 10:00`),
    ev('arrived_on_site', `${day} 11:00`),
    ev('completed', `${day} 12:00`, signedRecord),
    ev('feedback_given', `${day} 13:00`, feedbackAt(`${day} 12:00`)),
  ];
}
