import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { gasQualityReports } from '../../../db/schema.ts';

export type GasQualityRow = typeof gasQualityReports.$inferSelect;

/** An enterprise's reports, latest test first (null: every enterprise's, for the regulator). */
export async function listReports(
  db: Db,
  enterpriseId: string | null,
  limit = 100,
): Promise<GasQualityRow[]> {
  return db
    .select()
    .from(gasQualityReports)
    .where(enterpriseId ? eq(gasQualityReports.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(gasQualityReports.testedOn), desc(gasQualityReports.createdAt))
    .limit(limit);
}

export async function insertReport(
  db: Db,
  values: typeof gasQualityReports.$inferInsert,
): Promise<GasQualityRow> {
  const [row] = await db.insert(gasQualityReports).values(values).returning();
  return row!;
}
