// Configurable heating rules (H-7.2.2, H-7.1.7): early-payment reward, the fee of a suspended household, the
// reminder schedule and when overdue heating may be stopped. The standard gives no numbers for any of them, so
// they are data of each enterprise; DEMO_HEATING_RULES are example values, labelled so wherever shown.

import { domainError, type Messages } from '../errors.ts';
import { divRoundHalfUp } from '../billing/units.ts';
import { addDays, assertDateString, daysBetween, type DateString } from '../time/shanghai.ts';

export interface HeatingRules {
  /** H-7.2.2 宜给予相应鼓励: paid in full `payByDaysBeforeDue` days before the due date → reward (basis points). */
  earlyPayment: { enabled: boolean; payByDaysBeforeDue: number; rewardBps: number; capFen: number | null };
  /** H-7.1.7 / H-7.1.6: a suspension accepted at least `acceptedBeforeDaysOfStart` days before the season start pays
   * `bpsOfAreaFee` of the area-based season fee (the base charge for a suspended household). */
  suspendedFee: { bpsOfAreaFee: number; acceptedBeforeDaysOfStart: number };
  /** H-7.2.2 提醒或重复提醒: reminders on these days after the due date, then every `repeatEveryDays`. */
  reminders: { daysAfterDue: number[]; repeatEveryDays: number | null; maxReminders: number };
  /** H-7.2.2 可实施停止供热或按合同约定处理: only if the contract allows it. */
  stopHeating: { contractAllows: boolean; minOverdueDays: number; minReminders: number };
}

export const DEMO_HEATING_RULES: HeatingRules = {
  earlyPayment: { enabled: true, payByDaysBeforeDue: 15, rewardBps: 200, capFen: 20_000 },
  suspendedFee: { bpsOfAreaFee: 3000, acceptedBeforeDaysOfStart: 0 },
  reminders: { daysAfterDue: [1, 7], repeatEveryDays: 15, maxReminders: 5 },
  stopHeating: { contractAllows: false, minOverdueDays: 30, minReminders: 2 },
};

export function assertHeatingRules(rules: HeatingRules): void {
  const whole = (value: number, field: string, max = Number.MAX_SAFE_INTEGER) => {
    if (!Number.isSafeInteger(value) || value < 0 || value > max) {
      throw domainError(
        'HEATING_RULES_INVALID',
        `规则字段 ${field} 应为 0–${max} 的整数，收到「${String(value)}」。`,
        `Rule field ${field} must be a whole number 0–${max}, got "${String(value)}".`,
        { field },
      );
    }
  };
  whole(rules.earlyPayment.payByDaysBeforeDue, 'earlyPayment.payByDaysBeforeDue', 366);
  whole(rules.earlyPayment.rewardBps, 'earlyPayment.rewardBps', 10_000);
  if (rules.earlyPayment.capFen !== null) whole(rules.earlyPayment.capFen, 'earlyPayment.capFen');
  whole(rules.suspendedFee.bpsOfAreaFee, 'suspendedFee.bpsOfAreaFee', 10_000);
  whole(rules.suspendedFee.acceptedBeforeDaysOfStart, 'suspendedFee.acceptedBeforeDaysOfStart', 366);
  rules.reminders.daysAfterDue.forEach((d, i) => whole(d, `reminders.daysAfterDue[${i}]`, 366));
  if (rules.reminders.repeatEveryDays !== null)
    whole(rules.reminders.repeatEveryDays, 'reminders.repeatEveryDays', 366);
  whole(rules.reminders.maxReminders, 'reminders.maxReminders', 50);
  whole(rules.stopHeating.minOverdueDays, 'stopHeating.minOverdueDays', 366);
  whole(rules.stopHeating.minReminders, 'stopHeating.minReminders', 50);
}

/** The last day a full payment earns the reward, or null when the rule is off. */
export function earlyPaymentDeadline(rules: HeatingRules, dueOn: DateString): DateString | null {
  if (!rules.earlyPayment.enabled) return null;
  return addDays(dueOn, -rules.earlyPayment.payByDaysBeforeDue);
}

/** H-7.2.2: the reward (fen) for a bill paid in full on `paidInFullOn`; 0 when late, unpaid or the rule is off. */
export function earlyPaymentReward(
  rules: HeatingRules,
  input: { billFen: number; dueOn: DateString; paidInFullOn: DateString | null },
): number {
  const deadline = earlyPaymentDeadline(rules, input.dueOn);
  if (!deadline || !input.paidInFullOn) return 0;
  assertDateString(input.paidInFullOn);
  if (input.paidInFullOn > deadline) return 0;
  const reward = divRoundHalfUp(input.billFen * rules.earlyPayment.rewardBps, 10_000);
  return rules.earlyPayment.capFen === null ? reward : Math.min(reward, rules.earlyPayment.capFen);
}

/**
 * H-7.1.7: a suspension accepted in time before the season makes the season bill the suspended fee (a share of the
 * area-based fee); accepted later, the household pays the full season.
 */
export function suspendedSeasonFee(
  rules: HeatingRules,
  input: { areaSeasonFeeFen: number; acceptedOn: DateString; seasonStartsOn: DateString },
): { applies: boolean; amountFen: number; lastAcceptDay: DateString } {
  const lastAcceptDay = addDays(input.seasonStartsOn, -rules.suspendedFee.acceptedBeforeDaysOfStart);
  assertDateString(input.acceptedOn);
  if (input.acceptedOn > lastAcceptDay)
    return { applies: false, amountFen: input.areaSeasonFeeFen, lastAcceptDay };
  return {
    applies: true,
    amountFen: divRoundHalfUp(input.areaSeasonFeeFen * rules.suspendedFee.bpsOfAreaFee, 10_000),
    lastAcceptDay,
  };
}

/** H-7.2.2: the dates of the 1st, 2nd, … reminder of a bill due on `dueOn`, up to `maxReminders`. */
export function reminderDates(rules: HeatingRules, dueOn: DateString): DateString[] {
  assertDateString(dueOn);
  const { daysAfterDue, repeatEveryDays, maxReminders } = rules.reminders;
  const offsets = [...new Set(daysAfterDue)].sort((a, b) => a - b).slice(0, maxReminders);
  let last = offsets.at(-1) ?? 0;
  while (repeatEveryDays && offsets.length < maxReminders) {
    last += repeatEveryDays;
    offsets.push(last);
  }
  return offsets.map((days) => addDays(dueOn, days));
}

/** The reminder numbers (1-based) whose date has come by `today`: each is sent once (dedupe key per number). */
export function remindersDue(rules: HeatingRules, dueOn: DateString, today: DateString): number[] {
  return reminderDates(rules, dueOn)
    .map((date, i) => ({ date, n: i + 1 }))
    .filter((r) => r.date <= today)
    .map((r) => r.n);
}

export interface StopHeatingDecision {
  allowed: boolean;
  reason: Messages;
}

/** H-7.2.2: overdue heating may be stopped only as the contract allows, after the reminders the rule asks for. */
export function stopHeatingDecision(
  rules: HeatingRules,
  input: { dueOn: DateString; today: DateString; outstandingFen: number; remindersSent: number },
): StopHeatingDecision {
  const overdueDays = Math.max(0, daysBetween(input.dueOn, input.today));
  const { contractAllows, minOverdueDays, minReminders } = rules.stopHeating;
  if (input.outstandingFen <= 0) {
    return { allowed: false, reason: { zh: '无欠费', en: 'Nothing is owed' } };
  }
  if (!contractAllows) {
    return {
      allowed: false,
      reason: {
        zh: 'H-7.2.2：合同未约定欠费停热，只能按合同约定处理',
        en: 'H-7.2.2: the contract does not allow stopping heat for arrears; settle as the contract says',
      },
    };
  }
  if (overdueDays < minOverdueDays || input.remindersSent < minReminders) {
    return {
      allowed: false,
      reason: {
        zh: `H-7.2.2：逾期 ${overdueDays} 天、已提醒 ${input.remindersSent} 次，未达 ${minOverdueDays} 天且 ${minReminders} 次提醒`,
        en: `H-7.2.2: ${overdueDays} days overdue and ${input.remindersSent} reminders; needs ${minOverdueDays} days and ${minReminders} reminders`,
      },
    };
  }
  return {
    allowed: true,
    reason: {
      zh: `H-7.2.2：逾期 ${overdueDays} 天且已提醒 ${input.remindersSent} 次，合同允许停热`,
      en: `H-7.2.2: ${overdueDays} days overdue after ${input.remindersSent} reminders; the contract allows stopping heat`,
    },
  };
}
