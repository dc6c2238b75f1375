import { stopHeatingDecision, toShanghaiDate, type HeatingRules } from '@ranre/domain';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers } from '../../../db/schema.ts';
import type { SeasonRow } from '../seasons/seasons.repository.ts';
import * as repo from './bills.repository.ts';

export type BillStatus = 'paid' | 'partly_paid' | 'unpaid' | 'overdue';

/** Bills as the screens show them: paid, reward, outstanding, reminders sent and whether heat may be stopped. */
export async function billViews(
  db: Db,
  season: SeasonRow,
  rows: repo.BillRow[],
  rules: HeatingRules,
  today: string,
) {
  const ids = rows.map((b) => b.id);
  const [paid, rewards, reminders, people] = await Promise.all([
    repo.paymentsOfBills(db, ids),
    repo.rewardsOfBills(db, ids),
    repo.remindersOfBills(db, season.enterpriseId, ids),
    ids.length
      ? db
          .select({
            id: customers.id,
            name: customers.name,
            accountNo: customers.accountNo,
            kind: customers.kind,
          })
          .from(customers)
          .where(inArray(customers.id, [...new Set(rows.map((b) => b.customerId))]))
      : Promise.resolve([]),
  ]);
  const who = new Map(people.map((p) => [p.id, p]));
  return rows.map((b) => {
    const p = paid.get(b.id);
    const paidFen = p?.paidFen ?? 0;
    const rewardFen = rewards.get(b.id) ?? 0;
    const outstandingFen = Math.max(0, b.amountFen - paidFen - rewardFen);
    const remindersSent = reminders.get(b.id)?.length ?? 0;
    const status: BillStatus =
      outstandingFen === 0
        ? 'paid'
        : today > season.paymentDueOn
          ? 'overdue'
          : paidFen > 0
            ? 'partly_paid'
            : 'unpaid';
    return {
      id: b.id,
      billNo: b.billNo,
      kind: b.kind,
      customerId: b.customerId,
      customerName: who.get(b.customerId)?.name ?? '',
      accountNo: who.get(b.customerId)?.accountNo ?? '',
      customerClass: who.get(b.customerId)?.kind ?? '',
      period: b.period,
      issuedOn: b.issuedOn,
      dueOn: season.paymentDueOn,
      amountFen: b.amountFen,
      lines: b.lines,
      note: b.note,
      paidFen,
      paidOn: p ? toShanghaiDate(p.lastAt) : null,
      rewardFen,
      outstandingFen,
      status,
      remindersSent,
      stopHeating: stopHeatingDecision(rules, {
        dueOn: season.paymentDueOn,
        today,
        outstandingFen,
        remindersSent,
      }),
    };
  });
}
