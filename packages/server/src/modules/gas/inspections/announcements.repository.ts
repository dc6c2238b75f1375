import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, inspectionAnnouncements, inspectionVisits, staff, users } from '../../../db/schema.ts';

// G-5.11.2: the visits an announcement covers, marked in one UPDATE; their households are told by the outbox's one
// fan-out (`queueHouseholds` in platform/notifications), once per announcement.

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Open visits of the route whose window holds the day, locked while they are announced. */
export async function routeVisits(
  tx: Db,
  q: { enterpriseId: string; community: string; building: string; day: string },
) {
  const res = await tx.execute(sql`
    select v.id, v.inspector_id from inspection_visits v
    where v.enterprise_id = ${q.enterpriseId}::uuid and v.community = ${q.community} and v.building = ${q.building}
      and v.window_from <= ${q.day}::date and v.window_to >= ${q.day}::date and v.inspected_at is null
    order by v.id for update`);
  return rowsOf<{ id: string; inspector_id: string | null }>(res);
}

/**
 * The inspector's name and badge (G-5.11.2: he shows who he is): the staff record his login belongs to
 * (`users.staff_id`, same enterprise, active); null when he has none.
 */
export async function inspectorCard(db: Db, userId: string) {
  const [row] = await db
    .select({ name: staff.name, badgeNo: staff.badgeNo })
    .from(users)
    .innerJoin(
      staff,
      and(eq(staff.id, users.staffId), eq(staff.enterpriseId, users.enterpriseId), eq(staff.active, true)),
    )
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function issuer(db: Db, enterpriseId: string) {
  const [row] = await db
    .select({ name: enterprises.name, hotline: enterprises.hotline })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row!;
}

export async function insertAnnouncement(tx: Db, values: typeof inspectionAnnouncements.$inferInsert) {
  const [row] = await tx.insert(inspectionAnnouncements).values(values).returning();
  return row!;
}

/** Marks the visits announced (their households are told through the outbox's fan-out). */
export async function markAnnounced(tx: Db, visitIds: string[], day: string) {
  if (visitIds.length === 0) return;
  const ids = sql.join(
    visitIds.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`update inspection_visits set announced_on = ${day}::date where id in (${ids})`);
}

export async function listAnnouncements(db: Db, enterpriseId: string | null, limit = 100) {
  return db
    .select()
    .from(inspectionAnnouncements)
    .where(enterpriseId ? eq(inspectionAnnouncements.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(inspectionAnnouncements.plannedOn), desc(inspectionAnnouncements.createdAt))
    .limit(limit);
}

export async function announcementById(db: Db, id: string) {
  const [row] = await db.select().from(inspectionAnnouncements).where(eq(inspectionAnnouncements.id, id));
  return row ?? null;
}

export async function setAgreed(tx: Db, visitId: string, enterpriseId: string, at: Date) {
  const [row] = await tx
    .update(inspectionVisits)
    .set({ agreedAt: at })
    .where(and(eq(inspectionVisits.id, visitId), eq(inspectionVisits.enterpriseId, enterpriseId)))
    .returning();
  return row ?? null;
}
