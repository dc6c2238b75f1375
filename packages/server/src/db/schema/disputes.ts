import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../schema.ts';
import { meters } from './billing.ts';
import { customers } from './customers.ts';
import { enterpriseRef, randomId } from './columns.ts';

const litres = (name: string) => bigint(name, { mode: 'number' });

/**
 * Meter disputes (G-6.2.11): the statutory test a customer (or the company) asks for, the result, who pays the
 * test, and the compensation for the error accumulated over at most 1 year before removal (or since installation
 * if shorter), booked as an `adjustment` ledger entry. A working record: its status moves requested → resolved.
 */
export const meterDisputes = pgTable(
  'meter_disputes',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id),
    disputeNo: text('dispute_no').notNull(),
    sector: text('sector').notNull().default('gas'),
    requestedOn: date('requested_on').notNull(),
    /** 'customer' | 'company' */
    requestedBy: text('requested_by').notNull(),
    complaint: text('complaint').notNull().default(''),
    testInstitution: text('test_institution').notNull(),
    testFeeFen: integer('test_fee_fen').notNull().default(0),
    installedOn: date('installed_on'),
    removedOn: date('removed_on'),
    testedOn: date('tested_on'),
    /** Error found and tolerance, hundredths of a percent (basis points): no float near money. */
    errorBp: integer('error_bp'),
    toleranceBp: integer('tolerance_bp'),
    /** 'pass' (in tolerance) | 'fail' (out of tolerance) */
    result: text('result'),
    /** 'company' | 'applicant' */
    testPaidBy: text('test_paid_by'),
    windowFrom: date('window_from'),
    windowTo: date('window_to'),
    meteredLitres: litres('metered_litres'),
    compensationLitres: litres('compensation_litres'),
    priceFenPerM3: integer('price_fen_per_m3'),
    /** > 0 the company refunds the customer (meter fast); < 0 the customer owes (meter slow). */
    compensationFen: integer('compensation_fen'),
    explanationZh: text('explanation_zh').notNull().default(''),
    explanationEn: text('explanation_en').notNull().default(''),
    adjustmentEntryId: litres('adjustment_entry_id'),
    feeEntryId: litres('fee_entry_id'),
    /** 'requested' | 'resolved' */
    status: text('status').notNull().default('requested'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meter_disputes_no_uq').on(t.enterpriseId, t.disputeNo),
    index('meter_disputes_customer_idx').on(t.customerId, t.requestedOn),
    index('meter_disputes_enterprise_idx').on(t.enterpriseId, t.status, t.requestedOn),
  ],
);
