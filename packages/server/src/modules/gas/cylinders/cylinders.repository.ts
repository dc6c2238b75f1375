import { and, asc, desc, eq, ilike, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { cylinderEvents, cylinders, enterprises } from '../../../db/schema.ts';

export type CylinderRow = typeof cylinders.$inferSelect;
export type CylinderEventRow = typeof cylinderEvents.$inferSelect;

export async function byCode(db: Db, code: string): Promise<CylinderRow | undefined> {
  const [row] = await db.select().from(cylinders).where(eq(cylinders.code, code)).limit(1);
  return row;
}

/** Locks the row for a life event. */
export async function byCodeForUpdate(db: Db, code: string): Promise<CylinderRow | undefined> {
  const [row] = await db.select().from(cylinders).where(eq(cylinders.code, code)).limit(1).for('update');
  return row;
}

export async function insertCylinder(db: Db, values: typeof cylinders.$inferInsert): Promise<CylinderRow> {
  const [row] = await db.insert(cylinders).values(values).returning();
  return row!;
}

export async function patchCylinder(db: Db, id: string, patch: Partial<typeof cylinders.$inferInsert>) {
  await db
    .update(cylinders)
    .set({ ...patch, version: sql`${cylinders.version} + 1` })
    .where(eq(cylinders.id, id));
}

export async function insertEvents(db: Db, values: (typeof cylinderEvents.$inferInsert)[]) {
  if (values.length > 0) await db.insert(cylinderEvents).values(values);
}

export async function eventsOf(db: Db, cylinderId: string): Promise<CylinderEventRow[]> {
  return db
    .select()
    .from(cylinderEvents)
    .where(eq(cylinderEvents.cylinderId, cylinderId))
    .orderBy(asc(cylinderEvents.at), asc(cylinderEvents.seq));
}

export interface ListFilter {
  enterpriseId: string | null;
  state?: string | undefined;
  q?: string | undefined;
  inspectionBy?: string | undefined;
  limit: number;
  offset: number;
}

export async function list(db: Db, f: ListFilter) {
  const where: (SQL | undefined)[] = [
    f.enterpriseId ? eq(cylinders.enterpriseId, f.enterpriseId) : undefined,
    f.state ? eq(cylinders.state, f.state) : undefined,
    f.q ? ilike(cylinders.code, `%${f.q.replace(/[%_\\]/g, '')}%`) : undefined,
    f.inspectionBy ? lte(cylinders.nextInspectionOn, f.inspectionBy) : undefined,
  ];
  const cond = and(...where);
  const items = await db
    .select()
    .from(cylinders)
    .where(cond)
    .orderBy(desc(cylinders.createdAt), asc(cylinders.code))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(cylinders)
    .where(cond);
  const counts = await db
    .select({ state: cylinders.state, n: sql<number>`count(*)::int` })
    .from(cylinders)
    .where(f.enterpriseId ? eq(cylinders.enterpriseId, f.enterpriseId) : undefined)
    .groupBy(cylinders.state);
  return {
    items,
    total: Number(total?.n ?? 0),
    counts: counts.map((c) => ({ state: c.state, n: Number(c.n) })),
  };
}

export async function enterpriseOf(db: Db, id: string) {
  const [row] = await db
    .select({ name: enterprises.name, hotline: enterprises.hotline })
    .from(enterprises)
    .where(eq(enterprises.id, id));
  return row;
}
