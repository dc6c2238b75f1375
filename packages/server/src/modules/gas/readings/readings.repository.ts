import type { ReadingPoint } from '@ranre/domain';
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, meterReadings, meters, premises, users } from '../../../db/schema.ts';

export type ReadingRow = typeof meterReadings.$inferSelect;
export type NewReading = typeof meterReadings.$inferInsert;

export async function insertReading(db: Db, values: NewReading): Promise<ReadingRow> {
  const [row] = await db.insert(meterReadings).values(values).returning();
  return row!;
}

/** Every reading of a meter, oldest first. */
export async function readingsOfMeter(db: Db, meterId: string): Promise<ReadingRow[]> {
  return db
    .select()
    .from(meterReadings)
    .where(eq(meterReadings.meterId, meterId))
    .orderBy(asc(meterReadings.readOn));
}

export async function readingsOfCustomer(db: Db, customerId: string, meterId?: string) {
  const where: SQL[] = [eq(meterReadings.customerId, customerId)];
  if (meterId) where.push(eq(meterReadings.meterId, meterId));
  return db
    .select({ reading: meterReadings, serialNo: meters.serialNo, enteredByName: users.displayName })
    .from(meterReadings)
    .innerJoin(meters, eq(meters.id, meterReadings.meterId))
    .leftJoin(users, eq(users.id, meterReadings.enteredBy))
    .where(and(...where))
    .orderBy(desc(meterReadings.readOn));
}

export async function lastReadingBefore(db: Db, meterId: string, before: string) {
  const [row] = await db
    .select()
    .from(meterReadings)
    .where(and(eq(meterReadings.meterId, meterId), lt(meterReadings.readOn, before)))
    .orderBy(desc(meterReadings.readOn))
    .limit(1);
  return row ?? null;
}

export const toPoint = (r: ReadingRow): ReadingPoint => ({
  readOn: r.readOn,
  kind: r.kind as ReadingPoint['kind'],
  register: r.register,
  usage: r.usage,
});

/**
 * A reader's route: meters in service in one area (district / community), with the customer, the address and the
 * last reading, ordered by address so the list follows the walk.
 */
export async function routeMeters(
  db: Db,
  q: { enterpriseId: string | null; district?: string; community?: string; limit: number },
) {
  const where: SQL[] = [eq(meters.status, 'in_service'), eq(meters.sector, 'gas')];
  if (q.enterpriseId) where.push(eq(meters.enterpriseId, q.enterpriseId));
  if (q.district) where.push(eq(premises.district, q.district));
  if (q.community) where.push(eq(premises.community, q.community));
  return db
    .select({
      meterId: meters.id,
      serialNo: meters.serialNo,
      remoteReading: meters.remoteReading,
      customerId: customers.id,
      customerName: customers.name,
      accountNo: customers.accountNo,
      address: premises.address,
      community: premises.community,
      lastReadOn: sql<
        string | null
      >`(select r.read_on::text from ${meterReadings} r where r.meter_id = ${meters}.id
        order by r.read_on desc limit 1)`,
      lastRegister: sql<
        string | null
      >`(select r.register::text from ${meterReadings} r where r.meter_id = ${meters}.id
        order by r.read_on desc limit 1)`,
      lastKind: sql<string | null>`(select r.kind from ${meterReadings} r where r.meter_id = ${meters}.id
        order by r.read_on desc limit 1)`,
    })
    .from(meters)
    .innerJoin(customers, eq(customers.id, meters.customerId))
    .innerJoin(premises, eq(premises.id, meters.premisesId))
    .where(and(...where))
    .orderBy(asc(premises.address))
    .limit(q.limit);
}

/** The districts and communities that have meters in service: the reader picks a route from them. */
export async function routeAreas(db: Db, enterpriseId: string | null) {
  const where: SQL[] = [eq(meters.status, 'in_service')];
  if (enterpriseId) where.push(eq(meters.enterpriseId, enterpriseId));
  return db
    .select({
      district: premises.district,
      community: premises.community,
      meters: sql<number>`count(*)::int`,
    })
    .from(meters)
    .innerJoin(premises, eq(premises.id, meters.premisesId))
    .where(and(...where))
    .groupBy(premises.district, premises.community)
    .orderBy(asc(premises.district), asc(premises.community));
}

export async function metersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(meters).where(inArray(meters.id, ids));
}
