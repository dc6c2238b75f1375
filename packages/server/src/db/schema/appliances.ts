import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AppliancePriceLine } from '@ranre/domain';
import { customers } from '../schema.ts';
import { attachments, workOrders } from './workorders.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

/** G-9.2.6, H-7.3.8: the price list the customer signed before priced work (migration 0033); append-only. */
export const repairConsents = pgTable(
  'repair_consents',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    lines: jsonb('lines').$type<AppliancePriceLine[]>().notNull(),
    totalFen: integer('total_fen').notNull(),
    chargedFen: integer('charged_fen').notNull(),
    warrantyId: uuid('warranty_id'),
    signerName: text('signer_name').notNull(),
    signatureAttachmentId: uuid('signature_attachment_id')
      .notNull()
      .references(() => attachments.id),
    signedAt: instant('signed_at'),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('repair_consents_order_idx').on(t.workOrderId, t.signedAt)],
);

/** G-9.2.8: the warranty on work done (migration 0033); append-only, a free redo starts a new one. */
export const warranties = pgTable(
  'warranties',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    customerId: uuid('customer_id').references(() => customers.id),
    address: text('address').notNull(),
    addressKey: text('address_key').notNull(),
    kind: text('kind').notNull(),
    months: integer('months').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    restartsWarrantyId: uuid('restarts_warranty_id'),
    createdAt: instant('created_at'),
  },
  (t) => [
    uniqueIndex('warranties_order_uq').on(t.workOrderId),
    index('warranties_address_idx').on(t.enterpriseId, t.addressKey, t.endsOn),
  ],
);

/** G-9.2.7: the quality certificate, one per order, its fields as issued (migration 0033); never changed. */
export const qualityCertificates = pgTable(
  'quality_certificates',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    certificateNo: text('certificate_no').notNull(),
    fields: jsonb('fields').$type<Record<string, string | number | boolean>>().notNull(),
    installerSignatureId: uuid('installer_signature_id')
      .notNull()
      .references(() => attachments.id),
    testerSignatureId: uuid('tester_signature_id')
      .notNull()
      .references(() => attachments.id),
    issuedOn: date('issued_on').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [
    uniqueIndex('quality_certificates_order_uq').on(t.workOrderId),
    uniqueIndex('quality_certificates_no_uq').on(t.enterpriseId, t.certificateNo),
  ],
);
