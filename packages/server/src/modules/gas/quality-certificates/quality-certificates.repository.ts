import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { qualityCertificates } from '../../../db/schema.ts';

export async function certificateOf(db: Db, orderId: string) {
  const [row] = await db
    .select()
    .from(qualityCertificates)
    .where(eq(qualityCertificates.workOrderId, orderId));
  return row ?? null;
}

/** How many certificates the enterprise numbered with this prefix (for the next number). */
export async function countWithPrefix(db: Db, enterpriseId: string, prefix: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(qualityCertificates)
    .where(
      and(
        eq(qualityCertificates.enterpriseId, enterpriseId),
        like(qualityCertificates.certificateNo, `${prefix}%`),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function insertCertificate(db: Db, values: typeof qualityCertificates.$inferInsert) {
  const [row] = await db.insert(qualityCertificates).values(values).returning();
  return row!;
}
