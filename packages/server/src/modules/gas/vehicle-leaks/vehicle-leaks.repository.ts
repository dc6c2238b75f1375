import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { vehicleLeakCases, vehicleLeakSteps } from '../../../db/schema.ts';

export type LeakCaseRow = typeof vehicleLeakCases.$inferSelect;
export type LeakStepRow = typeof vehicleLeakSteps.$inferSelect;

export async function list(
  db: Db,
  enterpriseId: string | null,
  state: 'open' | 'closed' | 'all',
  limit: number,
) {
  return db
    .select()
    .from(vehicleLeakCases)
    .where(
      and(
        enterpriseId ? eq(vehicleLeakCases.enterpriseId, enterpriseId) : undefined,
        state === 'open' ? ne(vehicleLeakCases.state, 'closed') : undefined,
        state === 'closed' ? eq(vehicleLeakCases.state, 'closed') : undefined,
      ),
    )
    .orderBy(desc(vehicleLeakCases.foundAt))
    .limit(limit);
}

export async function byId(db: Db, id: string) {
  const [row] = await db.select().from(vehicleLeakCases).where(eq(vehicleLeakCases.id, id));
  return row;
}

export async function forUpdate(db: Db, id: string) {
  const [row] = await db.select().from(vehicleLeakCases).where(eq(vehicleLeakCases.id, id)).for('update');
  return row;
}

export async function stepsOf(db: Db, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select()
    .from(vehicleLeakSteps)
    .where(inArray(vehicleLeakSteps.caseId, caseIds))
    .orderBy(asc(vehicleLeakSteps.at), asc(vehicleLeakSteps.seq));
}

export async function countOf(db: Db, enterpriseId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(vehicleLeakCases)
    .where(eq(vehicleLeakCases.enterpriseId, enterpriseId));
  return Number(row!.n);
}

export async function insertCase(db: Db, values: typeof vehicleLeakCases.$inferInsert) {
  const [row] = await db.insert(vehicleLeakCases).values(values).returning();
  return row!;
}

export async function insertStep(db: Db, values: typeof vehicleLeakSteps.$inferInsert) {
  await db.insert(vehicleLeakSteps).values(values);
}

export async function setState(db: Db, id: string, state: string, closedAt: Date | null) {
  await db.update(vehicleLeakCases).set({ state, closedAt }).where(eq(vehicleLeakCases.id, id));
}
