// G-6.2.11: a disputed meter goes to the statutory test; the base meter's reading is the reference. In tolerance →
// the applicant pays the test. Out of tolerance → the company replaces the meter, pays the test, and whoever lost
// by the error is compensated for the error accumulated over at most 1 year before removal (or since installation
// if shorter). Sign convention: compensation > 0 = the company refunds the customer (the meter ran fast);
// < 0 = the customer owes the company (the meter ran slow).
// Error is read in hundredths of a percent (basis points) so no float reaches the money; the accumulated error
// volume is metered × e / (100% + e), since metered = true × (1 + e). Volumes in litres, money in fen.

import { domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import { addDays, assertDateString, daysBetween } from '../time/shanghai.ts';
import type { DateString } from '../time/shanghai.ts';
import { oneYearBefore } from './estimate.ts';
import { amountFen, assertWholeNonNegative, divRoundHalfUp, formatFen, formatM3 } from './units.ts';
import type { Fen, FenPerM3, Litres } from './units.ts';

export interface UsagePeriod {
  periodStart: DateString;
  periodEnd: DateString;
  /** Metered volume, litres. */
  volume: Litres;
}

export interface MeterDisputeOutcome {
  outOfTolerance: boolean;
  testPaidBy: 'company' | 'applicant';
  replaceMeter: boolean;
  /** Inclusive window of the accumulated error, when out of tolerance. */
  window?: { from: DateString; to: DateString };
  meteredInWindow: Litres;
  compensationVolume: Litres;
  compensationFen: Fen;
  explanation: Messages;
}

function toBasisPoints(percent: number, what: string): number {
  const bp = Math.round(percent * 100);
  if (!Number.isFinite(percent) || Math.abs(percent * 100 - bp) > 1e-6 || bp <= -10_000) {
    throw domainError(
      'BILLING_METER_ERROR_INVALID',
      `${what}须为至多两位小数的百分数，收到「${String(percent)}」。`,
      `${what} must be a percentage with at most two decimals; got "${String(percent)}".`,
      { what, percent },
    );
  }
  return bp;
}

export function meterDisputeOutcome(input: {
  errorPercent: number;
  tolerancePercent: number;
  removedOn: DateString;
  installedOn: DateString;
  usageHistory: readonly UsagePeriod[];
  price: FenPerM3;
}): MeterDisputeOutcome {
  const { removedOn, installedOn, usageHistory, price } = input;
  assertDateString(removedOn);
  assertDateString(installedOn);
  assertWholeNonNegative(price, 'price');
  const errorBp = toBasisPoints(input.errorPercent, 'errorPercent');
  const toleranceBp = Math.abs(toBasisPoints(input.tolerancePercent, 'tolerancePercent'));
  const shown = `${input.errorPercent}%`;
  if (Math.abs(errorBp) <= toleranceBp) {
    return {
      outOfTolerance: false,
      testPaidBy: 'applicant',
      replaceMeter: false,
      meteredInWindow: 0,
      compensationVolume: 0,
      compensationFen: 0,
      explanation: {
        zh: `检定误差 ${shown} 在允许误差 ±${input.tolerancePercent}% 内，检定费由申请方承担，不予补偿（G-6.2.11）。`,
        en: `Error ${shown} is within ±${input.tolerancePercent}%: the applicant pays the test; no compensation (G-6.2.11).`,
      },
    };
  }
  const yearBack = addDays(oneYearBefore(removedOn), 1);
  const from = installedOn > yearBack ? installedOn : yearBack;
  const to = removedOn;
  let metered = 0;
  for (const p of usageHistory) {
    assertDateString(p.periodStart);
    assertDateString(p.periodEnd);
    assertWholeNonNegative(p.volume, 'usage volume');
    const start = p.periodStart > from ? p.periodStart : from;
    const end = p.periodEnd < to ? p.periodEnd : to;
    if (end < start) continue;
    const overlap = daysBetween(start, end) + 1;
    const length = daysBetween(p.periodStart, p.periodEnd) + 1;
    metered += overlap === length ? p.volume : divRoundHalfUp(p.volume * overlap, length);
  }
  const compensationVolume = divRoundHalfUp(metered * errorBp, 10_000 + errorBp);
  const compensationFen = amountFen(compensationVolume, price);
  const who: Messages =
    compensationFen >= 0
      ? {
          zh: `表快，企业退还用户 ${formatFen(compensationFen)}`,
          en: `the meter ran fast: the company refunds ${formatFen(compensationFen)}`,
        }
      : {
          zh: `表慢，用户补交 ${formatFen(-compensationFen)}`,
          en: `the meter ran slow: the customer owes ${formatFen(-compensationFen)}`,
        };
  return {
    outOfTolerance: true,
    testPaidBy: 'company',
    replaceMeter: true,
    window: { from, to },
    meteredInWindow: metered,
    compensationVolume,
    compensationFen,
    explanation: {
      zh:
        `检定误差 ${shown} 超出 ±${input.tolerancePercent}%：企业更换燃气表并承担检定费；` +
        `按 ${from} 至 ${to}（拆表前至多1年${from === installedOn ? '，自安装之日起' : ''}）计量 ${formatM3(metered)}，` +
        `累计误差 ${formatM3(compensationVolume)}，${who.zh}（G-6.2.11）。`,
      en:
        `Error ${shown} is outside ±${input.tolerancePercent}%: the company replaces the meter and pays the test; ` +
        `${formatM3(metered)} metered ${from} to ${to} (at most 1 year before removal${from === installedOn ? ', since installation' : ''}), ` +
        `accumulated error ${formatM3(compensationVolume)}; ${who.en} (G-6.2.11).`,
    },
  };
}
