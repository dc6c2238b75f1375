import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateArrears } from './arrears.ts';
import { OVERDUE_REMINDER_STEPS, overdueReminderText, reminderStep } from './overdue.ts';
import { drawPrepaid, prepaidAlarmMessage, topUpPrepaid } from './prepaid.ts';
import { codeOf } from '../testing/support.ts';

describe('arrears', () => {
  const charges = [
    { ref: 'b2', amountFen: 5000, dueDate: '2026-10-20' },
    { ref: 'b1', amountFen: 3000, dueDate: '2026-09-20' },
    { ref: 'b3', amountFen: 4000, dueDate: null },
  ];
  it('G-6.2.9: credits settle the oldest due charge first; the rest is overdue with its days', () => {
    const r = allocateArrears(charges, 4000, '2026-11-26');
    expect(r.charges.map((c) => [c.ref, c.outstandingFen, c.daysOverdue, c.overdue])).toEqual([
      ['b1', 0, 67, false],
      ['b2', 4000, 37, true],
      ['b3', 4000, 0, false],
    ]);
    expect(r).toMatchObject({
      outstandingFen: 8000,
      overdueFen: 4000,
      oldestDueDate: '2026-10-20',
      maxDaysOverdue: 37,
    });
  });
  it('G-6.2.9: a charge is not overdue on its due date, nor without a notice', () => {
    const r = allocateArrears(charges, 0, '2026-10-20');
    expect(r.overdueFen).toBe(3000);
    expect(r.charges.find((c) => c.ref === 'b2')!.overdue).toBe(false);
  });
  it('outstanding = max(0, charges − credits) for any inputs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (amounts, credits) => {
          const r = allocateArrears(
            amounts.map((a, i) => ({ ref: String(i), amountFen: a, dueDate: `2026-0${(i % 9) + 1}-10` })),
            credits,
            '2026-12-01',
          );
          const total = amounts.reduce((s, a) => s + a, 0);
          expect(r.outstandingFen).toBe(Math.max(0, total - credits));
        },
      ),
    );
  });
  it('refuses fractional fen', () => {
    expect(codeOf(() => allocateArrears([], 1.5, '2026-01-01'))).toBe('BILLING_AMOUNT_INVALID');
  });
});

describe('overdue reminders', () => {
  it('G-6.2.9: steps are day 1, 15 and 30 after the due date', () => {
    expect(OVERDUE_REMINDER_STEPS).toEqual([1, 15, 30]);
    expect([0, 1, 14, 15, 29, 30, 90].map(reminderStep)).toEqual([null, 1, 1, 15, 15, 30, 30]);
  });
  it('G-6.2.9: the text states the amount, the days overdue and the liability, quoting the contract', () => {
    const base = {
      enterpriseName: '淄博燃气',
      hotline: '0533-1234567',
      accountNo: 'RQ00001',
      customerName: '张三',
      noticeNo: 'TZ1',
      period: '2026-09',
      dueDate: '2026-10-20',
      daysOverdue: 37,
      owedFen: 12345,
      totalOverdueFen: 20000,
    };
    const t = overdueReminderText(base);
    expect(t.zh).toContain('¥123.45');
    expect(t.zh).toContain('逾期 37 天');
    expect(t.zh).toContain('违约责任');
    expect(t.zh).toContain('事先通知');
    expect(t.en).toContain('37 days overdue');
    expect(t.en).toContain('¥200.00 overdue on the account');
    const quoted = overdueReminderText({ ...base, contractLiability: '每日按欠费额千分之一计收违约金' });
    expect(quoted.zh).toContain('每日按欠费额千分之一计收违约金');
  });
});

describe('prepaid meters', () => {
  const s = { lowBalanceAlarmFen: 2000, overdraftLimitFen: 1000 };
  it('G-6.2.2: alarms once when the balance falls below the alarm level', () => {
    expect(drawPrepaid(2500, 400, s)).toEqual({ balanceFen: 2100, alarm: false, inOverdraft: false });
    expect(drawPrepaid(2100, 200, s)).toEqual({ balanceFen: 1900, alarm: true, inOverdraft: false });
    expect(drawPrepaid(1900, 200, s).alarm).toBe(false);
  });
  it('G-6.2.2: allows a limited overdraft and no more', () => {
    expect(drawPrepaid(500, 1500, s)).toEqual({ balanceFen: -1000, alarm: false, inOverdraft: true });
    expect(codeOf(() => drawPrepaid(500, 1501, s))).toBe('PREPAID_OVERDRAFT_EXCEEDED');
    expect(codeOf(() => drawPrepaid(0, 1, { lowBalanceAlarmFen: null, overdraftLimitFen: null }))).toBe(
      'PREPAID_OVERDRAFT_EXCEEDED',
    );
    expect(topUpPrepaid(-1000, 5000)).toBe(4000);
    expect(prepaidAlarmMessage('M1', 1900, s).zh).toContain('透支');
  });
});
