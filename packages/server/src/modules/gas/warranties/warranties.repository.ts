import { and, desc, eq, gte, ilike, lte, notExists, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { warranties, workOrders } from '../../../db/schema.ts';

const later = alias(warranties, 'later');

/** Not replaced by a warranty that restarted it (a free redo, G-9.2.8). */
const current = (db: Db) =>
  notExists(db.select({ id: later.id }).from(later).where(eq(later.restartsWarrantyId, warranties.id)));

export async function listWarranties(
  db: Db,
  where: { enterpriseId?: string; addressKey?: string; q?: string; today?: string },
) {
  const conditions: (SQL | undefined)[] = [
    where.enterpriseId ? eq(warranties.enterpriseId, where.enterpriseId) : undefined,
    where.addressKey ? eq(warranties.addressKey, where.addressKey) : undefined,
    where.q ? ilike(warranties.address, `%${where.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    where.today ? lte(warranties.startsOn, where.today) : undefined,
    where.today ? gte(warranties.endsOn, where.today) : undefined,
    where.today ? current(db) : undefined,
  ];
  return db
    .select({ w: warranties, orderNo: workOrders.orderNo, itemCode: workOrders.itemCode })
    .from(warranties)
    .innerJoin(workOrders, eq(workOrders.id, warranties.workOrderId))
    .where(and(...conditions))
    .orderBy(desc(warranties.endsOn), desc(warranties.createdAt))
    .limit(500);
}

export async function findWarranty(db: Db, id: string) {
  const [row] = await db.select().from(warranties).where(eq(warranties.id, id));
  return row ?? null;
}

export async function insertWarranty(db: Db, values: typeof warranties.$inferInsert) {
  const [row] = await db.insert(warranties).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
