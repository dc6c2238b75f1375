import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  customers,
  enterprises,
  residentCustomers,
  residentNoticeReads,
  workOrderEvents,
  workOrders,
} from '../../../db/schema.ts';

/** Whether any resident has bound this account, and the phone on file and the enterprise's name. */
export async function boundContact(db: Db, customerId: string) {
  const [bound] = await db
    .select({ userId: residentCustomers.userId })
    .from(residentCustomers)
    .where(eq(residentCustomers.customerId, customerId))
    .limit(1);
  if (!bound) return null;
  const [row] = await db
    .select({ phone: customers.phone, enterpriseName: enterprises.name })
    .from(customers)
    .innerJoin(enterprises, eq(enterprises.id, customers.enterpriseId))
    .where(eq(customers.id, customerId));
  return row ?? null;
}

/** The steps of the orders on the resident's bound accounts, newest first. */
/** The steps of the orders on every account bound to the resident, whichever enterprise holds each. */
export async function stepsOf(db: Db, userId: string, types: string[], limit: number) {
  return db
    .select({
      orderId: workOrders.id,
      orderNo: workOrders.orderNo,
      itemCode: workOrders.itemCode,
      type: workOrderEvents.type,
      at: workOrderEvents.at,
      boundAt: residentCustomers.createdAt,
    })
    .from(workOrderEvents)
    .innerJoin(workOrders, eq(workOrders.id, workOrderEvents.orderId))
    .innerJoin(residentCustomers, eq(residentCustomers.customerId, workOrders.customerId))
    .where(
      and(
        eq(residentCustomers.userId, userId),
        eq(residentCustomers.enterpriseId, workOrders.enterpriseId),
        inArray(workOrderEvents.type, types),
      ),
    )
    .orderBy(desc(workOrderEvents.at), desc(workOrderEvents.id))
    .limit(limit);
}

export async function seenAt(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ seenAt: residentNoticeReads.seenAt })
    .from(residentNoticeReads)
    .where(eq(residentNoticeReads.userId, userId));
  return row?.seenAt ?? null;
}

export async function markSeen(db: Db, userId: string, at: Date) {
  await db
    .insert(residentNoticeReads)
    .values({ userId, seenAt: at })
    .onConflictDoUpdate({ target: residentNoticeReads.userId, set: { seenAt: at } });
}
