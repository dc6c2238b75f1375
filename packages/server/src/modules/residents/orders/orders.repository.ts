import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { residentOrderEntries } from '../../../db/schema.ts';

export type NewEntry = typeof residentOrderEntries.$inferInsert;

export async function insertEntry(db: Db, values: NewEntry) {
  const [row] = await db.insert(residentOrderEntries).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function setReopened(db: Db, id: string, reopenedOrderId: string) {
  await db
    .update(residentOrderEntries)
    .set({ reopenedOrderId })
    .where(and(eq(residentOrderEntries.id, id), eq(residentOrderEntries.kind, 'reopen')));
}

export async function dropEntry(db: Db, id: string) {
  await db.delete(residentOrderEntries).where(eq(residentOrderEntries.id, id));
}
