import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, premises, sampleHouseholds, samplingPlans, users } from '../../../db/schema.ts';

export type PlanRow = typeof samplingPlans.$inferSelect;
export type NewHousehold = typeof sampleHouseholds.$inferInsert;

/** Heated households that can be sampled: active accounts whose premises carry position, orientation and floor. */
export async function population(db: Db, enterpriseId: string, districts: string[]) {
  const where: SQL[] = [
    eq(premises.enterpriseId, enterpriseId),
    eq(customers.status, 'active'),
    sql`${premises.orientation} is not null`,
    sql`${premises.networkPosition} is not null`,
    sql`${premises.floor} >= 1`,
    sql`${premises.floor} <= ${premises.buildingFloors}`,
  ];
  if (districts.length > 0) where.push(inArray(premises.district, districts));
  return db
    .select({
      id: premises.id,
      district: premises.district,
      community: premises.community,
      building: premises.building,
      unit: premises.unit,
      floor: premises.floor,
      buildingFloors: premises.buildingFloors,
      orientation: premises.orientation,
      networkPosition: premises.networkPosition,
    })
    .from(premises)
    .innerJoin(customers, eq(customers.id, premises.customerId))
    .where(and(...where))
    .orderBy(asc(premises.id));
}

export async function latestPlan(db: Db, enterpriseId: string, seasonId: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(samplingPlans)
    .where(and(eq(samplingPlans.enterpriseId, enterpriseId), eq(samplingPlans.seasonId, seasonId)))
    .orderBy(desc(samplingPlans.createdAt), desc(samplingPlans.id))
    .limit(1);
  return row ?? null;
}

export async function plansOf(db: Db, enterpriseId: string | null, seasonId?: string) {
  const where: SQL[] = [];
  if (enterpriseId) where.push(eq(samplingPlans.enterpriseId, enterpriseId));
  if (seasonId) where.push(eq(samplingPlans.seasonId, seasonId));
  return db
    .select()
    .from(samplingPlans)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(samplingPlans.createdAt))
    .limit(50);
}

export async function planById(db: Db, id: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(samplingPlans).where(eq(samplingPlans.id, id)).limit(1);
  return row ?? null;
}

export async function premisesOfPlan(db: Db, planId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: sampleHouseholds.premisesId })
    .from(sampleHouseholds)
    .where(eq(sampleHouseholds.planId, planId));
  return new Set(rows.map((r) => r.id));
}

export async function insertPlan(tx: Db, values: typeof samplingPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await tx.insert(samplingPlans).values(values).returning();
  return row!;
}

export async function insertHouseholds(tx: Db, rows: NewHousehold[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await tx.insert(sampleHouseholds).values(rows.slice(i, i + 1000));
}

export async function householdsOf(
  db: Db,
  planId: string,
  q: {
    status?: (typeof sampleHouseholds.$inferSelect)['status'];
    unassigned?: boolean;
    measurerId?: string;
    limit: number;
    offset: number;
  },
) {
  const where: SQL[] = [eq(sampleHouseholds.planId, planId)];
  if (q.status) where.push(eq(sampleHouseholds.status, q.status));
  if (q.unassigned) where.push(isNull(sampleHouseholds.measurerId));
  if (q.measurerId) where.push(eq(sampleHouseholds.measurerId, q.measurerId));
  const rows = await db
    .select({
      id: sampleHouseholds.id,
      premisesId: sampleHouseholds.premisesId,
      networkPosition: sampleHouseholds.networkPosition,
      orientation: sampleHouseholds.orientation,
      floorBand: sampleHouseholds.floorBand,
      assignedOn: sampleHouseholds.assignedOn,
      measurerId: sampleHouseholds.measurerId,
      measurerName: users.displayName,
      status: sampleHouseholds.status,
      address: premises.address,
      district: premises.district,
      floor: premises.floor,
      buildingFloors: premises.buildingFloors,
      customerName: customers.name,
      accountNo: customers.accountNo,
      total: sql<number>`count(*) over ()`,
    })
    .from(sampleHouseholds)
    .innerJoin(premises, eq(premises.id, sampleHouseholds.premisesId))
    .innerJoin(customers, eq(customers.id, premises.customerId))
    .leftJoin(users, eq(users.id, sampleHouseholds.measurerId))
    .where(and(...where))
    .orderBy(asc(sampleHouseholds.assignedOn), asc(premises.address))
    .limit(q.limit)
    .offset(q.offset);
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function assign(
  tx: Db,
  planId: string,
  ids: string[],
  assignedOn: string,
  measurerId: string,
): Promise<number> {
  const rows = await tx
    .update(sampleHouseholds)
    .set({ assignedOn, measurerId, version: sql`${sampleHouseholds.version} + 1` })
    .where(
      and(
        eq(sampleHouseholds.planId, planId),
        inArray(sampleHouseholds.id, ids),
        eq(sampleHouseholds.status, 'planned'),
      ),
    )
    .returning({ id: sampleHouseholds.id });
  return rows.length;
}

export async function unassignedIds(tx: Db, planId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: sampleHouseholds.id })
    .from(sampleHouseholds)
    .where(and(eq(sampleHouseholds.planId, planId), isNull(sampleHouseholds.measurerId)))
    .orderBy(asc(sampleHouseholds.id)); // ids are random: the days mix positions, orientations and floors
  return rows.map((r) => r.id);
}

/** Staff of the enterprise who may measure: technicians and inspectors. */
export async function measurers(db: Db, enterpriseId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.enterpriseId, enterpriseId),
        eq(users.active, true),
        inArray(users.role, ['technician', 'inspector']),
      ),
    )
    .orderBy(asc(users.displayName));
}
