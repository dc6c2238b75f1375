import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLedgerEvent, EMPTY_LEDGER, ledgerBalance } from './ledger.ts';
import type { LedgerEvent } from './ledger.ts';
import { codeOf } from '../testing/support.ts';

const event: fc.Arbitrary<LedgerEvent> = fc.oneof(
  fc.record({
    kind: fc.constant('charge' as const),
    amountFen: fc.integer({ min: 0, max: 10_000_000 }),
    ref: fc.string(),
  }),
  fc.record({
    kind: fc.constant('payment' as const),
    amountFen: fc.integer({ min: 0, max: 10_000_000 }),
    ref: fc.string(),
  }),
  fc.record({
    kind: fc.constant('adjustment' as const),
    amountFen: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    ref: fc.string(),
    reason: fc.constant('meter dispute G-6.2.11'),
  }),
);

describe('ledger', () => {
  it('invariant: balance = charges − payments + adjustments over any event sequence, and order does not matter', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const s = ledgerBalance(events);
        expect(s.balanceFen).toBe(s.chargesFen - s.paymentsFen + s.adjustmentsFen);
        expect(s.count).toBe(events.length);
        expect(ledgerBalance([...events].reverse()).balanceFen).toBe(s.balanceFen);
        expect(Number.isSafeInteger(s.balanceFen)).toBe(true);
      }),
    );
  });

  it('a bill of ¥97.80, a payment of ¥100.00 and a meter-dispute credit of ¥5.00 leave −¥7.20 (in credit)', () => {
    const s = ledgerBalance([
      { kind: 'charge', amountFen: 9780, ref: 'B1' },
      { kind: 'payment', amountFen: 10_000, ref: 'P1' },
      { kind: 'adjustment', amountFen: -500, ref: 'D1', reason: 'G-6.2.11' },
    ]);
    expect(s).toEqual({
      chargesFen: 9780,
      paymentsFen: 10_000,
      adjustmentsFen: -500,
      balanceFen: -720,
      count: 3,
    });
  });

  it('refuses fractional fen, negative payments and adjustments without a reason', () => {
    expect(codeOf(() => applyLedgerEvent(EMPTY_LEDGER, { kind: 'charge', amountFen: 0.5, ref: 'x' }))).toBe(
      'BILLING_AMOUNT_INVALID',
    );
    expect(codeOf(() => applyLedgerEvent(EMPTY_LEDGER, { kind: 'payment', amountFen: -1, ref: 'x' }))).toBe(
      'BILLING_AMOUNT_INVALID',
    );
    expect(
      codeOf(() =>
        applyLedgerEvent(EMPTY_LEDGER, { kind: 'adjustment', amountFen: 1, ref: 'x', reason: ' ' }),
      ),
    ).toBe('BILLING_ADJUSTMENT_REASON');
  });
});
