import type { WorkOrder, WorkOrderEvent, WorkOrderLogEntry } from '@ranre/domain';
import type { workOrderEvents } from '../../../db/schema.ts';
import type { TEventInput } from './event.schemas.ts';

// The stored log ↔ the domain's events. A row keeps the event's payload as JSON (instants as ISO strings); `at`,
// `by` (the actor's user id) and the role it acted in have their own columns. Replay turns rows back into events.

export type EventRow = typeof workOrderEvents.$inferSelect;

/** Payload fields that hold instants, revived as Dates on the way back. */
const INSTANT_FIELDS = ['agreedAt', 'extendedTo', 'previousDue', 'dueBy'] as const;

const reviveInstant = (value: unknown): unknown =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : value;

export function toLogEntry(row: EventRow): WorkOrderLogEntry {
  const payload: Record<string, unknown> = { ...row.payload };
  for (const field of INSTANT_FIELDS) if (field in payload) payload[field] = reviveInstant(payload[field]);
  const feedback = payload.feedback as Record<string, unknown> | undefined;
  if (feedback && typeof feedback === 'object') {
    payload.feedback = { ...feedback, handledAt: reviveInstant(feedback.handledAt) };
  }
  const event = { ...payload, type: row.type, at: row.at, by: row.actorId ?? 'system' } as WorkOrderEvent;
  return { event, actorRole: row.actorRole };
}

/** What a row stores as payload: the event without type, at and by, as JSON. */
export function toPayload(event: WorkOrderEvent): Record<string, unknown> {
  const { type: _type, at: _at, by: _by, ...rest } = event as WorkOrderEvent & Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/** The HTTP event body as a domain event: instants as Dates, `at` and `by` from the server. */
export function toDomainEvent(
  input: TEventInput,
  by: string,
  at: Date,
  extra: { previousDue?: Date } = {},
): WorkOrderEvent {
  const e: Record<string, unknown> = { ...input, at, by };
  for (const field of INSTANT_FIELDS) if (typeof e[field] === 'string') e[field] = new Date(e[field]);
  if (input.type === 'feedback_given' && input.feedback) {
    const { handledAt } = input.feedback;
    e.feedback = { ...input.feedback, ...(handledAt ? { handledAt: new Date(handledAt) } : {}) };
  }
  if (input.type === 'deadline_extended' && extra.previousDue) e.previousDue = extra.previousDue;
  return e as unknown as WorkOrderEvent;
}

/** The projection columns a replayed order sets on its row. */
export function projectionOf(order: WorkOrder) {
  return {
    state: order.state,
    ownerId: order.owner ?? null,
    assigneeId: order.assignee ?? null,
    agreedAt: order.agreedAt ?? null,
  };
}
