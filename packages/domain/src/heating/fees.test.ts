import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  disputedDaysFee,
  lowTemperatureOutcome,
  heatMeterTestOutcome,
  refundDeadline,
} from './fees.ts';

describe('H-7.2.4 disputed-days fee', () => {
  it('area fee ÷ legal days × disputed days, in fen', () => {
    expect(disputedDaysFee({ areaSeasonFeeFen: 240_000, legalHeatingDays: 120, disputedDays: 30 })).toBe(
      60_000,
    );
    expect(disputedDaysFee({ areaSeasonFeeFen: 240_000, legalHeatingDays: 120, disputedDays: 0 })).toBe(0);
    expect(disputedDaysFee({ areaSeasonFeeFen: 240_000, legalHeatingDays: 120, disputedDays: 120 })).toBe(
      240_000,
    );
  });
  it('rounds half up to the fen, once', () => {
    // 100 × 1 / 8 = 12.5 → 13; 100 × 1 / 3 = 33.33 → 33; 200 × 1 / 3 = 66.67 → 67
    expect(disputedDaysFee({ areaSeasonFeeFen: 100, legalHeatingDays: 8, disputedDays: 1 })).toBe(13);
    expect(disputedDaysFee({ areaSeasonFeeFen: 100, legalHeatingDays: 3, disputedDays: 1 })).toBe(33);
    expect(disputedDaysFee({ areaSeasonFeeFen: 200, legalHeatingDays: 3, disputedDays: 1 })).toBe(67);
  });
  it('rejects fractional fen and disputed days beyond the season', () => {
    expect(() =>
      disputedDaysFee({ areaSeasonFeeFen: 1.5, legalHeatingDays: 120, disputedDays: 1 }),
    ).toThrowError(/fen/);
    expect(() =>
      disputedDaysFee({ areaSeasonFeeFen: 100, legalHeatingDays: 120, disputedDays: 121 }),
    ).toThrowError(/0–120/);
  });
  it('property: integer, monotone in days, never above the season fee', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.nat(),
        (fee, legal, d) => {
          const days = d % (legal + 1);
          const v = disputedDaysFee({ areaSeasonFeeFen: fee, legalHeatingDays: legal, disputedDays: days });
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeLessThanOrEqual(fee);
          if (days < legal) {
            expect(
              disputedDaysFee({ areaSeasonFeeFen: fee, legalHeatingDays: legal, disputedDays: days + 1 }),
            ).toBeGreaterThanOrEqual(v);
          }
        },
      ),
    );
  });
});

describe('H-7.2.4 heat-meter test: who pays', () => {
  it('company disputes → company pays, whatever the result', () => {
    expect(heatMeterTestOutcome({ disputedBy: 'company', result: 'passed' })).toMatchObject({
      testPaidBy: 'company',
      billing: 'meter',
    });
    expect(heatMeterTestOutcome({ disputedBy: 'company', result: 'failed' })).toMatchObject({
      testPaidBy: 'company',
      billing: 'area',
    });
  });
  it('customer disputes → customer pays if the meter passes, company if it fails', () => {
    expect(heatMeterTestOutcome({ disputedBy: 'customer', result: 'passed' })).toMatchObject({
      testPaidBy: 'customer',
      billing: 'meter',
    });
    expect(heatMeterTestOutcome({ disputedBy: 'customer', result: 'failed' })).toMatchObject({
      testPaidBy: 'company',
      billing: 'area',
    });
  });
});

describe('H-7.2.3 low-temperature complaint outcome', () => {
  it('disputed and passes → customer pays the test', () => {
    expect(lowTemperatureOutcome({ result: 'passed', disputedByCustomer: true })).toMatchObject({
      testPaidBy: 'customer',
      feeReduced: false,
      repairBy: null,
    });
    expect(lowTemperatureOutcome({ result: 'passed', disputedByCustomer: false }).testPaidBy).toBe('company');
  });
  it('company facility → company repairs, pays the test, fee reduced', () => {
    expect(
      lowTemperatureOutcome({ result: 'failed', disputedByCustomer: true, cause: 'company_facility' }),
    ).toMatchObject({ testPaidBy: 'company', repairBy: 'company', feeReduced: true });
  });
  it('customer facility → customer fixes and pays, no reduction', () => {
    expect(
      lowTemperatureOutcome({ result: 'failed', disputedByCustomer: false, cause: 'customer_facility' }),
    ).toMatchObject({ testPaidBy: 'customer', repairBy: 'customer', feeReduced: false });
  });
  it('un-retrofitted building public facility → owner fixes, no reduction', () => {
    expect(
      lowTemperatureOutcome({
        result: 'failed',
        disputedByCustomer: false,
        cause: 'unretrofitted_public_facility',
      }),
    ).toMatchObject({ repairBy: 'owner', feeReduced: false });
  });
  it('a failed result without a cause is refused', () => {
    expect(() => lowTemperatureOutcome({ result: 'failed', disputedByCustomer: false })).toThrowError(
      /cause/,
    );
  });
});

describe('H-5.5 refund deadline: no later than 2 months after the season ends', () => {
  it('15 Mar → 15 May', () => {
    expect(refundDeadline('2026-03-15')).toEqual({
      latest: '2026-05-15',
      due: '2026-05-15',
      committedTooLate: false,
    });
  });
  it('clamps to the end of a shorter month, leap years included', () => {
    expect(addCalendarMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(addCalendarMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addCalendarMonths('2026-11-30', 2)).toBe('2027-01-30');
  });
  it('an earlier committed date is the due date; a later one is flagged and capped', () => {
    expect(refundDeadline('2026-03-15', '2026-04-30')).toEqual({
      latest: '2026-05-15',
      due: '2026-04-30',
      committedTooLate: false,
    });
    expect(refundDeadline('2026-03-15', '2026-05-15').committedTooLate).toBe(false);
    expect(refundDeadline('2026-03-15', '2026-05-16')).toEqual({
      latest: '2026-05-15',
      due: '2026-05-15',
      committedTooLate: true,
    });
  });
  it('rejects an invalid date', () => {
    expect(() => refundDeadline('2026-02-30')).toThrowError(/Invalid date/);
  });
});
