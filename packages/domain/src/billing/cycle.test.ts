import { describe, expect, it } from 'vitest';
import { assertBillingMonthEnded, cyclePeriod, noticeCycleOf, parseBillingMonth } from './cycle.ts';
import type { DomainError } from '../errors.ts';
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

  it("a month outside the platform's range is refused for its date, not its format", () => {
    expect(codeOf(() => parseBillingMonth('1999-01'))).toBe('BILLING_PERIOD_OUT_OF_RANGE');
    expect(codeOf(() => parseBillingMonth('2101-01'))).toBe('BILLING_PERIOD_OUT_OF_RANGE');
    try {
      parseBillingMonth('1999-01');
    } catch (e) {
      expect((e as DomainError).messages.en).toContain('before 2000-01');
      expect((e as DomainError).messages.en).not.toContain('YYYY-MM');
    }
  });
});

describe('G-6.2.3, G-6.2.5: a month is billed once it has ended (Beijing time)', () => {
  it('refuses the current month and later ones, naming the day billing opens', () => {
    const now = new Date('2026-12-05T02:00:00Z');
    expect(codeOf(() => assertBillingMonthEnded('2027-02', now))).toBe('BILLING_PERIOD_NOT_ENDED');
    expect(codeOf(() => assertBillingMonthEnded('2026-12', now))).toBe('BILLING_PERIOD_NOT_ENDED');
    try {
      assertBillingMonthEnded('2026-12', now);
    } catch (e) {
      expect((e as DomainError).details).toMatchObject({ today: '2026-12-05', billableFrom: '2027-01-01' });
    }
    expect(assertBillingMonthEnded('2026-11', now)).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('the month ends at midnight in Beijing, not in UTC', () => {
    // 2026-12-31 23:30 in Beijing is still December; 2027-01-01 00:10 in Beijing is 16:10 UTC on the 31st.
    expect(codeOf(() => assertBillingMonthEnded('2026-12', new Date('2026-12-31T15:30:00Z')))).toBe(
      'BILLING_PERIOD_NOT_ENDED',
    );
    expect(assertBillingMonthEnded('2026-12', new Date('2026-12-31T16:10:00Z')).period).toBe('2026-12');
  });
});
