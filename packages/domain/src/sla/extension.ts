// Extensions: a matter that cannot be solved within the limit is explained to the customer with a reason and
// a new date — before the limit runs out (G-5.7.4 gas complaints; H-7.3.6 heating faults; H-7.4.4 heating
// complaints). An extension asked for after the due is not an extension but a breach, and stays one.

import { type DomainError, DomainErrorCodes, domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import { assertInstant, formatDue } from '../time/shanghai.ts';

export interface ExtensionRequest {
  /** The due in force when the extension is asked for. */
  currentDue: Date;
  /** The new date told to the customer. */
  newDue: Date;
  /** Why the matter cannot be solved in time (G-5.7.4 "说明原因"). */
  reason: string;
  /** When the extension is made. */
  at: Date;
}

export interface Extension {
  previousDue: Date;
  due: Date;
  reason: string;
  at: Date;
  explanation: Messages;
}

/**
 * The reason an extension is not allowed, or undefined when it is. Checked in this order: made after the
 * due (EXTENSION_AFTER_DEADLINE), no reason (EXTENSION_REASON_REQUIRED), not later (EXTENSION_NOT_LATER).
 * "Before the due" includes the due instant itself: a period ends at 24:00, and acts up to then are in time.
 */
export function extensionProblem(request: ExtensionRequest): DomainError | undefined {
  const { currentDue, newDue, reason, at } = request;
  assertInstant(currentDue);
  assertInstant(newDue);
  assertInstant(at);
  const due = formatDue(currentDue);
  if (at.getTime() > currentDue.getTime()) {
    return domainError(
      DomainErrorCodes.EXTENSION_AFTER_DEADLINE,
      `时限已于 ${due} 届满，不能再延期；逾期记录保留。`,
      `The time limit expired at ${due}; it can no longer be extended, and the breach stays on record.`,
      { currentDue: currentDue.toISOString(), at: at.toISOString() },
    );
  }
  if (typeof reason !== 'string' || reason.trim() === '') {
    return domainError(
      DomainErrorCodes.EXTENSION_REASON_REQUIRED,
      '延期必须向用户说明原因。',
      'An extension must give the customer a reason.',
    );
  }
  if (newDue.getTime() <= currentDue.getTime()) {
    return domainError(
      DomainErrorCodes.EXTENSION_NOT_LATER,
      `新的解决时间 ${formatDue(newDue)} 必须晚于当前时限 ${due}。`,
      `The new date ${formatDue(newDue)} must be later than the current due ${due}.`,
      { currentDue: currentDue.toISOString(), newDue: newDue.toISOString() },
    );
  }
  return undefined;
}

/** Applies the extension rule; throws the DomainError from `extensionProblem` when it is not allowed. */
export function extendDeadline(request: ExtensionRequest): Extension {
  const problem = extensionProblem(request);
  if (problem) throw problem;
  const reason = request.reason.trim();
  return {
    previousDue: request.currentDue,
    due: request.newDue,
    reason,
    at: request.at,
    explanation: {
      zh: `时限由 ${formatDue(request.currentDue)} 延至 ${formatDue(request.newDue)}（北京时间），原因：${reason}。`,
      en: `Due moved from ${formatDue(request.currentDue)} to ${formatDue(request.newDue)} (Asia/Shanghai); reason: ${reason}.`,
    },
  };
}
