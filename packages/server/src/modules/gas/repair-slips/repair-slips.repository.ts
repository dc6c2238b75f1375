import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { repairSlips, users } from '../../../db/schema.ts';

export async function slipsOf(db: Db, orderId: string) {
  return db
    .select({ s: repairSlips, issuedBy: users.displayName })
    .from(repairSlips)
    .leftJoin(users, eq(users.id, repairSlips.issuedBy))
    .where(eq(repairSlips.workOrderId, orderId))
    .orderBy(desc(repairSlips.issuedAt));
}

export async function insertSlip(db: Db, values: typeof repairSlips.$inferInsert) {
  await db.insert(repairSlips).values(values);
}
