// Error codes the work-order rules raise (errors.ts lets each area add its own UPPER_SNAKE codes). Which HTTP
// status each maps to is decided only in the server's http/errors.ts table (docs/api.md).

import { type DomainError, domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';

export const WorkOrderErrorCodes = {
  CATALOGUE_ITEM_UNKNOWN: 'CATALOGUE_ITEM_UNKNOWN',
  CLOCK_NOT_CONFIGURABLE: 'CLOCK_NOT_CONFIGURABLE',
  EVENT_TYPE_UNKNOWN: 'EVENT_TYPE_UNKNOWN',
  EVENT_OUT_OF_ORDER: 'EVENT_OUT_OF_ORDER',
  WORK_ORDER_EMPTY: 'WORK_ORDER_EMPTY',
  TRANSITION_NOT_ALLOWED: 'TRANSITION_NOT_ALLOWED',
  ROLE_NOT_ALLOWED: 'ROLE_NOT_ALLOWED',
  PAYLOAD_MISSING: 'PAYLOAD_MISSING',
  PAYLOAD_INVALID: 'PAYLOAD_INVALID',
  COMPLAINT_CLOSE_BLOCKED: 'COMPLAINT_CLOSE_BLOCKED',
  COMPLAINT_EXPLANATION_MISSING: 'COMPLAINT_EXPLANATION_MISSING',
  COMPLAINT_HANDLING_INCOMPLETE: 'COMPLAINT_HANDLING_INCOMPLETE',
  COMPLAINT_RETURN_VISIT_MISSING: 'COMPLAINT_RETURN_VISIT_MISSING',
  COMPLAINT_NOT_SATISFIED: 'COMPLAINT_NOT_SATISFIED',
  RECEPTION_SCRIPT_INCOMPLETE: 'RECEPTION_SCRIPT_INCOMPLETE',
} as const;

export type WorkOrderErrorCode = (typeof WorkOrderErrorCodes)[keyof typeof WorkOrderErrorCodes];

/** Where the error happened, in both languages: 「已派单」状态下的「签收」 / "accept" in state "dispatched". */
export interface ErrorPlace {
  state: string;
  stateLabel: Messages;
  event: string;
  eventLabel: Messages;
}

export function transitionNotAllowed(
  place: ErrorPlace,
  allowedFrom: readonly string[],
  why?: Messages,
): DomainError {
  const reason = why ?? {
    zh: `只能在以下状态执行：${allowedFrom.join('、') || '—'}`,
    en: `it is allowed only from: ${allowedFrom.join(', ') || '—'}`,
  };
  return domainError(
    WorkOrderErrorCodes.TRANSITION_NOT_ALLOWED,
    `工单处于「${place.stateLabel.zh}」状态，不能执行「${place.eventLabel.zh}」：${reason.zh}。`,
    `A work order in state "${place.stateLabel.en}" cannot take "${place.eventLabel.en}": ${reason.en}.`,
    { state: place.state, event: place.event, allowedFrom: [...allowedFrom] },
  );
}

export function roleNotAllowed(
  place: ErrorPlace,
  role: string,
  roles: readonly string[],
  why?: Messages,
): DomainError {
  const reason = why ?? { zh: `允许的角色：${roles.join('、')}`, en: `allowed roles: ${roles.join(', ')}` };
  return domainError(
    WorkOrderErrorCodes.ROLE_NOT_ALLOWED,
    `角色 ${role} 不能在「${place.stateLabel.zh}」状态下执行「${place.eventLabel.zh}」；${reason.zh}。`,
    `Role ${role} may not take "${place.eventLabel.en}" in state "${place.stateLabel.en}"; ${reason.en}.`,
    { state: place.state, event: place.event, role, allowedRoles: [...roles] },
  );
}

export function payloadMissing(place: ErrorPlace, field: string, why: Messages): DomainError {
  return domainError(
    WorkOrderErrorCodes.PAYLOAD_MISSING,
    `「${place.eventLabel.zh}」（工单状态「${place.stateLabel.zh}」）缺少 ${field}：${why.zh}。`,
    `"${place.eventLabel.en}" (work order in state "${place.stateLabel.en}") needs ${field}: ${why.en}.`,
    { state: place.state, event: place.event, field },
  );
}

export function payloadInvalid(place: ErrorPlace, field: string, why: Messages): DomainError {
  return domainError(
    WorkOrderErrorCodes.PAYLOAD_INVALID,
    `「${place.eventLabel.zh}」（工单状态「${place.stateLabel.zh}」）的 ${field} 无效：${why.zh}。`,
    `"${place.eventLabel.en}" (work order in state "${place.stateLabel.en}") has an invalid ${field}: ${why.en}.`,
    { state: place.state, event: place.event, field },
  );
}
