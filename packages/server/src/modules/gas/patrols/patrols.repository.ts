import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, networkPatrols, users } from '../../../db/schema.ts';

// Patrols of the network (G-5.11.10), append-only; their findings are rows of the hazard ledger (patrol_id).

export type PatrolRow = typeof networkPatrols.$inferSelect;

/** The patrol, or null when this id was recorded before (a queue sending twice). */
export async function insertPatrol(tx: Db, p: typeof networkPatrols.$inferInsert): Promise<PatrolRow | null> {
  const [row] = await tx.insert(networkPatrols).values(p).onConflictDoNothing().returning();
  return row ?? null;
}

export async function activeUser(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, enterpriseId: users.enterpriseId, name: users.displayName, active: users.active })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

const columns = {
  id: networkPatrols.id,
  enterpriseId: networkPatrols.enterpriseId,
  enterpriseName: enterprises.name,
  route: networkPatrols.route,
  area: networkPatrols.area,
  startedAt: networkPatrols.startedAt,
  endedAt: networkPatrols.endedAt,
  patrollerName: networkPatrols.patrollerName,
  note: networkPatrols.note,
  findings: networkPatrols.findings,
  majors: sql<number>`(select count(*)::int from hazards h where h.patrol_id = ${networkPatrols.id} and h.grade = 'major')`,
  open: sql<number>`(select count(*)::int from hazards h where h.patrol_id = ${networkPatrols.id} and h.status = 'open')`,
};

export async function listPatrols(db: Db, q: { enterpriseId: string | null; area?: string; limit: number }) {
  const where: SQL[] = [];
  if (q.enterpriseId) where.push(eq(networkPatrols.enterpriseId, q.enterpriseId));
  if (q.area) where.push(eq(networkPatrols.area, q.area));
  return db
    .select(columns)
    .from(networkPatrols)
    .innerJoin(enterprises, eq(enterprises.id, networkPatrols.enterpriseId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(networkPatrols.startedAt), desc(networkPatrols.id))
    .limit(q.limit);
}

export async function patrolById(db: Db, id: string) {
  const [row] = await db
    .select(columns)
    .from(networkPatrols)
    .innerJoin(enterprises, eq(enterprises.id, networkPatrols.enterpriseId))
    .where(eq(networkPatrols.id, id));
  return row ?? null;
}
