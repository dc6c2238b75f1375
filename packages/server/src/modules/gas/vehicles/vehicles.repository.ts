import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  vehicleCylinderCertificates,
  vehicleCylinders,
  vehicleFillChecks,
  vehicleFills,
  vehicleLeakCases,
  vehicles,
} from '../../../db/schema.ts';

export type VehicleRow = typeof vehicles.$inferSelect;
export type VehicleCylinderRow = typeof vehicleCylinders.$inferSelect;

export interface ListFilter {
  enterpriseId: string | null;
  q?: string | undefined;
  certificateBy?: string | undefined;
  limit: number;
  offset: number;
}

export async function list(db: Db, f: ListFilter) {
  const where = and(
    f.enterpriseId ? eq(vehicles.enterpriseId, f.enterpriseId) : undefined,
    f.q ? sql`${vehicles.plate} like ${'%' + f.q.toUpperCase() + '%'}` : undefined,
    f.certificateBy
      ? sql`exists (select 1 from vehicle_cylinders c where c.vehicle_id = ${vehicles.id}
          and c.certificate_expires_on <= ${f.certificateBy}::date)`
      : undefined,
  );
  const rows = await db
    .select()
    .from(vehicles)
    .where(where)
    .orderBy(vehicles.plate)
    .limit(f.limit)
    .offset(f.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(vehicles)
    .where(where);
  return { rows, total: Number(count!.n) };
}

export async function byId(db: Db, id: string) {
  const [row] = await db.select().from(vehicles).where(eq(vehicles.id, id));
  return row;
}

export async function byPlate(db: Db, enterpriseId: string, plate: string) {
  const [row] = await db
    .select()
    .from(vehicles)
    .where(and(eq(vehicles.enterpriseId, enterpriseId), eq(vehicles.plate, plate)));
  return row;
}

export async function cylindersOf(db: Db, vehicleIds: string[]) {
  if (vehicleIds.length === 0) return [];
  return db
    .select()
    .from(vehicleCylinders)
    .where(inArray(vehicleCylinders.vehicleId, vehicleIds))
    .orderBy(vehicleCylinders.serialNo);
}

/** Vehicles among `vehicleIds` with a leak case not yet closed (G-8.1.5). */
export async function openLeakVehicles(db: Db, vehicleIds: string[]): Promise<Set<string>> {
  if (vehicleIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: vehicleLeakCases.vehicleId })
    .from(vehicleLeakCases)
    .where(and(inArray(vehicleLeakCases.vehicleId, vehicleIds), ne(vehicleLeakCases.state, 'closed')));
  return new Set(rows.map((r) => r.id));
}

export async function insertVehicle(db: Db, values: typeof vehicles.$inferInsert) {
  const [row] = await db.insert(vehicles).values(values).returning();
  return row!;
}

export async function insertCylinders(db: Db, values: (typeof vehicleCylinders.$inferInsert)[]) {
  return db.insert(vehicleCylinders).values(values).returning();
}

export async function insertCertificates(
  db: Db,
  values: (typeof vehicleCylinderCertificates.$inferInsert)[],
) {
  if (values.length > 0) await db.insert(vehicleCylinderCertificates).values(values);
}

export async function cylinderForUpdate(db: Db, vehicleId: string, cylinderId: string) {
  const [row] = await db
    .select()
    .from(vehicleCylinders)
    .where(and(eq(vehicleCylinders.id, cylinderId), eq(vehicleCylinders.vehicleId, vehicleId)))
    .for('update');
  return row;
}

export async function setCertificate(
  db: Db,
  cylinderId: string,
  patch: { certificateNo: string; certificateExpiresOn: string },
) {
  await db.update(vehicleCylinders).set(patch).where(eq(vehicleCylinders.id, cylinderId));
}

export async function certificatesOf(db: Db, vehicleId: string) {
  return db
    .select({ c: vehicleCylinderCertificates, serialNo: vehicleCylinders.serialNo })
    .from(vehicleCylinderCertificates)
    .innerJoin(vehicleCylinders, eq(vehicleCylinders.id, vehicleCylinderCertificates.cylinderId))
    .where(eq(vehicleCylinders.vehicleId, vehicleId))
    .orderBy(desc(vehicleCylinderCertificates.recordedAt));
}

export async function recentFillsOf(db: Db, vehicleId: string, limit: number) {
  return db
    .select()
    .from(vehicleFills)
    .where(eq(vehicleFills.vehicleId, vehicleId))
    .orderBy(desc(vehicleFills.filledAt))
    .limit(limit);
}

export async function recentChecksOf(db: Db, vehicleId: string, limit: number) {
  return db
    .select()
    .from(vehicleFillChecks)
    .where(eq(vehicleFillChecks.vehicleId, vehicleId))
    .orderBy(desc(vehicleFillChecks.checkedAt))
    .limit(limit);
}
