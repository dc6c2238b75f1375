// Account balance as a ledger: balance = charges − payments ± adjustments (positive = the customer owes).
// Events are appended, never edited; a correction is a new adjustment. Money in integer fen.

import { domainError } from '../errors.ts';
import { assertWhole, assertWholeNonNegative } from './units.ts';
import type { Fen } from './units.ts';

export type LedgerEvent =
  | { kind: 'charge'; amountFen: Fen; ref: string }
  | { kind: 'payment'; amountFen: Fen; ref: string }
  /** Signed: > 0 adds to what the customer owes, < 0 credits the customer (refund due, meter compensation …). */
  | { kind: 'adjustment'; amountFen: Fen; ref: string; reason: string };

export interface LedgerState {
  chargesFen: Fen;
  paymentsFen: Fen;
  adjustmentsFen: Fen;
  balanceFen: Fen;
  count: number;
}

export const EMPTY_LEDGER: LedgerState = {
  chargesFen: 0,
  paymentsFen: 0,
  adjustmentsFen: 0,
  balanceFen: 0,
  count: 0,
};

export function applyLedgerEvent(state: LedgerState, event: LedgerEvent): LedgerState {
  if (event.kind === 'adjustment') {
    assertWhole(event.amountFen, 'adjustment amount');
    if (event.reason.trim() === '') {
      throw domainError('BILLING_ADJUSTMENT_REASON', '调整须写明原因。', 'An adjustment needs a reason.', {
        ref: event.ref,
      });
    }
  } else {
    assertWholeNonNegative(event.amountFen, `${event.kind} amount`);
  }
  const next = {
    chargesFen: state.chargesFen + (event.kind === 'charge' ? event.amountFen : 0),
    paymentsFen: state.paymentsFen + (event.kind === 'payment' ? event.amountFen : 0),
    adjustmentsFen: state.adjustmentsFen + (event.kind === 'adjustment' ? event.amountFen : 0),
    count: state.count + 1,
  };
  // The balance moves by the event's own signed effect; the property test checks it equals the totals' formula.
  const delta = event.kind === 'payment' ? -event.amountFen : event.amountFen;
  return { ...next, balanceFen: state.balanceFen + delta };
}

export function ledgerBalance(events: readonly LedgerEvent[]): LedgerState {
  return events.reduce(applyLedgerEvent, EMPTY_LEDGER);
}
