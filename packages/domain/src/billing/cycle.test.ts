import { describe, expect, it } from 'vitest';
import { cyclePeriod, noticeCycleOf, parseBillingMonth } from './cycle.ts';
import { codeOf } from '../testing/support.ts';

describe('G-6.2.3 settlement cycle', () => {
  it('G-6.2.3: a monthly run covers the first to the last day of the month, inclusive', () => {
    expect(parseBillingMonth('2026-02')).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
    expect(parseBillingMonth('2028-02')).toMatchObject({ from: '2028-02-01', to: '2028-02-29' });
    expect(cyclePeriod('2026-11', 'monthly')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('G-6.2.3: bimonthly, quarterly and annual contracts are billed only when their cycle closes', () => {
    expect(cyclePeriod('2026-11', 'bimonthly')).toBeNull();
    expect(cyclePeriod('2026-12', 'bimonthly')).toEqual({ from: '2026-11-01', to: '2026-12-31' });
    expect(cyclePeriod('2026-09', 'quarterly')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(cyclePeriod('2026-10', 'quarterly')).toBeNull();
    expect(cyclePeriod('2026-12', 'annual')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('G-6.2.3: prepaid and per-purchase contracts are not billed by notice', () => {
    expect(noticeCycleOf('per_purchase')).toBeNull();
    expect(noticeCycleOf('season')).toBeNull();
    expect(noticeCycleOf(undefined)).toBe('monthly');
    expect(noticeCycleOf('bimonthly')).toBe('bimonthly');
  });

  it('G-6.2.3: a period that is not a month is refused', () => {
    expect(codeOf(() => parseBillingMonth('2026-13'))).toBe('BILLING_PERIOD_INVALID');
    expect(codeOf(() => parseBillingMonth('2026-1'))).toBe('BILLING_PERIOD_INVALID');
  });
});
