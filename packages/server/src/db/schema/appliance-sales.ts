import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workOrders } from './workorders.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

// Migration 0045 (issue 19): the appliance catalogue and sales, walk-in repair slips, the certificates a job
// requires, and whose facility a gas or heating repair is.

/** G-9.1.1–G-9.1.3: a catalogue line of an appliance seller. */
export const applianceModels = pgTable(
  'appliance_models',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    category: text('category').notNull(),
    brand: text('brand').notNull(),
    model: text('model').notNull(),
    gasType: text('gas_type').notNull(),
    certificateNo: text('certificate_no').notNull(),
    warrantyMonths: integer('warranty_months').notNull(),
    warrantyTerms: text('warranty_terms').notNull().default(''),
    priceFen: integer('price_fen').notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
    updatedAt: instant('updated_at'),
  },
  (t) => [uniqueIndex('appliance_models_uq').on(t.enterpriseId, t.brand, t.model, t.gasType)],
);

/** G-9.1.3: a sale, as sold, with what the customer received; append-only. */
export const applianceSales = pgTable(
  'appliance_sales',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    saleNo: text('sale_no').notNull(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => applianceModels.id),
    brand: text('brand').notNull(),
    model: text('model').notNull(),
    gasType: text('gas_type').notNull(),
    certificateNo: text('certificate_no').notNull(),
    warrantyMonths: integer('warranty_months').notNull(),
    unitFen: integer('unit_fen').notNull(),
    quantity: integer('quantity').notNull(),
    totalFen: integer('total_fen').notNull(),
    customerName: text('customer_name').notNull(),
    customerPhone: text('customer_phone').notNull(),
    address: text('address').notNull(),
    supply: text('supply').notNull(),
    community: text('community').notNull().default(''),
    addressGasType: text('address_gas_type').notNull(),
    gasTypeSource: text('gas_type_source').notNull(),
    handedOver: jsonb('handed_over').$type<string[]>().notNull(),
    soldBy: uuid('sold_by').notNull(),
    soldAt: instant('sold_at'),
  },
  (t) => [uniqueIndex('appliance_sales_no_uq').on(t.enterpriseId, t.saleNo)],
);

/** G-9.2.5 c): the repair slip of a walk-in repair not finished the same day; append-only, the latest counts. */
export const repairSlips = pgTable(
  'repair_slips',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    slipNo: text('slip_no').notNull(),
    appliance: text('appliance').notNull(),
    reason: text('reason').notNull(),
    pickUpOn: date('pick_up_on').notNull(),
    issuedBy: uuid('issued_by').notNull(),
    issuedAt: instant('issued_at'),
  },
  (t) => [
    uniqueIndex('repair_slips_no_uq').on(t.enterpriseId, t.slipNo),
    index('repair_slips_order_idx').on(t.workOrderId, t.issuedAt),
  ],
);

/** G-5.6.1, G-9.2.2: a certificate an enterprise requires for a job (catalogue item). */
export const qualificationRequirements = pgTable(
  'qualification_requirements',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    itemCode: text('item_code').notNull(),
    certificateName: text('certificate_name').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [uniqueIndex('qualification_requirements_uq').on(t.enterpriseId, t.itemCode, t.certificateName)],
);

/** H-7.3.8: whose facility a gas or heating repair is ('customer' = paid work); append-only, the latest counts. */
export const repairFacilityOwners = pgTable(
  'repair_facility_owners',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    owner: text('owner').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('repair_facility_owners_order_idx').on(t.workOrderId, t.createdAt)],
);

/** G-9.3.1: a return visit after an installation, with the safety advice given and the answers; append-only. */
export const applianceReturnVisits = pgTable(
  'appliance_return_visits',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    dueOn: date('due_on').notNull(),
    channel: text('channel').notNull(),
    advice: jsonb('advice').$type<string[]>().notNull(),
    answers: text('answers').notNull(),
    visitedAt: instant('visited_at'),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [uniqueIndex('appliance_return_visits_uq').on(t.workOrderId, t.dueOn)],
);
