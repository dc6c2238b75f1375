import { overdueReminderText, reminderStep, toShanghaiDate } from '@ranre/domain';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import { contracts, customers, enterprises } from '../db/schema.ts';
import { arrearsOf, type AccountArrears } from '../modules/money/ledger/arrears.ts';
import { enqueueNotification } from '../modules/platform/notifications/notifications.repository.ts';

// Overdue reminders (G-6.2.9): once a day, every notice past its due date with money still unpaid gets a reminder
// at day 1, 15 and 30 after the due date, through the notification outbox. The text states what is owed, how long
// overdue, and the liability under the contract. The dedupe key (notice, step) makes each step go out once,
// however often the job runs; a job that missed days sends only the latest step reached.

export const OVERDUE_REMINDERS_JOB = 'overdue-reminders';

export interface ReminderResult {
  accounts: number;
  queued: number;
}

export async function runOverdueReminders(
  deps: { database: Database },
  now: Date,
  enterpriseId?: string,
): Promise<ReminderResult> {
  return queueOverdueReminders(deps.database.db, now, enterpriseId, (fn) => deps.database.db.transaction(fn));
}

/** One pass on `db` (a transaction, in the demo seed); each enterprise's reminders are queued in `inTx`. */
export async function queueOverdueReminders(
  db: Db,
  now: Date,
  enterpriseId?: string,
  inTx: <T>(fn: (tx: Db) => Promise<T>) => Promise<T> = (fn) => fn(db),
): Promise<ReminderResult> {
  const today = toShanghaiDate(now);
  const ents = await db
    .select({ id: enterprises.id, name: enterprises.name, hotline: enterprises.hotline })
    .from(enterprises)
    .where(enterpriseId ? eq(enterprises.id, enterpriseId) : undefined);
  const result: ReminderResult = { accounts: 0, queued: 0 };
  // One pass over the ledger for every enterprise at once, then each enterprise in its own transaction.
  const all = (await arrearsOf(db, { enterpriseId: enterpriseId ?? null }, today)).filter(
    (a) => a.overdueFen > 0,
  );
  for (const ent of ents) {
    const overdue = all.filter((a) => a.enterpriseId === ent.id);
    if (overdue.length === 0) continue;
    result.accounts += overdue.length;
    result.queued += await inTx((tx) => remindEnterprise(tx, ent, overdue));
  }
  return result;
}

async function remindEnterprise(
  tx: Db,
  ent: { id: string; name: string; hotline: string | null },
  accounts: AccountArrears[],
): Promise<number> {
  const ids = accounts.map((a) => a.customerId);
  const people = new Map(
    (
      await tx
        .select({
          id: customers.id,
          name: customers.name,
          accountNo: customers.accountNo,
          phone: customers.phone,
        })
        .from(customers)
        .where(inArray(customers.id, ids))
    ).map((c) => [c.id, c]),
  );
  const liability = new Map<string, string>();
  const terms = await tx
    .select({ customerId: contracts.customerId, terms: contracts.terms })
    .from(contracts)
    .where(inArray(contracts.customerId, ids))
    .orderBy(desc(contracts.createdAt));
  for (const t of terms) {
    const x = (t.terms ?? {}) as Record<string, unknown>;
    const text = [x.liability, x.penalty].filter((v) => typeof v === 'string' && v.trim()).join('；');
    if (text && !liability.has(t.customerId)) liability.set(t.customerId, text);
  }
  let queued = 0;
  for (const a of accounts) {
    const c = people.get(a.customerId);
    if (!c) continue;
    for (const charge of a.charges) {
      const step = charge.overdue ? reminderStep(charge.daysOverdue) : null;
      const d = a.debits.get(charge.ref);
      if (step === null || !d?.noticeId || !charge.dueDate) continue;
      const text = overdueReminderText({
        enterpriseName: ent.name,
        hotline: ent.hotline ?? '',
        accountNo: c.accountNo,
        customerName: c.name,
        noticeNo: d.noticeNo ?? '',
        period: d.period ?? '',
        dueDate: charge.dueDate,
        daysOverdue: charge.daysOverdue,
        owedFen: charge.outstandingFen,
        totalOverdueFen: a.overdueFen,
        contractLiability: liability.get(c.id) ?? null,
      });
      const added = await enqueueNotification(tx, {
        enterpriseId: ent.id,
        customerId: c.id,
        channel: c.phone ? 'sms' : 'letter',
        kind: 'overdue_reminder',
        recipient: c.phone ?? '',
        subject: text.subject.zh,
        body: text.zh,
        bodyEn: text.en,
        refType: 'payment_notice',
        refId: d.noticeId,
        dedupeKey: `overdue:${d.noticeId}:d${step}`,
      });
      if (added) queued += 1;
    }
  }
  return queued;
}
