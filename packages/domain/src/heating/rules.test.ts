import { describe, expect, it } from 'vitest';
import {
  assertHeatingRules,
  DEMO_HEATING_RULES,
  earlyPaymentReward,
  reminderDates,
  remindersDue,
  stopHeatingDecision,
  suspendedSeasonFee,
  type HeatingRules,
} from './rules.ts';

const rules: HeatingRules = JSON.parse(JSON.stringify(DEMO_HEATING_RULES)) as HeatingRules;

describe('H-7.2.2 heating rules', () => {
  it('H-7.2.2: early payment earns the configured reward, capped; late or unpaid earns none', () => {
    const r = {
      ...rules,
      earlyPayment: { enabled: true, payByDaysBeforeDue: 15, rewardBps: 200, capFen: 5000 },
    };
    expect(earlyPaymentReward(r, { billFen: 200_000, dueOn: '2026-11-15', paidInFullOn: '2026-10-31' })).toBe(
      4000,
    );
    expect(earlyPaymentReward(r, { billFen: 200_000, dueOn: '2026-11-15', paidInFullOn: '2026-11-01' })).toBe(
      0,
    );
    expect(earlyPaymentReward(r, { billFen: 900_000, dueOn: '2026-11-15', paidInFullOn: '2026-10-01' })).toBe(
      5000,
    );
    expect(earlyPaymentReward(r, { billFen: 200_000, dueOn: '2026-11-15', paidInFullOn: null })).toBe(0);
    const off = { ...r, earlyPayment: { ...r.earlyPayment, enabled: false } };
    expect(
      earlyPaymentReward(off, { billFen: 200_000, dueOn: '2026-11-15', paidInFullOn: '2026-10-01' }),
    ).toBe(0);
  });
  it('H-7.2.2: reminders follow the schedule, then repeat, up to the maximum', () => {
    expect(reminderDates(rules, '2026-11-15')).toEqual([
      '2026-11-16',
      '2026-11-22',
      '2026-12-07',
      '2026-12-22',
      '2027-01-06',
    ]);
    expect(remindersDue(rules, '2026-11-15', '2026-11-26')).toEqual([1, 2]);
    expect(remindersDue(rules, '2026-11-15', '2026-11-15')).toEqual([]);
  });
  it('H-7.2.2: stopping heat for arrears only as the contract allows, after overdue days and reminders', () => {
    const base = { dueOn: '2026-11-15', today: '2027-01-01', outstandingFen: 100, remindersSent: 3 };
    expect(stopHeatingDecision(rules, base).allowed).toBe(false);
    const allows = { ...rules, stopHeating: { contractAllows: true, minOverdueDays: 30, minReminders: 2 } };
    expect(stopHeatingDecision(allows, base).allowed).toBe(true);
    expect(stopHeatingDecision(allows, { ...base, today: '2026-12-01' }).allowed).toBe(false);
    expect(stopHeatingDecision(allows, { ...base, remindersSent: 1 }).allowed).toBe(false);
    expect(stopHeatingDecision(allows, { ...base, outstandingFen: 0 }).allowed).toBe(false);
  });
  it('H-7.1.7: a suspension accepted before the season pays the suspended fee; later, the full fee', () => {
    const input = { areaSeasonFeeFen: 223_925, seasonStartsOn: '2026-11-15' };
    expect(suspendedSeasonFee(rules, { ...input, acceptedOn: '2026-11-15' })).toEqual({
      applies: true,
      amountFen: 67_178, // 30 % of 2239.25 元 = 671.775 → 671.78
      lastAcceptDay: '2026-11-15',
    });
    expect(suspendedSeasonFee(rules, { ...input, acceptedOn: '2026-11-16' }).applies).toBe(false);
  });
  it('H-7.2.2: rule values out of range are refused', () => {
    expect(() =>
      assertHeatingRules({ ...rules, earlyPayment: { ...rules.earlyPayment, rewardBps: 10_001 } }),
    ).toThrowError(/rewardBps/);
    expect(() => assertHeatingRules(rules)).not.toThrow();
  });
});
