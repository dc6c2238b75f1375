// Heating fees and who pays (H-7.2.3, H-7.2.4) and the refund deadline (H-5.5). Money is integer fen.

import { domainError, type Messages } from '../errors.ts';
import { assertDateString, type DateString } from '../time/shanghai.ts';

/**
 * H-7.2.4: fee for the disputed days = area-based season fee ÷ legal heating days × disputed days.
 * Computed exactly (BigInt) and rounded once, half up to the fen (四舍五入), so 0.5 fen goes to 1 fen.
 */
export function disputedDaysFee(input: {
  areaSeasonFeeFen: number;
  legalHeatingDays: number;
  disputedDays: number;
}): number {
  const { areaSeasonFeeFen, legalHeatingDays, disputedDays } = input;
  if (!Number.isSafeInteger(areaSeasonFeeFen) || areaSeasonFeeFen < 0) {
    throw feeInvalid(
      'areaSeasonFeeFen',
      areaSeasonFeeFen,
      '非负整数（分）',
      'a non-negative integer number of fen',
    );
  }
  if (!Number.isInteger(legalHeatingDays) || legalHeatingDays < 1) {
    throw feeInvalid('legalHeatingDays', legalHeatingDays, '正整数', 'a positive integer');
  }
  if (!Number.isInteger(disputedDays) || disputedDays < 0 || disputedDays > legalHeatingDays) {
    throw feeInvalid(
      'disputedDays',
      disputedDays,
      `0–${legalHeatingDays} 的整数`,
      `an integer 0–${legalHeatingDays}`,
    );
  }
  const numerator = BigInt(areaSeasonFeeFen) * BigInt(disputedDays);
  const days = BigInt(legalHeatingDays);
  return Number((numerator * 2n + days) / (days * 2n));
}

export type Party = 'company' | 'customer';
export type MeterTestResult = 'passed' | 'failed';

export interface HeatMeterTestOutcome {
  testPaidBy: Party;
  /** A failed (faulty) meter bills the disputed period by area (H-7.2.4). */
  billing: 'meter' | 'area';
  reason: Messages;
}

/**
 * H-7.2.4: a company dispute → the company pays the test; a customer dispute → the customer pays if the meter
 * passes, the company if it fails. A meter that fails the test is faulty: the account is billed by area.
 */
export function heatMeterTestOutcome(input: {
  disputedBy: Party;
  result: MeterTestResult;
}): HeatMeterTestOutcome {
  const billing = input.result === 'failed' ? 'area' : 'meter';
  if (input.disputedBy === 'company') {
    return {
      testPaidBy: 'company',
      billing,
      reason: {
        zh: 'H-7.2.4：供热企业提出异议，检测费由企业承担',
        en: 'H-7.2.4: the company disputed, so it pays the test',
      },
    };
  }
  return input.result === 'passed'
    ? {
        testPaidBy: 'customer',
        billing,
        reason: {
          zh: 'H-7.2.4：用户提出异议且热表合格，检测费由用户承担',
          en: 'H-7.2.4: the customer disputed and the meter passed, so the customer pays the test',
        },
      }
    : {
        testPaidBy: 'company',
        billing,
        reason: {
          zh: 'H-7.2.4：用户提出异议且热表不合格，检测费由企业承担，按面积计费',
          en: 'H-7.2.4: the customer disputed and the meter failed, so the company pays the test and the account is billed by area',
        },
      };
}

export type LowTemperatureCause = 'company_facility' | 'customer_facility' | 'unretrofitted_public_facility';

export interface LowTemperatureOutcome {
  /** 'unspecified' where H-7.2.3 does not say (un-retrofitted public facility): settle by contract or local rule. */
  testPaidBy: Party | 'unspecified';
  repairBy: Party | 'owner' | null;
  feeReduced: boolean;
  reason: Messages;
}

/**
 * H-7.2.3: outcome of a low-temperature complaint. `passed` means the room met the standard.
 * Passed: the customer pays a third-party test they disputed; otherwise the company's own measurement is free.
 * Failed: the cause decides (company facility → company repairs, pays the test, fee reduced; customer facility →
 * customer fixes and pays, no reduction; un-retrofitted building public facility → owner fixes, no reduction).
 */
export function lowTemperatureOutcome(input: {
  result: 'passed' | 'failed';
  disputedByCustomer: boolean;
  cause?: LowTemperatureCause;
}): LowTemperatureOutcome {
  if (input.result === 'passed') {
    return input.disputedByCustomer
      ? {
          testPaidBy: 'customer',
          repairBy: null,
          feeReduced: false,
          reason: {
            zh: 'H-7.2.3：用户有异议，第三方检测合格，检测费由用户承担',
            en: 'H-7.2.3: the customer disputed and the third-party test passed, so the customer pays the test',
          },
        }
      : {
          testPaidBy: 'company',
          repairBy: null,
          feeReduced: false,
          reason: { zh: 'H-7.2.3：室温合格', en: 'H-7.2.3: the room temperature met the standard' },
        };
  }
  switch (input.cause) {
    case 'company_facility':
      return {
        testPaidBy: 'company',
        repairBy: 'company',
        feeReduced: true,
        reason: {
          zh: 'H-7.2.3：企业设施原因，企业维修、承担检测费并减收热费',
          en: 'H-7.2.3: company facility; the company repairs, pays the test and reduces the fee',
        },
      };
    case 'customer_facility':
      return {
        testPaidBy: 'customer',
        repairBy: 'customer',
        feeReduced: false,
        reason: {
          zh: 'H-7.2.3：用户设施原因，用户自行维修并承担费用，不减收',
          en: 'H-7.2.3: customer facility; the customer fixes it and pays, no reduction',
        },
      };
    case 'unretrofitted_public_facility':
      return {
        testPaidBy: 'unspecified',
        repairBy: 'owner',
        feeReduced: false,
        reason: {
          zh: 'H-7.2.3：未改造建筑公共设施原因，由产权人维修，不减收',
          en: 'H-7.2.3: public facility of an un-retrofitted building; the owner fixes it, no reduction',
        },
      };
    default:
      throw domainError(
        'LOW_TEMPERATURE_CAUSE_REQUIRED',
        '室温不合格时须查明原因（企业设施、用户设施或未改造建筑公共设施）。',
        'A failed room temperature needs a cause (company facility, customer facility or un-retrofitted public facility).',
      );
  }
}

/**
 * `date` plus whole calendar months; a day that does not exist in the target month clamps to its last day
 * (12-31 + 2 months → 02-28, or 02-29 in a leap year).
 */
export function addCalendarMonths(date: DateString, months: number): DateString {
  assertDateString(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface RefundDeadline {
  /** H-5.5: the latest allowed day (inclusive): season end + 2 calendar months, clamped. */
  latest: DateString;
  /** The committed date when it is not later than `latest`, else `latest`. */
  due: DateString;
  committedTooLate: boolean;
}

/** H-5.5: a refund is due before the committed date and no later than 2 months after the season ends. */
export function refundDeadline(seasonEnd: DateString, committedDate?: DateString): RefundDeadline {
  const latest = addCalendarMonths(seasonEnd, 2);
  if (committedDate === undefined) return { latest, due: latest, committedTooLate: false };
  assertDateString(committedDate);
  const tooLate = committedDate > latest;
  return { latest, due: tooLate ? latest : committedDate, committedTooLate: tooLate };
}

function feeInvalid(field: string, value: unknown, zh: string, en: string) {
  return domainError(
    'HEATING_FEE_INPUT_INVALID',
    `${field} 应为${zh}，收到「${String(value)}」。`,
    `${field} must be ${en}, got "${String(value)}".`,
    { field },
  );
}
