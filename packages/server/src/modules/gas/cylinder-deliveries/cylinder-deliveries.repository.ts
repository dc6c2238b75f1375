import { and, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import {
  attachments,
  customers,
  cylinderDeliveries,
  cylinderResidues,
  cylinders,
  users,
  workOrders,
} from '../../../db/schema.ts';

export type DeliveryRow = typeof cylinderDeliveries.$inferSelect;

/** The delivery order, locked for the delivery's transaction. */
export async function lockOrder(db: Db, id: string, enterpriseId: string) {
  const [row] = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.id, id), eq(workOrders.enterpriseId, enterpriseId)))
    .for('update');
  return row;
}

export async function deliveryOfOrder(db: Db, orderId: string) {
  const [row] = await db.select().from(cylinderDeliveries).where(eq(cylinderDeliveries.workOrderId, orderId));
  return row;
}

export async function signatureOf(db: Db, orderId: string, attachmentId: string) {
  const [row] = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, attachmentId),
        eq(attachments.orderId, orderId),
        eq(attachments.kind, 'signature'),
      ),
    );
  return row;
}

export async function insertDelivery(db: Db, values: typeof cylinderDeliveries.$inferInsert) {
  const [row] = await db.insert(cylinderDeliveries).values(values).returning();
  return row!;
}

export async function deliveryById(db: Db, id: string, enterpriseId: string) {
  const [row] = await db
    .select()
    .from(cylinderDeliveries)
    .where(and(eq(cylinderDeliveries.id, id), eq(cylinderDeliveries.enterpriseId, enterpriseId)))
    .for('update');
  return row;
}

export async function residueOf(db: Db, deliveryId: string) {
  const [row] = await db.select().from(cylinderResidues).where(eq(cylinderResidues.deliveryId, deliveryId));
  return row;
}

export async function insertResidue(db: Db, values: typeof cylinderResidues.$inferInsert) {
  const [row] = await db.insert(cylinderResidues).values(values).returning();
  return row!;
}

const full = alias(cylinders, 'full_cylinder');
const empty = alias(cylinders, 'empty_cylinder');

export async function list(
  db: Db,
  f: {
    enterpriseId: string | null;
    id?: string;
    orderId?: string | undefined;
    pendingResidue?: boolean;
    limit: number;
  },
) {
  const where: (SQL | undefined)[] = [
    f.enterpriseId ? eq(cylinderDeliveries.enterpriseId, f.enterpriseId) : undefined,
    f.id ? eq(cylinderDeliveries.id, f.id) : undefined,
    f.orderId ? eq(cylinderDeliveries.workOrderId, f.orderId) : undefined,
    f.pendingResidue === true
      ? and(isNotNull(cylinderDeliveries.emptyCylinderId), isNull(cylinderResidues.id))
      : undefined,
  ];
  return db
    .select({
      d: cylinderDeliveries,
      r: cylinderResidues,
      orderNo: workOrders.orderNo,
      customerName: customers.name,
      fullCode: full.code,
      emptyCode: empty.code,
      courierName: users.displayName,
    })
    .from(cylinderDeliveries)
    .innerJoin(workOrders, eq(workOrders.id, cylinderDeliveries.workOrderId))
    .innerJoin(customers, eq(customers.id, cylinderDeliveries.customerId))
    .innerJoin(full, eq(full.id, cylinderDeliveries.fullCylinderId))
    .leftJoin(empty, eq(empty.id, cylinderDeliveries.emptyCylinderId))
    .leftJoin(users, eq(users.id, cylinderDeliveries.courierId))
    .leftJoin(cylinderResidues, eq(cylinderResidues.deliveryId, cylinderDeliveries.id))
    .where(and(...where))
    .orderBy(desc(cylinderDeliveries.deliveredAt))
    .limit(f.limit);
}

export async function counts(db: Db, enterpriseId: string | null) {
  const [row] = await db
    .select({
      deliveries: sql<number>`count(*)::int`,
      onTime: sql<number>`count(*) filter (where ${cylinderDeliveries.onTime})::int`,
      residuePending: sql<number>`count(*) filter (where ${cylinderDeliveries.emptyCylinderId} is not null and ${cylinderResidues.id} is null)::int`,
      credited: sql<number>`count(*) filter (where ${cylinderResidues.refundFen} > 0)::int`,
    })
    .from(cylinderDeliveries)
    .leftJoin(cylinderResidues, eq(cylinderResidues.deliveryId, cylinderDeliveries.id))
    .where(enterpriseId ? eq(cylinderDeliveries.enterpriseId, enterpriseId) : undefined);
  return {
    deliveries: Number(row!.deliveries),
    onTime: Number(row!.onTime),
    residuePending: Number(row!.residuePending),
    credited: Number(row!.credited),
  };
}

export async function ratedFillOf(db: Db, cylinderId: string): Promise<number> {
  const [row] = await db
    .select({ g: cylinders.ratedFillG })
    .from(cylinders)
    .where(eq(cylinders.id, cylinderId));
  return row!.g;
}
