import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { incidentEvents, incidents } from '../../../db/schema.ts';

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentEventRow = typeof incidentEvents.$inferSelect;

export async function list(db: Db, enterpriseId: string | null, openOnly: boolean) {
  return db
    .select()
    .from(incidents)
    .where(
      and(
        enterpriseId ? eq(incidents.enterpriseId, enterpriseId) : undefined,
        openOnly ? isNull(incidents.closedAt) : undefined,
      ),
    )
    .orderBy(desc(incidents.occurredAt))
    .limit(200);
}

export async function find(db: Db, id: string, enterpriseId: string | null, lock = false) {
  const q = db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), enterpriseId ? eq(incidents.enterpriseId, enterpriseId) : undefined));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function insert(db: Db, values: typeof incidents.$inferInsert): Promise<IncidentRow> {
  const [row] = await db.insert(incidents).values(values).returning();
  return row!;
}

export async function update(db: Db, id: string, set: Partial<typeof incidents.$inferInsert>) {
  await db.update(incidents).set(set).where(eq(incidents.id, id));
}

export async function appendEvents(db: Db, values: (typeof incidentEvents.$inferInsert)[]) {
  if (values.length > 0) await db.insert(incidentEvents).values(values);
}

export async function eventsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(incidentEvents)
    .where(inArray(incidentEvents.incidentId, ids))
    .orderBy(asc(incidentEvents.id));
}
