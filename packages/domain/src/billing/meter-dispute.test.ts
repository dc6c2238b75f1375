import { describe, expect, it } from 'vitest';
import { meterDisputeOutcome } from './meter-dispute.ts';
import type { UsagePeriod } from './meter-dispute.ts';
import { codeOf } from '../testing/support.ts';

/** 24 months of 30 m³ each, 2024-07 to 2026-06. */
const history: UsagePeriod[] = Array.from({ length: 24 }, (_, i) => {
  const start = new Date(Date.UTC(2024, 6 + i, 1));
  const end = new Date(Date.UTC(2024, 7 + i, 0));
  return {
    periodStart: start.toISOString().slice(0, 10),
    periodEnd: end.toISOString().slice(0, 10),
    volume: 30_000,
  };
});

describe('G-6.2.11 meter disputes', () => {
  it('G-6.2.11: within tolerance the applicant pays the test and nothing is compensated', () => {
    const r = meterDisputeOutcome({
      errorPercent: 1.5,
      tolerancePercent: 2,
      removedOn: '2026-06-30',
      installedOn: '2020-01-01',
      usageHistory: history,
      price: 300,
    });
    expect(r).toMatchObject({
      outOfTolerance: false,
      testPaidBy: 'applicant',
      replaceMeter: false,
      compensationFen: 0,
    });
    expect(r.explanation.en).toContain('the applicant pays the test');
  });

  it('G-6.2.11: a fast meter (+4%) → company pays the test and refunds the error of at most 1 year before removal', () => {
    const r = meterDisputeOutcome({
      errorPercent: 4,
      tolerancePercent: 2,
      removedOn: '2026-06-30',
      installedOn: '2020-01-01',
      usageHistory: history,
      price: 300,
    });
    expect(r.window).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(r.meteredInWindow).toBe(360_000);
    // 360 m³ metered = true × 1.04 → error 360 × 4/104 = 13.846 m³ → × ¥3.00 = ¥41.54
    expect(r).toMatchObject({
      outOfTolerance: true,
      testPaidBy: 'company',
      replaceMeter: true,
      compensationVolume: 13_846,
      compensationFen: 4154,
    });
    expect(r.explanation.en).toContain('the company refunds ¥41.54');
  });

  it('G-6.2.11: a slow meter (−5%) installed 3 months before removal → the customer owes for the time since installation only', () => {
    const r = meterDisputeOutcome({
      errorPercent: -5,
      tolerancePercent: 2,
      removedOn: '2026-06-30',
      installedOn: '2026-04-16',
      usageHistory: history,
      price: 300,
    });
    expect(r.window).toEqual({ from: '2026-04-16', to: '2026-06-30' });
    // April pro-rated 15/30 of 30 m³ = 15 m³, plus May and June: 75 m³; error 75 × −5/95 = −3.947 m³ → −¥11.84
    expect(r.meteredInWindow).toBe(75_000);
    expect(r).toMatchObject({ compensationVolume: -3947, compensationFen: -1184, testPaidBy: 'company' });
    expect(r.explanation.zh).toContain('自安装之日起');
    expect(r.explanation.zh).toContain('用户补交 ¥11.84');
  });

  it('refuses an error with more than two decimals', () => {
    expect(
      codeOf(() =>
        meterDisputeOutcome({
          errorPercent: 2.345,
          tolerancePercent: 2,
          removedOn: '2026-06-30',
          installedOn: '2020-01-01',
          usageHistory: [],
          price: 300,
        }),
      ),
    ).toBe('BILLING_METER_ERROR_INVALID');
  });
});
