import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, meterReadings, meters, premises, residentReadings } from '../../../db/schema.ts';

export type SelfReadingRow = typeof residentReadings.$inferSelect;

export async function insertSelfReading(db: Db, values: typeof residentReadings.$inferInsert) {
  const [row] = await db.insert(residentReadings).values(values).returning();
  return row!;
}

/** The gas meters in service on the account, each with its last reading. */
export async function metersOfCustomer(db: Db, customerId: string) {
  const rows = await db
    .select({ id: meters.id, serialNo: meters.serialNo })
    .from(meters)
    .where(and(eq(meters.customerId, customerId), eq(meters.status, 'in_service'), eq(meters.sector, 'gas')))
    .orderBy(meters.serialNo);
  const out = [];
  for (const m of rows) {
    const [last] = await db
      .select({ readOn: meterReadings.readOn, register: meterReadings.register })
      .from(meterReadings)
      .where(eq(meterReadings.meterId, m.id))
      .orderBy(desc(meterReadings.readOn))
      .limit(1);
    out.push({ ...m, lastReadOn: last?.readOn ?? null, lastRegister: last?.register ?? null });
  }
  return out;
}

const columns = { reading: residentReadings, serialNo: meters.serialNo };

export async function selfReadingsOf(db: Db, customerId: string) {
  return db
    .select(columns)
    .from(residentReadings)
    .innerJoin(meters, eq(meters.id, residentReadings.meterId))
    .where(eq(residentReadings.customerId, customerId))
    .orderBy(desc(residentReadings.createdAt))
    .limit(24);
}

export async function findSelfReading(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(residentReadings).where(eq(residentReadings.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function pendingOf(db: Db, enterpriseId: string, statuses: string[], limit: number) {
  return db
    .select({
      ...columns,
      accountNo: customers.accountNo,
      customerName: customers.name,
      address: premises.address,
    })
    .from(residentReadings)
    .innerJoin(meters, eq(meters.id, residentReadings.meterId))
    .innerJoin(customers, eq(customers.id, residentReadings.customerId))
    .leftJoin(premises, eq(premises.id, meters.premisesId))
    .where(and(eq(residentReadings.enterpriseId, enterpriseId), inArray(residentReadings.status, statuses)))
    .orderBy(desc(residentReadings.createdAt))
    .limit(limit);
}

export async function updateReview(
  db: Db,
  id: string,
  values: Pick<SelfReadingRow, 'status' | 'readingId' | 'reviewedBy' | 'reviewedAt' | 'reviewNote'>,
) {
  const [row] = await db.update(residentReadings).set(values).where(eq(residentReadings.id, id)).returning();
  return row!;
}
