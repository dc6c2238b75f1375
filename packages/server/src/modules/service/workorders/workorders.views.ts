import {
  WORK_ORDER_STATE_LABELS,
  catalogueItem,
  type WorkOrderChannel,
  type WorkOrderState,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import { maskAddress, maskName, maskPhone, seesIdentity, seesPhone } from './access.ts';
import type { EventRow } from './order-log.ts';
import type { BoardRow, OrderView } from './workorders.repository.ts';
import type { TBoardItem, TClockBrief, TWorkOrderDetail, TWorkOrderSummary } from './workorders.schemas.ts';

// Rows → API shapes, with the complainant's identity masked for those not handling the complaint.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function toSummary(actor: Actor, o: OrderView, clocks: TClockBrief[]): TWorkOrderSummary {
  const identity = seesIdentity(actor, o);
  const phone = seesPhone(actor, o);
  return {
    id: o.id,
    enterpriseId: o.enterpriseId,
    enterpriseName: o.enterpriseName,
    orderNo: o.orderNo,
    itemCode: o.itemCode,
    itemName: catalogueItem(o.itemCode).name,
    channel: o.channel as WorkOrderChannel,
    state: o.state as WorkOrderState,
    stateLabel: WORK_ORDER_STATE_LABELS[o.state as WorkOrderState],
    isComplaint: o.isComplaint,
    customerId: identity ? o.customerId : null,
    customerName: o.customerName === null ? null : identity ? o.customerName : maskName(o.customerName),
    callerName: identity ? o.callerName : maskName(o.callerName),
    callerPhone: phone ? o.callerPhone : maskPhone(o.callerPhone),
    address: identity ? o.address : maskAddress(o.address),
    description: o.description,
    identityMasked: !identity,
    ownerId: o.ownerId,
    ownerName: o.ownerName,
    assigneeId: o.assigneeId,
    assigneeName: o.assigneeName,
    receivedAt: o.receivedAt.toISOString(),
    agreedAt: iso(o.agreedAt),
    nextDueAt: iso(o.nextDueAt),
    breached: o.breached,
    externalRef: o.externalRef,
    version: o.version,
    clocks,
  };
}

/** A board row, masked as a list row is. */
export function toBoardItem(actor: Actor, o: BoardRow): TBoardItem {
  const identity = seesIdentity(actor, o);
  return {
    id: o.id,
    orderNo: o.orderNo,
    itemCode: o.itemCode,
    itemName: catalogueItem(o.itemCode).name,
    state: o.state as WorkOrderState,
    isComplaint: o.isComplaint,
    customerName: o.customerName === null ? null : identity ? o.customerName : maskName(o.customerName),
    callerName: identity ? o.callerName : maskName(o.callerName),
    address: identity ? o.address : maskAddress(o.address),
    assigneeId: o.assigneeId,
    assigneeName: o.assigneeName,
    receivedAt: o.receivedAt.toISOString(),
    agreedAt: iso(o.agreedAt),
    nextDueAt: iso(o.nextDueAt),
    breached: o.breached,
    version: o.version,
  };
}

/** Payload fields that name the complainant, hidden with the rest of the identity. */
function maskedPayload(payload: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...payload };
  if ('customerId' in out) out.customerId = null;
  const feedback = out.feedback as Record<string, unknown> | undefined;
  if (feedback && typeof feedback.customer === 'string') {
    out.feedback = { ...feedback, customer: maskName(feedback.customer) };
  }
  return out;
}

export function eventViews(
  actor: Actor,
  o: OrderView,
  rows: EventRow[],
  names: Map<string, string>,
): TWorkOrderDetail['events'] {
  const identity = seesIdentity(actor, o);
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    at: r.at.toISOString(),
    actorName: r.actorName,
    actorRole: r.actorRole,
    payload: withNames(identity ? r.payload : maskedPayload(r.payload), names),
  }));
}

/** Events name people by user id (assignee, to); the timeline adds their names beside them. */
function withNames(payload: Record<string, unknown>, names: Map<string, string>): Record<string, unknown> {
  const out = { ...payload };
  for (const key of ['assignee', 'to']) {
    const id = out[key];
    if (typeof id === 'string' && names.has(id)) out[`${key}Name`] = names.get(id);
  }
  return out;
}
