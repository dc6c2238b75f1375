import {
  WorkOrderErrorCodes,
  applyWorkOrderEvent,
  isDomainError,
  type Messages,
  type WorkOrder,
  type WorkOrderEvent,
} from '@ranre/domain';
import { appError } from '../../../core/errors.ts';
import { toPayload } from './order-log.ts';
import type { NewEvent } from './workorders.repository.ts';

// Small pieces every write of a work order shares: applying an event with the role refusals turned into 403,
// the row an event is stored as, and 422s naming the field.

/**
 * applyWorkOrderEvent, where "this role may not do that" answers 403 FORBIDDEN (details keep the domain's
 * state, event, role and allowed roles, plus `reason: 'ROLE_NOT_ALLOWED'`); every other rule stays a 422.
 */
export function apply(current: WorkOrder | undefined, event: WorkOrderEvent, role: string): WorkOrder {
  try {
    return applyWorkOrderEvent(current, event, role);
  } catch (error) {
    if (isDomainError(error, WorkOrderErrorCodes.ROLE_NOT_ALLOWED)) {
      const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
      throw appError('FORBIDDEN', error.messages, { ...details, reason: 'ROLE_NOT_ALLOWED' });
    }
    throw error;
  }
}

export interface EventActor {
  id: string;
  displayName: string;
  role: string;
}

export function eventRow(
  order: { id: string; enterpriseId: string },
  event: WorkOrderEvent,
  actor: EventActor,
  recordedAt: Date,
): NewEvent {
  return {
    orderId: order.id,
    enterpriseId: order.enterpriseId,
    type: event.type,
    at: event.at,
    actorId: actor.id,
    actorName: actor.displayName,
    actorRole: actor.role,
    payload: toPayload(event),
    recordedAt,
  };
}

/** A 422 about one input field. */
export function fieldError(code: string, field: string, messages: Messages, details: object = {}): never {
  throw appError(code, messages, { field, ...details });
}
