import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from '../schema.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

/** One component of the gas and its share, in hundredths of a percent (9612 = 96.12 %). */
export type GasComponent = { name: string; basisPoints: number };

/** G-5.1.8: a gas-quality test result published to customers (migration 0030); append-only. */
export const gasQualityReports = pgTable(
  'gas_quality_reports',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    testedOn: date('tested_on').notNull(),
    gasType: text('gas_type').notNull(),
    composition: jsonb('composition').$type<GasComponent[]>().notNull(),
    calorificKjPerM3: integer('calorific_kj_per_m3').notNull(),
    supplyPressurePa: integer('supply_pressure_pa').notNull(),
    testedBy: text('tested_by').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('gas_quality_reports_latest_idx').on(t.enterpriseId, t.testedOn, t.createdAt)],
);

/** G-5.10.1, G-5.10.6: the handbook given and the education items explained to a customer (migration 0031). */
export const safetyEducationRecords = pgTable(
  'safety_education_records',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    occasion: text('occasion').notNull(),
    handbookGiven: boolean('handbook_given').notNull(),
    topics: jsonb('topics').$type<string[]>().notNull(),
    givenOn: date('given_on').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('safety_education_customer_idx').on(t.customerId, t.givenOn)],
);

/** G-6.2.15: a pressure-regulating station and the communities near and far from its outlet (migration 0038). */
export const pressureStations = pgTable(
  'pressure_stations',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    name: text('name').notNull(),
    gasType: text('gas_type').notNull(),
    nearCommunities: jsonb('near_communities').$type<string[]>().notNull(),
    farCommunities: jsonb('far_communities').$type<string[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [unique('pressure_stations_name_uq').on(t.enterpriseId, t.name)],
);

/** G-6.2.15 b): the households drawn for one round, with the seed that drew them; append-only. */
export const pressureDraws = pgTable(
  'pressure_draws',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => pressureStations.id),
    seed: text('seed').notNull(),
    perSide: integer('per_side').notNull(),
    near: jsonb('near').$type<string[]>().notNull(),
    far: jsonb('far').$type<string[]>().notNull(),
    candidates: integer('candidates').notNull(),
    drawnAt: instant('drawn_at'),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [index('pressure_draws_station_idx').on(t.stationId, t.drawnAt)],
);

/** G-6.2.15, G-12.4.2.1: one inlet-pressure check at a drawn household, judged when taken; append-only. */
export const pressureChecks = pgTable(
  'pressure_checks',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => pressureStations.id),
    drawId: uuid('draw_id')
      .notNull()
      .references(() => pressureDraws.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    position: text('position').notNull(),
    gasType: text('gas_type').notNull(),
    measuredPa: integer('measured_pa').notNull(),
    minPa: integer('min_pa').notNull(),
    maxPa: integer('max_pa').notNull(),
    passed: boolean('passed').notNull(),
    checkedAt: instant('checked_at'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [
    unique('pressure_checks_once_uq').on(t.drawId, t.customerId),
    index('pressure_checks_period_idx').on(t.enterpriseId, t.checkedAt),
  ],
);

/** G-6.2.16: one odorant check at a network end, judged against the threshold in force; append-only. */
export const odorantChecks = pgTable(
  'odorant_checks',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    location: text('location').notNull(),
    measuredMgM3: doublePrecision('measured_mg_m3').notNull(),
    minMgM3: doublePrecision('min_mg_m3').notNull(),
    thresholdSource: text('threshold_source').notNull(),
    passed: boolean('passed').notNull(),
    checkedAt: instant('checked_at'),
    checkedBy: text('checked_by').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('odorant_checks_period_idx').on(t.enterpriseId, t.checkedAt)],
);

/** G-6.2.16: the odorant threshold an enterprise sets, with its source; the latest row is in force. */
export const odorantThresholds = pgTable('odorant_thresholds', {
  id: randomId(),
  enterpriseId: enterpriseRef(),
  minMgM3: doublePrecision('min_mg_m3').notNull(),
  source: text('source').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: instant('created_at'),
});
