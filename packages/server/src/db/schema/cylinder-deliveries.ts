import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { cylinders } from './cylinders.ts';
import { workOrders } from './workorders.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

/**
 * G-7.2.1, G-7.2.2: a bottled-gas order delivered to the customer (migration 0043): the full cylinder handed over,
 * the empty one taken back, installed with leak check and ignition test and signed for — or declined with the
 * advice given — the handbook, the receipt. One per work order; append-only.
 */
export const cylinderDeliveries = pgTable(
  'cylinder_deliveries',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    fullCylinderId: uuid('full_cylinder_id')
      .notNull()
      .references(() => cylinders.id),
    emptyCylinderId: uuid('empty_cylinder_id').references(() => cylinders.id),
    receiptNo: text('receipt_no').notNull(),
    amountFen: integer('amount_fen').notNull(),
    installed: boolean('installed').notNull(),
    leakChecked: boolean('leak_checked').notNull(),
    ignitionTested: boolean('ignition_tested').notNull(),
    declinedAdvice: text('declined_advice'),
    handbookGiven: boolean('handbook_given').notNull(),
    signatureAttachmentId: uuid('signature_attachment_id'),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    onTime: boolean('on_time').notNull(),
    courierId: uuid('courier_id').notNull(),
    deliveredAt: instant('delivered_at'),
  },
  (t) => [
    uniqueIndex('cylinder_deliveries_order_uq').on(t.workOrderId),
    uniqueIndex('cylinder_deliveries_receipt_uq').on(t.enterpriseId, t.receiptNo),
    index('cylinder_deliveries_enterprise_idx').on(t.enterpriseId, t.deliveredAt),
    index('cylinder_deliveries_empty_idx').on(t.emptyCylinderId),
  ],
);

/** G-7.1.14, G-7.1.13: the residue weighed in a returned cylinder and the compensation credited, once per return. */
export const cylinderResidues = pgTable(
  'cylinder_residues',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => cylinderDeliveries.id),
    cylinderId: uuid('cylinder_id')
      .notNull()
      .references(() => cylinders.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    residueG: integer('residue_g').notNull(),
    fillG: integer('fill_g').notNull(),
    limitG: integer('limit_g').notNull(),
    excessG: integer('excess_g').notNull(),
    priceFenPerKg: integer('price_fen_per_kg').notNull(),
    refundFen: integer('refund_fen').notNull(),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    weighedBy: uuid('weighed_by').notNull(),
    weighedAt: instant('weighed_at'),
  },
  (t) => [
    uniqueIndex('cylinder_residues_delivery_uq').on(t.deliveryId),
    index('cylinder_residues_enterprise_idx').on(t.enterpriseId, t.weighedAt),
  ],
);
