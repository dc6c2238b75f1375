import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  customers,
  enterprises,
  inspectionVisits,
  residentBookings,
  residentCustomers,
  workOrderEvents,
  workOrders,
} from '../../../db/schema.ts';

export type NewBooking = typeof residentBookings.$inferInsert;

export async function insertBooking(db: Db, values: NewBooking) {
  const [row] = await db.insert(residentBookings).values(values).returning();
  return row!;
}

/** The household's next planned inspection visit not done yet (G-5.11.1), if the plan has one. */
export async function openVisitOf(db: Db, customerId: string) {
  const [row] = await db
    .select({
      id: inspectionVisits.id,
      enterpriseId: inspectionVisits.enterpriseId,
      windowFrom: inspectionVisits.windowFrom,
      windowTo: inspectionVisits.windowTo,
    })
    .from(inspectionVisits)
    .where(
      and(
        eq(inspectionVisits.customerId, customerId),
        isNull(inspectionVisits.inspectedAt),
        ne(inspectionVisits.state, 'community_followed_up'),
      ),
    )
    .orderBy(asc(inspectionVisits.windowFrom), asc(inspectionVisits.seq))
    .limit(1);
  return row ?? null;
}

/**
 * The resident's bookings, newest first, with the order or visit each belongs to: only those of accounts still
 * bound to him (an account he unbound may be another household's now).
 */
export async function bookingsOf(db: Db, userId: string, limit = 50) {
  return db
    .select({
      booking: residentBookings,
      accountNo: customers.accountNo,
      enterpriseName: enterprises.name,
      orderNo: workOrders.orderNo,
      orderState: workOrders.state,
      orderNextDueAt: workOrders.nextDueAt,
      visitWindowFrom: inspectionVisits.windowFrom,
      visitWindowTo: inspectionVisits.windowTo,
      visitState: inspectionVisits.state,
      visitAgreedAt: inspectionVisits.agreedAt,
      visitInspectedAt: inspectionVisits.inspectedAt,
    })
    .from(residentBookings)
    .innerJoin(customers, eq(customers.id, residentBookings.customerId))
    .innerJoin(
      residentCustomers,
      and(
        eq(residentCustomers.customerId, residentBookings.customerId),
        eq(residentCustomers.userId, residentBookings.userId),
      ),
    )
    .innerJoin(enterprises, eq(enterprises.id, residentBookings.enterpriseId))
    .leftJoin(workOrders, eq(workOrders.id, residentBookings.workOrderId))
    .leftJoin(inspectionVisits, eq(inspectionVisits.id, residentBookings.visitId))
    .where(eq(residentBookings.userId, userId))
    .orderBy(desc(residentBookings.createdAt))
    .limit(limit);
}

/** The appointment events of these orders (the agreed time is the last one's), oldest first. */
export async function appointmentsOf(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({
      orderId: workOrderEvents.orderId,
      at: workOrderEvents.at,
      agreedAt: sql<string | null>`${workOrderEvents.payload}->>'agreedAt'`,
    })
    .from(workOrderEvents)
    .where(and(inArray(workOrderEvents.orderId, orderIds), eq(workOrderEvents.type, 'appointment_agreed')))
    .orderBy(asc(workOrderEvents.id));
}
