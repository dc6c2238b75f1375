// The current order is always derived from its appended events (H-3.22: the order is the record of the whole
// run). Replay is a fold of applyWorkOrderEvent, so a stored log that was valid when written replays to the
// same order, and a log that breaks a rule fails loudly at the entry that breaks it.

import { DomainError, domainError, isDomainError } from '../errors.ts';
import { WorkOrderErrorCodes } from './errors.ts';
import type { WorkOrderLogEntry } from './events.ts';
import type { WorkOrder } from './order.ts';
import { applyWorkOrderEvent } from './transitions.ts';

/** The order after every entry of its log. Throws WORK_ORDER_EMPTY for an empty log. */
export function replayWorkOrder(entries: readonly WorkOrderLogEntry[]): WorkOrder {
  const history = workOrderHistory(entries);
  const last = history[history.length - 1];
  if (!last) {
    throw domainError(
      WorkOrderErrorCodes.WORK_ORDER_EMPTY,
      '工单没有任何事件，无法还原。',
      'A work order with no events cannot be replayed.',
    );
  }
  return last;
}

/** The order after each entry, in order: the timeline a detail page shows. */
export function workOrderHistory(entries: readonly WorkOrderLogEntry[]): WorkOrder[] {
  const history: WorkOrder[] = [];
  let order: WorkOrder | undefined;
  entries.forEach((entry, index) => {
    try {
      order = applyWorkOrderEvent(order, entry.event, entry.actorRole);
    } catch (error) {
      throw atEntry(error, index);
    }
    history.push(order);
  });
  return history;
}

/** The same error, saying which log entry broke the rule. */
function atEntry(error: unknown, index: number): unknown {
  if (!isDomainError(error)) return error;
  const details = typeof error.details === 'object' && error.details !== null ? error.details : {};
  return new DomainError(
    error.code,
    { zh: `第 ${index + 1} 个事件：${error.messages.zh}`, en: `Event ${index + 1}: ${error.messages.en}` },
    { ...details, index },
  );
}
