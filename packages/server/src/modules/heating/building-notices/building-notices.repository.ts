import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { buildingHeatingNotices, enterprises } from '../../../db/schema.ts';

export type NoticeRow = typeof buildingHeatingNotices.$inferSelect;

export async function list(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(buildingHeatingNotices)
    .where(enterpriseId ? eq(buildingHeatingNotices.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(buildingHeatingNotices.createdAt))
    .limit(300);
}

export async function find(db: Db, id: string) {
  const [row] = await db.select().from(buildingHeatingNotices).where(eq(buildingHeatingNotices.id, id));
  return row;
}

export async function insert(db: Db, values: typeof buildingHeatingNotices.$inferInsert): Promise<NoticeRow> {
  const [row] = await db.insert(buildingHeatingNotices).values(values).returning();
  return row!;
}

export async function issuer(db: Db, enterpriseId: string) {
  const [row] = await db
    .select({ name: enterprises.name, hotline: enterprises.hotline })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row!;
}
