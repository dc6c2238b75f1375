import { and, asc, desc, eq, like, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bills, customers, meterDisputes, meterReadings, meters } from '../../../db/schema.ts';

export type DisputeRow = typeof meterDisputes.$inferSelect;

const columns = {
  d: meterDisputes,
  accountNo: customers.accountNo,
  customerName: customers.name,
  meterSerialNo: meters.serialNo,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(meterDisputes)
    .innerJoin(customers, eq(customers.id, meterDisputes.customerId))
    .innerJoin(meters, eq(meters.id, meterDisputes.meterId));
}
export type DisputeView = Awaited<ReturnType<typeof findDispute>> & object;

export async function findDispute(db: Db, id: string) {
  const [row] = await base(db).where(eq(meterDisputes.id, id));
  return row ?? null;
}

export async function listDisputes(
  db: Db,
  q: { enterpriseId: string | null; status?: string; customerId?: string; limit: number; offset: number },
) {
  const w: SQL[] = [];
  if (q.enterpriseId) w.push(eq(meterDisputes.enterpriseId, q.enterpriseId));
  if (q.status) w.push(eq(meterDisputes.status, q.status));
  if (q.customerId) w.push(eq(meterDisputes.customerId, q.customerId));
  const cond = w.length ? and(...w) : undefined;
  const [rows, [n]] = await Promise.all([
    base(db)
      .where(cond)
      .orderBy(desc(meterDisputes.requestedOn), desc(meterDisputes.disputeNo))
      .limit(q.limit)
      .offset(q.offset),
    db
      .select({ n: sql<string>`count(*)` })
      .from(meterDisputes)
      .where(cond),
  ]);
  return { rows, total: Number(n?.n ?? 0) };
}

export async function lastDisputeNo(tx: Db, enterpriseId: string, prefix: string) {
  const [row] = await tx
    .select({ no: meterDisputes.disputeNo })
    .from(meterDisputes)
    .where(and(eq(meterDisputes.enterpriseId, enterpriseId), like(meterDisputes.disputeNo, `${prefix}%`)))
    .orderBy(desc(meterDisputes.disputeNo))
    .limit(1);
  return row?.no ?? null;
}

export async function insertDispute(tx: Db, values: typeof meterDisputes.$inferInsert) {
  const [row] = await tx.insert(meterDisputes).values(values).returning();
  return row!;
}

export async function updateDispute(tx: Db, id: string, version: number, set: Partial<DisputeRow>) {
  const rows = await tx
    .update(meterDisputes)
    .set({ ...set, version: version + 1 })
    .where(and(eq(meterDisputes.id, id), eq(meterDisputes.version, version)))
    .returning({ id: meterDisputes.id });
  return rows.length === 1;
}

export async function findMeter(db: Db, id: string) {
  const [row] = await db.select().from(meters).where(eq(meters.id, id));
  return row ?? null;
}

/** The meter's readings up to `to`, oldest first. */
export async function readingsOf(db: Db, meterId: string, to: string) {
  return db
    .select({ readOn: meterReadings.readOn, usage: meterReadings.usage })
    .from(meterReadings)
    .where(and(eq(meterReadings.meterId, meterId), lte(meterReadings.readOn, to)))
    .orderBy(asc(meterReadings.readOn));
}

/** Average billed price over a window: Σ amount × 1000 / Σ litres, fen per m³ (null if nothing billed). */
export async function averageBilledPrice(db: Db, customerId: string, from: string, to: string) {
  const [row] = await db
    .select({
      amount: sql<string>`coalesce(sum(${bills.amountFen}), 0)`,
      litres: sql<string>`coalesce(sum(${bills.volume}), 0)`,
    })
    .from(bills)
    .where(
      and(
        eq(bills.customerId, customerId),
        eq(bills.kind, 'regular'),
        sql`${bills.periodTo} >= ${from}`,
        sql`${bills.periodFrom} <= ${to}`,
      ),
    );
  const litres = Number(row?.litres ?? 0);
  return litres > 0 ? Math.round((Number(row!.amount) * 1000) / litres) : null;
}
