import { and, desc, eq, gte, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  bills,
  customers,
  enterprises,
  ledgerEntries,
  meters,
  payments,
  premises,
  users,
} from '../../../db/schema.ts';

export type PaymentRow = typeof payments.$inferSelect;
export type NewPayment = typeof payments.$inferInsert;
export type MeterRow = typeof meters.$inferSelect;

/** Serialises payment writes of one enterprise: the receipt sequence and the idempotency check. */
export async function lockEnterprisePayments(tx: Db, enterpriseId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'payments:' + enterpriseId}))`);
}

export async function findByKey(tx: Db, enterpriseId: string, key: string) {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.enterpriseId, enterpriseId), eq(payments.idempotencyKey, key)));
  return row ?? null;
}

export async function lastReceiptNo(tx: Db, enterpriseId: string, prefix: string) {
  const [row] = await tx
    .select({ no: payments.receiptNo })
    .from(payments)
    .where(and(eq(payments.enterpriseId, enterpriseId), like(payments.receiptNo, `${prefix}%`)))
    .orderBy(desc(payments.receiptNo))
    .limit(1);
  return row?.no ?? null;
}

export async function insertPayment(tx: Db, values: NewPayment) {
  const [row] = await tx.insert(payments).values(values).returning();
  return row!;
}

export async function findPayment(db: Db, id: string) {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row ?? null;
}

export async function findBill(db: Db, id: string) {
  const [row] = await db.select().from(bills).where(eq(bills.id, id));
  return row ?? null;
}

export async function findMeter(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(meters).where(eq(meters.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function setPrepaidBalance(tx: Db, meter: MeterRow, balanceFen: number, now: Date) {
  await tx
    .update(meters)
    .set({ prepaidBalanceFen: balanceFen, version: meter.version + 1, updatedAt: now })
    .where(eq(meters.id, meter.id));
}

export async function ledgerEntryOf(db: Db, refType: string, refId: string) {
  const [row] = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.refType, refType), eq(ledgerEntries.refId, refId)));
  return row ?? null;
}

const listColumns = {
  payment: payments,
  accountNo: customers.accountNo,
  customerName: customers.name,
};

export async function listPayments(
  db: Db,
  q: {
    enterpriseId: string | null;
    customerId?: string;
    channel?: string;
    from?: Date;
    to?: Date;
    text?: string;
    limit: number;
    offset: number;
  },
) {
  const where: SQL[] = [];
  if (q.enterpriseId) where.push(eq(payments.enterpriseId, q.enterpriseId));
  if (q.customerId) where.push(eq(payments.customerId, q.customerId));
  if (q.channel) where.push(eq(payments.channel, q.channel));
  if (q.from) where.push(gte(payments.receivedAt, q.from));
  if (q.to) where.push(lt(payments.receivedAt, q.to));
  if (q.text) {
    const t = `%${q.text}%`;
    where.push(or(ilike(payments.receiptNo, t), ilike(customers.accountNo, t), ilike(customers.name, t))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const [rows, [agg]] = await Promise.all([
    db
      .select(listColumns)
      .from(payments)
      .innerJoin(customers, eq(customers.id, payments.customerId))
      .where(cond)
      .orderBy(desc(payments.receivedAt), desc(payments.receiptNo))
      .limit(q.limit)
      .offset(q.offset),
    db
      .select({ n: sql<string>`count(*)`, total: sql<string>`coalesce(sum(${payments.amountFen}), 0)` })
      .from(payments)
      .innerJoin(customers, eq(customers.id, payments.customerId))
      .where(cond),
  ]);
  return { rows, total: Number(agg?.n ?? 0), totalFen: Number(agg?.total ?? 0) };
}

export async function receiptContext(db: Db, p: PaymentRow) {
  const [row] = await db
    .select({
      enterpriseName: enterprises.name,
      creditCode: enterprises.creditCode,
      hotline: enterprises.hotline,
      accountNo: customers.accountNo,
      customerName: customers.name,
      address: sql<
        string | null
      >`(select ${premises.address} from ${premises} where ${premises.customerId} = ${customers.id}
        order by ${premises.createdAt}, ${premises.id} limit 1)`,
      operator: users.displayName,
    })
    .from(customers)
    .innerJoin(enterprises, eq(enterprises.id, customers.enterpriseId))
    .leftJoin(users, eq(users.id, sql`${p.createdBy}::uuid`))
    .where(eq(customers.id, p.customerId));
  return row!;
}

export async function customerForMeter(db: Db, customerId: string) {
  return db
    .select({ id: customers.id, kind: customers.kind, phone: customers.phone })
    .from(customers)
    .where(eq(customers.id, customerId));
}
