// G-8.1.2: a dispenser's metering is verified as the metrology rules require. Each verification record carries its
// certificate's validity; the register shows the due date, and the state a dispenser is in decides whether a fill
// may be logged on it and whether an alert is raised. Pure: today is an argument.

import type { DateString } from '../time/shanghai.ts';
import { daysBetween } from '../time/shanghai.ts';
import { VEHICLE_GAS_RULES } from './rules.ts';

export type VerificationState = 'never' | 'failed' | 'overdue' | 'due_soon' | 'valid';

export interface VerificationFacts {
  /** The latest verification record, or null when none was ever recorded. */
  last: { verifiedOn: DateString; passed: boolean; validUntil: DateString } | null;
}

export interface VerificationStatus {
  state: VerificationState;
  dueOn: DateString | null;
  daysLeft: number | null;
  /** May fills be logged on this dispenser today. */
  usable: boolean;
}

export function verificationStatus(
  facts: VerificationFacts,
  today: DateString,
  alertDays: number = VEHICLE_GAS_RULES.verificationAlertDays,
): VerificationStatus {
  if (!facts.last) return { state: 'never', dueOn: null, daysLeft: null, usable: false };
  const { passed, validUntil } = facts.last;
  if (!passed) return { state: 'failed', dueOn: validUntil, daysLeft: null, usable: false };
  const daysLeft = daysBetween(today, validUntil);
  if (validUntil < today) return { state: 'overdue', dueOn: validUntil, daysLeft, usable: false };
  if (daysLeft <= alertDays) return { state: 'due_soon', dueOn: validUntil, daysLeft, usable: true };
  return { state: 'valid', dueOn: validUntil, daysLeft, usable: true };
}

/** Same day `months` later, clamped to the month's end (31 Aug + 6 months → 28/29 Feb). */
export function addMonthsToDate(date: DateString, months: number): DateString {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (mo - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
