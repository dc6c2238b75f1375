import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { emergencyWarningLevels, emergencyWarnings } from '../../../db/schema.ts';

export type WarningRow = typeof emergencyWarnings.$inferSelect;
export type LevelRow = typeof emergencyWarningLevels.$inferSelect;

export async function list(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(emergencyWarnings)
    .where(enterpriseId ? eq(emergencyWarnings.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(emergencyWarnings.createdAt))
    .limit(200);
}

export async function find(db: Db, id: string) {
  const [row] = await db.select().from(emergencyWarnings).where(eq(emergencyWarnings.id, id)).for('update');
  return row;
}

export async function insert(db: Db, values: typeof emergencyWarnings.$inferInsert): Promise<WarningRow> {
  const [row] = await db.insert(emergencyWarnings).values(values).returning();
  return row!;
}

export async function insertLevel(db: Db, values: typeof emergencyWarningLevels.$inferInsert) {
  await db.insert(emergencyWarningLevels).values(values);
}

export async function levelsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(emergencyWarningLevels)
    .where(inArray(emergencyWarningLevels.warningId, ids))
    .orderBy(asc(emergencyWarningLevels.id));
}
