import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bills, customers, noticeTemplates, paymentNotices } from '../../../db/schema.ts';

export type BillRow = typeof bills.$inferSelect;
export type NoticeRow = typeof paymentNotices.$inferSelect;

export interface BillQuery {
  enterpriseId: string | null;
  customerId?: string | undefined;
  period?: string | undefined;
  runId?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  /** Whether `q` also matches the customer's name (not for the regulator). */
  byName: boolean;
  limit: number;
  offset: number;
}

const listColumns = {
  bill: bills,
  accountNo: customers.accountNo,
  customerName: customers.name,
};

export async function listBills(db: Db, q: BillQuery) {
  const where: SQL[] = [];
  if (q.enterpriseId) where.push(eq(bills.enterpriseId, q.enterpriseId));
  if (q.customerId) where.push(eq(bills.customerId, q.customerId));
  if (q.period) where.push(eq(bills.period, q.period));
  if (q.runId) where.push(eq(bills.runId, q.runId));
  if (q.kind) where.push(eq(bills.kind, q.kind));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const name = q.byName ? [ilike(customers.name, like)] : [];
    where.push(or(ilike(bills.billNo, like), ilike(customers.accountNo, like), ...name)!);
  }
  const filter = where.length ? and(...where) : undefined;
  const rows = await db
    .select(listColumns)
    .from(bills)
    .innerJoin(customers, eq(customers.id, bills.customerId))
    .where(filter)
    .orderBy(desc(bills.periodFrom), asc(bills.billNo))
    .limit(q.limit)
    .offset(q.offset);
  const [total] = await db
    .select({ n: count() })
    .from(bills)
    .innerJoin(customers, eq(customers.id, bills.customerId))
    .where(filter);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findBill(db: Db, id: string) {
  const [row] = await db
    .select(listColumns)
    .from(bills)
    .innerJoin(customers, eq(customers.id, bills.customerId))
    .where(eq(bills.id, id));
  return row ?? null;
}

export async function correctionsOf(db: Db, billId: string): Promise<BillRow[]> {
  return db.select().from(bills).where(eq(bills.correctsBillId, billId)).orderBy(asc(bills.createdAt));
}

/** The notice of a bill with every field as issued: the template's shared part, then the notice's own. */
export async function noticeOfBill(db: Db, billId: string): Promise<NoticeRow | null> {
  const [row] = await db
    .select({ notice: paymentNotices, shared: noticeTemplates.content })
    .from(paymentNotices)
    .leftJoin(noticeTemplates, eq(noticeTemplates.id, paymentNotices.templateId))
    .where(eq(paymentNotices.billId, billId));
  if (!row) return null;
  return { ...row.notice, fields: { ...(row.shared ?? {}), ...row.notice.fields } };
}
