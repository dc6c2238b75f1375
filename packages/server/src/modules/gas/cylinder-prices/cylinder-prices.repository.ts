import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  bottledGasOrders,
  customers,
  cylinderDeliveries,
  cylinderPriceLists,
  residentBookings,
  workOrders,
} from '../../../db/schema.ts';

export type PriceListRow = typeof cylinderPriceLists.$inferSelect;

/** An enterprise's lists, oldest first (the history, as published). */
export async function listsOf(db: Db, enterpriseId: string): Promise<PriceListRow[]> {
  return db
    .select()
    .from(cylinderPriceLists)
    .where(eq(cylinderPriceLists.enterpriseId, enterpriseId))
    .orderBy(asc(cylinderPriceLists.effectiveFrom));
}

export async function insertList(db: Db, values: typeof cylinderPriceLists.$inferInsert) {
  const [row] = await db.insert(cylinderPriceLists).values(values).returning();
  return row!;
}

export async function insertOrder(db: Db, values: typeof bottledGasOrders.$inferInsert) {
  const [row] = await db.insert(bottledGasOrders).values(values).returning();
  return row!;
}

/** Resident orders of the company with their work order and, once delivered, the delivery's receipt. */
export async function ordersOf(db: Db, q: { enterpriseId: string; workOrderId?: string; limit: number }) {
  return db
    .select({
      o: bottledGasOrders,
      proposedAt: residentBookings.proposedAt,
      note: residentBookings.note,
      orderNo: workOrders.orderNo,
      state: workOrders.state,
      agreedAt: workOrders.agreedAt,
      customerName: customers.name,
      accountNo: customers.accountNo,
      address: workOrders.address,
      receiptNo: cylinderDeliveries.receiptNo,
      amountFen: cylinderDeliveries.amountFen,
      deliveredAt: cylinderDeliveries.deliveredAt,
    })
    .from(bottledGasOrders)
    .innerJoin(residentBookings, eq(residentBookings.id, bottledGasOrders.bookingId))
    .innerJoin(workOrders, eq(workOrders.id, bottledGasOrders.workOrderId))
    .innerJoin(customers, eq(customers.id, bottledGasOrders.customerId))
    .leftJoin(cylinderDeliveries, eq(cylinderDeliveries.workOrderId, bottledGasOrders.workOrderId))
    .where(
      and(
        eq(bottledGasOrders.enterpriseId, q.enterpriseId),
        q.workOrderId ? eq(bottledGasOrders.workOrderId, q.workOrderId) : undefined,
      ),
    )
    .orderBy(desc(bottledGasOrders.createdAt))
    .limit(q.limit);
}

/** For the resident's bookings: each booking's order line and the delivery's receipt. */
export async function ordersOfBookings(db: Db, bookingIds: string[]) {
  if (bookingIds.length === 0) return [];
  return db
    .select({
      o: bottledGasOrders,
      receiptNo: cylinderDeliveries.receiptNo,
      amountFen: cylinderDeliveries.amountFen,
      deliveredAt: cylinderDeliveries.deliveredAt,
      onTime: cylinderDeliveries.onTime,
      installed: cylinderDeliveries.installed,
      signed: cylinderDeliveries.signatureAttachmentId,
    })
    .from(bottledGasOrders)
    .leftJoin(cylinderDeliveries, eq(cylinderDeliveries.workOrderId, bottledGasOrders.workOrderId))
    .where(inArray(bottledGasOrders.bookingId, bookingIds));
}
