import { and, asc, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { dutyShifts, emergencyAlerts, enterprises, heatingSeasons, staff } from '../../../db/schema.ts';

export type ShiftRow = typeof dutyShifts.$inferSelect;
export type AlertRow = typeof emergencyAlerts.$inferSelect;

/** Shifts that overlap [from, to), of one enterprise (null: all, for the regulator). */
export async function shiftsOverlapping(db: Db, enterpriseId: string | null, from: Date, to: Date) {
  return db
    .select()
    .from(dutyShifts)
    .where(
      and(
        enterpriseId ? eq(dutyShifts.enterpriseId, enterpriseId) : undefined,
        lt(dutyShifts.startsAt, to),
        gt(dutyShifts.endsAt, from),
      ),
    )
    .orderBy(asc(dutyShifts.startsAt), asc(dutyShifts.kind));
}

export async function insertShift(db: Db, values: typeof dutyShifts.$inferInsert): Promise<ShiftRow> {
  const [row] = await db.insert(dutyShifts).values(values).returning();
  return row!;
}

/** Names and posts of the staff named on shifts. */
export async function staffByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: staff.id,
      enterpriseId: staff.enterpriseId,
      name: staff.name,
      post: staff.post,
      active: staff.active,
    })
    .from(staff)
    .where(inArray(staff.id, ids));
}

/** The heating seasons of an enterprise (dates only), for the in-season repair crew (H-6.4.3). */
export async function seasonsOf(db: Db, enterpriseId: string) {
  const rows = await db
    .select({ startsOn: heatingSeasons.startsOn, endsOn: heatingSeasons.endsOn })
    .from(heatingSeasons)
    .where(eq(heatingSeasons.enterpriseId, enterpriseId));
  return rows.map((r) => ({
    startsOn: String(r.startsOn).slice(0, 10),
    endsOn: String(r.endsOn).slice(0, 10),
  }));
}

export async function enterprisesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: enterprises.id, kind: enterprises.kind })
    .from(enterprises)
    .where(inArray(enterprises.id, ids));
}

export async function allEnterprises(db: Db) {
  return db.select({ id: enterprises.id, kind: enterprises.kind, name: enterprises.name }).from(enterprises);
}

/** Raises alerts; one that was raised before (same enterprise and key) is left as it was. Returns how many were new. */
export async function raiseAlerts(db: Db, values: (typeof emergencyAlerts.$inferInsert)[]): Promise<number> {
  if (values.length === 0) return 0;
  const rows = await db
    .insert(emergencyAlerts)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: emergencyAlerts.id });
  return rows.length;
}

export async function listAlerts(db: Db, enterpriseId: string | null, unacknowledged: boolean) {
  return db
    .select()
    .from(emergencyAlerts)
    .where(
      and(
        enterpriseId ? eq(emergencyAlerts.enterpriseId, enterpriseId) : undefined,
        unacknowledged ? isNull(emergencyAlerts.acknowledgedAt) : undefined,
      ),
    )
    .orderBy(desc(emergencyAlerts.createdAt), desc(emergencyAlerts.id))
    .limit(200);
}

export async function lockAlert(db: Db, id: number, enterpriseId: string | null) {
  const [row] = await db
    .select()
    .from(emergencyAlerts)
    .where(
      and(
        eq(emergencyAlerts.id, id),
        enterpriseId ? eq(emergencyAlerts.enterpriseId, enterpriseId) : undefined,
      ),
    )
    .for('update');
  return row;
}

export async function acknowledgeAlert(db: Db, id: number, by: string, at: Date) {
  await db
    .update(emergencyAlerts)
    .set({ acknowledgedAt: at, acknowledgedBy: by })
    .where(and(eq(emergencyAlerts.id, id), sql`${emergencyAlerts.acknowledgedAt} is null`));
}
