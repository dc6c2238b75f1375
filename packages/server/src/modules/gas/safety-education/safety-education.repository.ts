import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, safetyEducationRecords, users } from '../../../db/schema.ts';

export async function customerEnterprise(db: Db, customerId: string): Promise<string | null> {
  const [row] = await db
    .select({ enterpriseId: customers.enterpriseId })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row?.enterpriseId ?? null;
}

export async function recordsOf(db: Db, customerId: string) {
  return db
    .select({ r: safetyEducationRecords, givenBy: users.displayName })
    .from(safetyEducationRecords)
    .leftJoin(users, eq(users.id, safetyEducationRecords.createdBy))
    .where(eq(safetyEducationRecords.customerId, customerId))
    .orderBy(desc(safetyEducationRecords.givenOn), desc(safetyEducationRecords.createdAt));
}

export async function insertRecord(db: Db, values: typeof safetyEducationRecords.$inferInsert) {
  const [row] = await db.insert(safetyEducationRecords).values(values).returning();
  return row!;
}
