import type { CylinderPriceItem } from '@ranre/domain';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { residentBookings } from './residents.ts';
import { vehicleFills } from './vehicle-gas.ts';
import { workOrders } from './workorders.ts';
import { enterprises } from '../schema.ts';
import { randomId } from './columns.ts';

const enterprise = () =>
  uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id);
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The bottled-gas company's published price list (migration 0048): per cylinder model its fill and price in fen, the
 * delivery fee, the day it takes effect. Never edited: a later list supersedes it and the history stays published.
 */
export const cylinderPriceLists = pgTable(
  'cylinder_price_lists',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    items: jsonb('items').$type<CylinderPriceItem[]>().notNull(),
    deliveryFeeFen: integer('delivery_fee_fen').notNull(),
    basis: text('basis').notNull().default(''),
    demo: boolean('demo').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('cylinder_price_lists_day_uq').on(t.enterpriseId, t.effectiveFrom)],
);

/**
 * A resident's self-service bottled-gas order (migration 0048): the booking and the work order on the company's
 * delivery board, priced on the list in force when it was placed (model, quantity, unit price, delivery fee, total).
 */
export const bottledGasOrders = pgTable(
  'bottled_gas_orders',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => residentBookings.id),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    priceListId: uuid('price_list_id')
      .notNull()
      .references(() => cylinderPriceLists.id),
    model: text('model').notNull(),
    fillG: integer('fill_g').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceFen: integer('unit_price_fen').notNull(),
    deliveryFeeFen: integer('delivery_fee_fen').notNull(),
    totalFen: integer('total_fen').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('bottled_gas_orders_booking_uq').on(t.bookingId),
    uniqueIndex('bottled_gas_orders_order_uq').on(t.workOrderId),
    index('bottled_gas_orders_enterprise_idx').on(t.enterpriseId, t.createdAt),
  ],
);

/**
 * G-8.1.3: the receipt for a vehicle fill's fee (migration 0048), issued once per fill and never changed: the number,
 * the price per unit and the amount as charged, the attendant, the time. Its PDF is made from this row alone.
 */
export const vehicleFillReceipts = pgTable(
  'vehicle_fill_receipts',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    fillId: uuid('fill_id')
      .notNull()
      .references(() => vehicleFills.id),
    receiptNo: text('receipt_no').notNull(),
    /** Fen per unit of the fill (kg or L). */
    unitPriceFen: integer('unit_price_fen').notNull(),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    amountFen: integer('amount_fen').notNull(),
    paymentMethod: text('payment_method').notNull(),
    issuedBy: uuid('issued_by'),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: at('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('vehicle_fill_receipts_fill_uq').on(t.fillId),
    uniqueIndex('vehicle_fill_receipts_no_uq').on(t.enterpriseId, t.receiptNo),
  ],
);
