// What a user may record next on an order, as the domain will accept it now — not only what the state allows.
// A step already recorded (the technician's accept, arrival, start since the order last reached him) is not
// offered again, and repeating it changes nothing (the server records no second event). An event whose guard
// refuses it now (归档 before the return visit, after an unsatisfied one, a complaint missing its findings) is
// listed with the reason, so the screen can say what is missing instead of offering a button that fails.

import { DomainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import type { WorkOrderEvent, WorkOrderEventType } from './events.ts';
import type { WorkOrder } from './order.ts';
import { applyWorkOrderEvent, availableWorkOrderEvents } from './transitions.ts';

/** The technician's one-tap steps: recorded once per time the order reaches him. */
export const ONCE_PER_DISPATCH: readonly WorkOrderEventType[] = ['accepted', 'arrived_on_site', 'started'];
/** Events that reset the technician's steps: the order reaches someone (again). */
const REACHES: readonly WorkOrderEventType[] = ['dispatched', 'redispatched', 'transferred', 'returned'];
/** Events with no payload whose guards can be tried as they are. */
const PROBED: readonly WorkOrderEventType[] = ['closed'];
/**
 * Events that apply to some orders only (a judgement to heating complaints, H-10.4): tried without their payload,
 * they are left out when the order is not one they apply to, and offered otherwise (the form asks the payload).
 */
const APPLICABLE_ONLY: readonly WorkOrderEventType[] = ['complaint_judged'];

/** True when `type` is a one-tap step already recorded since the order last reached its technician. */
export function stepAlreadyRecorded(events: readonly WorkOrderEvent[], type: WorkOrderEventType): boolean {
  if (!ONCE_PER_DISPATCH.includes(type)) return false;
  for (let i = events.length - 1; i >= 0; i--) {
    const t = events[i]!.type;
    if (t === type) return true;
    if (REACHES.includes(t)) return false;
  }
  return false;
}

export interface WorkOrderEventOptions {
  /** What the user may record now. */
  allowed: WorkOrderEventType[];
  /** What the state would allow but a rule refuses now, with the reason (what is missing). */
  blocked: { type: WorkOrderEventType; reason: Messages }[];
}

export function workOrderEventOptions(
  current: WorkOrder,
  events: readonly WorkOrderEvent[],
  actorRole: string,
): WorkOrderEventOptions {
  const allowed: WorkOrderEventType[] = [];
  const blocked: WorkOrderEventOptions['blocked'] = [];
  for (const type of availableWorkOrderEvents(current, actorRole)) {
    if (type === 'received' || stepAlreadyRecorded(events, type)) continue;
    if (APPLICABLE_ONLY.includes(type) && !appliesTo(current, type, actorRole)) continue;
    const reason = PROBED.includes(type) ? refusal(current, type, actorRole) : undefined;
    if (reason) blocked.push({ type, reason });
    else allowed.push(type);
  }
  return { allowed, blocked };
}

/** False when the domain refuses the event for this order whatever its payload (TRANSITION_NOT_ALLOWED). */
function appliesTo(current: WorkOrder, type: WorkOrderEventType, role: string): boolean {
  try {
    applyWorkOrderEvent(current, { type, at: current.lastEventAt, by: 'probe' } as WorkOrderEvent, role);
    return true;
  } catch (err) {
    if (err instanceof DomainError) return err.code !== 'TRANSITION_NOT_ALLOWED';
    throw err;
  }
}

/** The domain's own answer: apply the event to the order as it is, and keep the refusal's words. */
function refusal(current: WorkOrder, type: WorkOrderEventType, role: string): Messages | undefined {
  try {
    applyWorkOrderEvent(current, { type, at: current.lastEventAt, by: 'probe' } as WorkOrderEvent, role);
    return undefined;
  } catch (err) {
    if (err instanceof DomainError) return err.messages;
    throw err;
  }
}
