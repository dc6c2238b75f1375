import { describe, expect, it } from 'vitest';
import { estimateMonthlyUsage, inPastTwelveMonths, oneYearBefore, settleAgainstActual } from './estimate.ts';
import type { MonthlyUsage } from './estimate.ts';
import { codeOf } from '../testing/support.ts';

const a = (periodEnd: string, volume: number): MonthlyUsage => ({ periodEnd, volume, kind: 'actual' });
const e = (periodEnd: string, volume: number): MonthlyUsage => ({ periodEnd, volume, kind: 'estimated' });

describe('G-6.2.5 monthly estimate', () => {
  it('G-6.2.5: the cap is the highest actual month of the past twelve, the same month of last year included', () => {
    const history = [
      a('2024-12-31', 90_000), // 13 months back: outside the past twelve
      a('2025-01-31', 60_000), // the same month of last year: the oldest of the twelve
      a('2025-10-31', 20_000),
      a('2025-11-30', 45_000),
      a('2025-12-31', 50_000),
    ];
    const r = estimateMonthlyUsage({
      history,
      periodEnd: '2026-01-31',
      method: { kind: 'fixed', volume: 70_000 },
    });
    // Hand count: months 2025-01 … 2025-12 are the twelve; their highest actual is 60 m³ (2025-01) → 70 capped to 60.
    expect(r).toMatchObject({ volume: 60_000, capped: true, uncappedVolume: 70_000 });
    expect(r.highestActual).toEqual({ periodEnd: '2025-01-31', volume: 60_000 });
    expect(r.basis.en).toContain('capped at 60.000 m³ (G-6.2.5)');
    expect(r.basis.zh).toContain('近一年最高实抄月用量 60.000 m³');
  });

  it('G-6.2.5: a February ending on the 29th is the same month of last year for a February ending on the 28th', () => {
    const r = estimateMonthlyUsage({
      history: [a('2028-02-29', 40_000), a('2028-12-31', 10_000)],
      periodEnd: '2029-02-28',
      method: { kind: 'fixed', volume: 50_000 },
    });
    expect(r).toMatchObject({ volume: 40_000, capped: true });
    expect(inPastTwelveMonths('2028-01-31', '2029-02-28')).toBe(false);
    expect(inPastTwelveMonths('2029-01-31', '2029-02-28')).toBe(true);
  });

  it('G-6.2.5: estimated months never raise the cap; only actual months count', () => {
    const history = [a('2025-11-30', 30_000), e('2025-12-31', 90_000)];
    const r = estimateMonthlyUsage({
      history,
      periodEnd: '2026-01-31',
      method: { kind: 'fixed', volume: 40_000 },
    });
    expect(r.volume).toBe(30_000);
    expect(r.capped).toBe(true);
  });

  it('G-6.2.5: the mean of the latest 3 actual months, half-up, when below the cap', () => {
    const history = [
      a('2025-09-30', 10_000),
      a('2025-10-31', 10_001),
      a('2025-11-30', 10_000),
      a('2025-12-31', 10_000),
    ];
    const r = estimateMonthlyUsage({
      history,
      periodEnd: '2026-01-31',
      method: { kind: 'average_of_recent_actuals' },
    });
    expect(r).toMatchObject({ volume: 10_000, capped: false });
    expect(r.basis.en).toContain('mean of the latest 3 actual month(s)');
  });

  it('G-6.2.5: same month last year is used, and a month that is not one of the twelve is capped', () => {
    const history = [a('2025-01-31', 80_000), a('2025-12-31', 55_000)];
    const r = estimateMonthlyUsage({
      history,
      periodEnd: '2026-01-31',
      method: { kind: 'same_month_last_year' },
    });
    // 2025-01 is the oldest of the twelve months before 2026-01: it is the cap too, so nothing is lowered.
    expect(r).toMatchObject({ volume: 80_000, capped: false, uncappedVolume: 80_000 });
    // A fixed figure above it is still capped at it.
    const fixed = estimateMonthlyUsage({
      history,
      periodEnd: '2026-01-31',
      method: { kind: 'fixed', volume: 99_000 },
    });
    expect(fixed).toMatchObject({ volume: 80_000, capped: true });
  });

  it('G-6.2.5: no actual month in the past year → refused, the cap cannot be known', () => {
    const code = codeOf(() =>
      estimateMonthlyUsage({
        history: [e('2025-12-31', 1)],
        periodEnd: '2026-01-31',
        method: { kind: 'fixed', volume: 1 },
      }),
    );
    expect(code).toBe('BILLING_ESTIMATE_NO_ACTUAL');
  });

  it('volumes must be whole litres', () => {
    const code = codeOf(() =>
      estimateMonthlyUsage({
        history: [a('2025-12-31', 1.5)],
        periodEnd: '2026-01-31',
        method: { kind: 'fixed', volume: 1 },
      }),
    );
    expect(code).toBe('BILLING_AMOUNT_INVALID');
  });

  it('oneYearBefore maps 02-29 to 02-28', () => {
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
    expect(oneYearBefore('2026-01-31')).toBe('2025-01-31');
  });
});

describe('G-6.2.5 settling estimates against the next actual reading (多退少补)', () => {
  it('G-6.2.5: actual above the estimates → collect the difference, nothing to correct', () => {
    const s = settleAgainstActual(
      [
        { readOn: '2026-01-31', index: 1_020_000, billId: 'B1' },
        { readOn: '2026-02-28', index: 1_040_000, billId: 'B2' },
      ],
      { readOn: '2026-03-31', index: 1_065_000 },
    );
    expect(s).toMatchObject({
      volumeDifference: 25_000,
      direction: 'collect',
      billsToCorrect: [],
      correctionRequired: false,
    });
  });

  it('G-6.2.5: actual below the estimates → refund, and each bill built on an estimate above it is corrected by a new document', () => {
    const s = settleAgainstActual(
      [
        { readOn: '2026-02-28', index: 1_040_000, billId: 'B2' },
        { readOn: '2026-01-31', index: 1_020_000, billId: 'B1' },
      ],
      { readOn: '2026-03-31', index: 1_030_000 },
    );
    expect(s).toMatchObject({
      volumeDifference: -10_000,
      direction: 'refund',
      billsToCorrect: ['B2'],
      correctionRequired: true,
    });
    expect(s.explanation.en).toContain('correct them by a new document (never edit)');
  });

  it('an estimate dated after the actual reading is refused; no estimates → nothing to settle', () => {
    expect(
      codeOf(() =>
        settleAgainstActual([{ readOn: '2026-04-01', index: 1 }], { readOn: '2026-03-31', index: 2 }),
      ),
    ).toBe('BILLING_SETTLEMENT_ORDER');
    expect(settleAgainstActual([], { readOn: '2026-03-31', index: 2 }).direction).toBe('none');
  });
});
