import { and, asc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bills, customers, ledgerEntries, paymentNotices } from '../../../db/schema.ts';

export type LedgerRow = typeof ledgerEntries.$inferSelect;
export type NewLedgerEntry = typeof ledgerEntries.$inferInsert;

export async function insertLedgerEntry(tx: Db, values: NewLedgerEntry): Promise<LedgerRow> {
  const [row] = await tx.insert(ledgerEntries).values(values).returning();
  return row!;
}

/** The signed effect of an entry on the balance, in SQL (payments reduce what the customer owes). */
export const signedAmount = sql<number>`case when ${ledgerEntries.kind} = 'payment'
  then -${ledgerEntries.amountFen} else ${ledgerEntries.amountFen} end`;

/** balance = charges − payments + adjustments, summed in the database. */
export async function balanceOf(
  db: Db,
  customerId: string,
  sector?: string,
  opts: { before?: string; uptoId?: number } = {},
): Promise<number> {
  const where: SQL[] = [eq(ledgerEntries.customerId, customerId)];
  if (sector) where.push(eq(ledgerEntries.sector, sector));
  if (opts.before) where.push(lt(ledgerEntries.bookedOn, opts.before));
  if (opts.uptoId !== undefined) where.push(lte(ledgerEntries.id, opts.uptoId));
  const [row] = await db
    .select({ balance: sql<string>`coalesce(sum(${signedAmount}), 0)` })
    .from(ledgerEntries)
    .where(and(...where));
  return Number(row?.balance ?? 0);
}

export async function entriesOf(
  db: Db,
  customerId: string,
  sector: string | undefined,
  from?: string,
  to?: string,
) {
  const where: SQL[] = [eq(ledgerEntries.customerId, customerId)];
  if (sector) where.push(eq(ledgerEntries.sector, sector));
  if (from) where.push(gte(ledgerEntries.bookedOn, from));
  if (to) where.push(lte(ledgerEntries.bookedOn, to));
  return db
    .select({
      entry: ledgerEntries,
      billNo: bills.billNo,
      period: bills.period,
      noticeNo: paymentNotices.noticeNo,
      dueDate: paymentNotices.dueDate,
    })
    .from(ledgerEntries)
    .leftJoin(bills, and(eq(ledgerEntries.refType, 'bill'), eq(sql`${bills.id}::text`, ledgerEntries.refId)))
    .leftJoin(paymentNotices, eq(paymentNotices.billId, bills.id))
    .where(and(...where))
    .orderBy(asc(ledgerEntries.bookedOn), asc(ledgerEntries.id));
}

export type ChargeWithDue = {
  customerId: string;
  sector: string;
  entryId: number;
  amountFen: number;
  bookedOn: string;
  billId: string | null;
  billNo: string | null;
  period: string | null;
  noticeId: string | null;
  noticeNo: string | null;
  dueDate: string | null;
};

/** Every debit (charges and positive adjustments) of these accounts with its notice's due date, if any. */
export async function debitsWithDue(
  db: Db,
  where: { enterpriseId?: string | null; customerIds?: string[]; sector?: string },
): Promise<ChargeWithDue[]> {
  const w: SQL[] = [
    sql`(${ledgerEntries.kind} = 'charge' or (${ledgerEntries.kind} = 'adjustment' and ${ledgerEntries.amountFen} > 0))`,
  ];
  if (where.enterpriseId) w.push(eq(ledgerEntries.enterpriseId, where.enterpriseId));
  if (where.customerIds) w.push(inArray(ledgerEntries.customerId, where.customerIds));
  if (where.sector) w.push(eq(ledgerEntries.sector, where.sector));
  return db
    .select({
      customerId: ledgerEntries.customerId,
      sector: ledgerEntries.sector,
      entryId: ledgerEntries.id,
      amountFen: ledgerEntries.amountFen,
      bookedOn: ledgerEntries.bookedOn,
      billId: bills.id,
      billNo: bills.billNo,
      period: bills.period,
      noticeId: paymentNotices.id,
      noticeNo: paymentNotices.noticeNo,
      dueDate: paymentNotices.dueDate,
    })
    .from(ledgerEntries)
    .leftJoin(bills, and(eq(ledgerEntries.refType, 'bill'), eq(sql`${bills.id}::text`, ledgerEntries.refId)))
    .leftJoin(paymentNotices, eq(paymentNotices.billId, bills.id))
    .where(and(...w))
    .orderBy(asc(ledgerEntries.id));
}

/** Credits per account: payments and negative adjustments (as a positive number), and the balance. */
export async function creditsAndBalances(
  db: Db,
  where: { enterpriseId?: string | null; customerIds?: string[]; sector?: string },
) {
  const w: SQL[] = [];
  if (where.enterpriseId) w.push(eq(ledgerEntries.enterpriseId, where.enterpriseId));
  if (where.customerIds) w.push(inArray(ledgerEntries.customerId, where.customerIds));
  if (where.sector) w.push(eq(ledgerEntries.sector, where.sector));
  const rows = await db
    .select({
      customerId: ledgerEntries.customerId,
      enterpriseId: ledgerEntries.enterpriseId,
      sector: ledgerEntries.sector,
      credits: sql<string>`coalesce(sum(case when ${ledgerEntries.kind} = 'payment' then ${ledgerEntries.amountFen}
        when ${ledgerEntries.kind} = 'adjustment' and ${ledgerEntries.amountFen} < 0 then -${ledgerEntries.amountFen}
        else 0 end), 0)`,
      balance: sql<string>`coalesce(sum(${signedAmount}), 0)`,
      lastPaymentOn: sql<
        string | null
      >`max(case when ${ledgerEntries.kind} = 'payment' then ${ledgerEntries.bookedOn} end)`,
    })
    .from(ledgerEntries)
    .where(w.length ? and(...w) : undefined)
    .groupBy(ledgerEntries.customerId, ledgerEntries.enterpriseId, ledgerEntries.sector);
  return rows.map((r) => ({
    customerId: r.customerId,
    enterpriseId: r.enterpriseId,
    sector: r.sector,
    creditsFen: Number(r.credits),
    balanceFen: Number(r.balance),
    lastPaymentOn: r.lastPaymentOn ? String(r.lastPaymentOn).slice(0, 10) : null,
  }));
}

export async function customersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: customers.id,
      enterpriseId: customers.enterpriseId,
      accountNo: customers.accountNo,
      name: customers.name,
      kind: customers.kind,
      phone: customers.phone,
    })
    .from(customers)
    .where(inArray(customers.id, ids));
}
