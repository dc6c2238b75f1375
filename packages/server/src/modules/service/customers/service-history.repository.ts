import { TERMINAL_STATES } from '@ranre/domain';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { workOrderClocks, workOrders } from '../../../db/schema.ts';

// The customer 360 view (G-5.8.2, H-7.5.3) reads the work-order module's tables directly: every order of the account
// and the clocks of the open ones. Read-only; the work-order module owns these tables.

export async function ordersOfCustomer(db: Db, customerId: string, limit = 200) {
  return db
    .select({
      id: workOrders.id,
      orderNo: workOrders.orderNo,
      itemCode: workOrders.itemCode,
      state: workOrders.state,
      receivedAt: workOrders.receivedAt,
      nextDueAt: workOrders.nextDueAt,
      breached: workOrders.breached,
      isComplaint: workOrders.isComplaint,
    })
    .from(workOrders)
    .where(eq(workOrders.customerId, customerId))
    .orderBy(desc(workOrders.receivedAt), desc(workOrders.orderNo))
    .limit(limit);
}
export type OrderRow = Awaited<ReturnType<typeof ordersOfCustomer>>[number];

export const isOpenState = (state: string) => !(TERMINAL_STATES as readonly string[]).includes(state);

export async function clocksOfOrders(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({
      orderId: workOrderClocks.orderId,
      name: workOrderClocks.name,
      clause: workOrderClocks.clause,
      state: workOrderClocks.state,
      dueAt: workOrderClocks.dueAt,
    })
    .from(workOrderClocks)
    .where(inArray(workOrderClocks.orderId, orderIds))
    .orderBy(asc(workOrderClocks.dueAt), asc(workOrderClocks.name));
}
