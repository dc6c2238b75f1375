import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers, enterprises } from '../schema.ts';

/** One component of the gas and its share, in hundredths of a percent (9612 = 96.12 %). */
export type GasComponent = { name: string; basisPoints: number };

/** G-5.1.8: a gas-quality test result published to customers (migration 0030); append-only. */
export const gasQualityReports = pgTable(
  'gas_quality_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    testedOn: date('tested_on').notNull(),
    gasType: text('gas_type').notNull(),
    composition: jsonb('composition').$type<GasComponent[]>().notNull(),
    calorificKjPerM3: integer('calorific_kj_per_m3').notNull(),
    supplyPressurePa: integer('supply_pressure_pa').notNull(),
    testedBy: text('tested_by').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('gas_quality_reports_latest_idx').on(t.enterpriseId, t.testedOn, t.createdAt)],
);

/** G-5.10.1, G-5.10.6: the handbook given and the education items explained to a customer (migration 0031). */
export const safetyEducationRecords = pgTable(
  'safety_education_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    occasion: text('occasion').notNull(),
    handbookGiven: boolean('handbook_given').notNull(),
    topics: jsonb('topics').$type<string[]>().notNull(),
    givenOn: date('given_on').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('safety_education_customer_idx').on(t.customerId, t.givenOn)],
);
