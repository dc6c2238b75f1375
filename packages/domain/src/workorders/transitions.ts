// Applying one event to a work order: checked against the transition table (state, then role), then the
// event's own payload and guards (effects.ts). Pure: the order passed in is never changed.

import { domainError } from '../errors.ts';
import { catalogueItem } from './catalogue.ts';
import { isComplaintCategory } from './complaints.ts';
import { EFFECTS, type EffectContext } from './effects.ts';
import {
  type ErrorPlace,
  WorkOrderErrorCodes,
  payloadInvalid,
  payloadMissing,
  roleNotAllowed,
  transitionNotAllowed,
} from './errors.ts';
import type { ReceivedEvent, WorkOrderEvent, WorkOrderEventType } from './events.ts';
import { NEW_ORDER_LABEL, type WorkOrder } from './order.ts';
import { isInstant, requireOneOf, requireText } from './payload.ts';
import { STAFF_ROLES, WORK_ORDER_CHANNELS, WORK_ORDER_STATE_LABELS } from './states.ts';
import { formatShanghai } from '../time/shanghai.ts';
import { WORK_ORDER_TRANSITIONS, isWorkOrderEventType } from './transition-table.ts';

/**
 * The order after `event`, recorded by someone acting as `actorRole`. `current` is undefined for a new order
 * (only `received` is allowed then). Throws a DomainError: EVENT_TYPE_UNKNOWN, EVENT_OUT_OF_ORDER,
 * TRANSITION_NOT_ALLOWED, ROLE_NOT_ALLOWED, PAYLOAD_MISSING, PAYLOAD_INVALID, CATALOGUE_ITEM_UNKNOWN,
 * EXTENSION_* (sla/extension.ts) or COMPLAINT_CLOSE_BLOCKED — each naming the state and the event.
 */
export function applyWorkOrderEvent(
  current: WorkOrder | undefined,
  event: WorkOrderEvent,
  actorRole: string,
): WorkOrder {
  const type: unknown = (event as { type?: unknown } | null)?.type;
  if (!isWorkOrderEventType(type)) {
    throw domainError(
      WorkOrderErrorCodes.EVENT_TYPE_UNKNOWN,
      `未知的工单事件「${String(type)}」。`,
      `Unknown work-order event "${String(type)}".`,
      { type: String(type) },
    );
  }
  const rule = WORK_ORDER_TRANSITIONS[type];
  const place = placeOf(current, type);
  if (!isInstant(event.at)) throw payloadMissing(place, 'at', { zh: '事件发生时间', en: 'when it happened' });
  requireText(place, 'by', event.by, { zh: '操作人', en: 'who recorded it' });

  if (!current) {
    if (type !== 'received')
      throw transitionNotAllowed(place, ['—'], { zh: '工单须先受理', en: 'an order starts with "receive"' });
  } else {
    if (type === 'received') {
      throw transitionNotAllowed(place, [], { zh: '工单已受理', en: 'the order was already received' });
    }
    if (event.at.getTime() < current.lastEventAt.getTime())
      throw outOfOrder(place, event.at, current.lastEventAt);
    if (!rule.from.includes(current.state)) throw transitionNotAllowed(place, rule.from);
  }
  if (!(rule.roles as readonly string[]).includes(actorRole))
    throw roleNotAllowed(place, actorRole, rule.roles);

  let next: WorkOrder;
  if (!current) {
    next = receive(event as ReceivedEvent, place);
  } else {
    const ctx: EffectContext = {
      place,
      role: actorRole,
      item: catalogueItem(current.itemCode),
      fromState: current.state,
      from: rule.from,
    };
    const advanced: WorkOrder = {
      ...current,
      state: rule.to === 'same' ? current.state : rule.to,
      lastEventAt: event.at,
      eventCount: current.eventCount + 1,
    };
    const effect = EFFECTS[type as Exclude<WorkOrderEventType, 'received'>] as (
      order: WorkOrder,
      e: WorkOrderEvent,
      c: EffectContext,
    ) => WorkOrder;
    next = effect(advanced, event, ctx);
  }
  // G-5.5.1 / H-7.6.1.2: the first staff member to act owns the order (a resident's own request has no owner
  // until staff touch it).
  if (next.owner === undefined && (STAFF_ROLES as readonly string[]).includes(actorRole)) {
    next = { ...next, owner: event.by };
  }
  return next;
}

/** Event types allowed from the order's state (and for the role, if given) — guards are not evaluated. */
export function availableWorkOrderEvents(
  current: WorkOrder | undefined,
  actorRole?: string,
): WorkOrderEventType[] {
  return (Object.keys(WORK_ORDER_TRANSITIONS) as WorkOrderEventType[]).filter((type) => {
    const rule = WORK_ORDER_TRANSITIONS[type];
    const stateOk = current ? rule.from.includes(current.state) : type === 'received';
    return stateOk && (actorRole === undefined || (rule.roles as readonly string[]).includes(actorRole));
  });
}

function receive(event: ReceivedEvent, place: ErrorPlace): WorkOrder {
  const itemCode = requireText(place, 'itemCode', event.itemCode, {
    zh: '服务目录事项',
    en: 'the catalogue item',
  });
  const item = catalogueItem(itemCode);
  const channel = requireOneOf(place, 'channel', event.channel, WORK_ORDER_CHANNELS, {
    zh: '受理渠道',
    en: 'the channel it came in on',
  });
  const summary = requireText(place, 'summary', event.summary, {
    zh: '诉求内容',
    en: 'what the customer asks',
  });
  if (item.category === 'emergency' && event.safetyAdviceGiven !== true) {
    throw payloadMissing(place, 'safetyAdviceGiven', {
      zh: '接到泄漏报告应同时提示用户采取常规应对措施（G-6.2.13）',
      en: 'on a leak report the customer must be told at once what to do (G-6.2.13)',
    });
  }
  // G-7.1.10: a burner failing after a refill — the customer is told to stop using it while the call is taken.
  if (item.intakeAdvice && event.safetyAdviceGiven !== true) {
    throw payloadMissing(place, 'safetyAdviceGiven', {
      zh: `受理时应告知用户：${item.intakeAdvice.zh}`,
      en: `at intake the customer must be told: ${item.intakeAdvice.en}`,
    });
  }
  if (event.complaintCategory !== undefined && !isComplaintCategory(event.complaintCategory)) {
    throw payloadInvalid(place, 'complaintCategory', {
      zh: '不是 H-7.4.5 的投诉类别',
      en: 'not an H-7.4.5 category',
    });
  }
  const isComplaint = item.category === 'complaint';
  return {
    state: 'received',
    itemCode,
    category: item.category,
    channel,
    summary,
    ...(typeof event.customerId === 'string' && event.customerId !== ''
      ? { customerId: event.customerId }
      : {}),
    receivedAt: event.at,
    receivedBy: event.by,
    lastEventAt: event.at,
    eventCount: 1,
    dispatchCount: 0,
    returnCount: 0,
    redispatchCount: 0,
    supervisionCount: 0,
    // H-7.4.8: every complaint starts undecided, which counts as responsible.
    ...(isComplaint
      ? {
          complaint: {
            responsibility: 'undecided' as const,
            ...(event.complaintCategory ? { category: event.complaintCategory } : {}),
          },
        }
      : {}),
    flags: {
      safetyAdviceGiven: event.safetyAdviceGiven === true,
      signatureRefused: false,
      firstContactResolution: false,
      supervised: false,
    },
  };
}

function placeOf(current: WorkOrder | undefined, type: WorkOrderEventType): ErrorPlace {
  return {
    state: current?.state ?? 'none',
    stateLabel: current ? WORK_ORDER_STATE_LABELS[current.state] : NEW_ORDER_LABEL,
    event: type,
    eventLabel: WORK_ORDER_TRANSITIONS[type].label,
  };
}

function outOfOrder(place: ErrorPlace, at: Date, last: Date) {
  return domainError(
    WorkOrderErrorCodes.EVENT_OUT_OF_ORDER,
    `「${place.eventLabel.zh}」的时间 ${formatShanghai(at)} 早于工单上一个事件（${formatShanghai(last)}）；事件须按时间顺序追加。`,
    `"${place.eventLabel.en}" at ${formatShanghai(at)} is earlier than the order's last event (${formatShanghai(last)}); events are appended in time order.`,
    { state: place.state, event: place.event, at: at.toISOString(), lastEventAt: last.toISOString() },
  );
}
