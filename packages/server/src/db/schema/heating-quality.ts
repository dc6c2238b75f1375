import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../schema.ts';
import { customers, premises } from './customers.ts';
import { heatingSeasons } from './heating.ts';
import { workOrders } from './workorders.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

// Room-temperature quality (issue 5: H-5.1, H-5.4.1–H-5.4.7, H-7.2.3, H-10.5.3). Temperatures are integers in
// tenths of a degree Celsius (180 = 18.0 °C); money in integer fen.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export type QuotaRowJson = {
  dimension: 'total' | 'networkPosition' | 'orientation' | 'floorBand';
  value: string;
  target: number;
  achieved: number;
};
export type ShortfallJson = QuotaRowJson & { missing: number; zh: string; en: string };

/** H-5.4.4: the season's sampling plan — how many, which households (sample_households), when, by whom. */
export const samplingPlans = pgTable(
  'sampling_plans',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => heatingSeasons.id),
    requestedSize: integer('requested_size').notNull(),
    selectedCount: integer('selected_count').notNull(),
    populationCount: integer('population_count').notNull(),
    excludedLastSeason: integer('excluded_last_season').notNull().default(0),
    quotas: jsonb('quotas').$type<QuotaRowJson[]>().notNull(),
    shortfalls: jsonb('shortfalls').$type<ShortfallJson[]>().notNull(),
    seed: integer('seed').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('sampling_plans_season_idx').on(t.enterpriseId, t.seasonId, t.createdAt)],
);

/** One sampled household; `status`: 'planned' | 'measured'. */
export const sampleHouseholds = pgTable(
  'sample_households',
  {
    id: randomId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => samplingPlans.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    premisesId: uuid('premises_id')
      .notNull()
      .references(() => premises.id),
    networkPosition: text('network_position').notNull(),
    orientation: text('orientation').notNull(),
    floorBand: text('floor_band').notNull(),
    assignedOn: date('assigned_on'),
    measurerId: uuid('measurer_id').references(() => users.id),
    status: text('status').$type<'planned' | 'measured'>().notNull().default('planned'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('sample_households_uq').on(t.planId, t.premisesId),
    index('sample_households_premises_idx').on(t.premisesId),
    index('sample_households_measurer_idx').on(t.measurerId, t.assignedOn),
  ],
);

export type RoomReadingJson = { room: 'bedroom' | 'living_room' | 'other'; label?: string; tenths: number };
export type ReasonJson = { code: string; zh: string; en: string };

/**
 * H-5.4.5: one household measurement with its protocol checklist, H-5.1 conditions and per-room readings; the
 * outcome (pass | fail | analysis_only, H-5.4.7) is decided by the domain when it is recorded and never edited.
 */
export const temperatureMeasurements = pgTable(
  'temperature_measurements',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    premisesId: uuid('premises_id')
      .notNull()
      .references(() => premises.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    sampleHouseholdId: uuid('sample_household_id').references(() => sampleHouseholds.id),
    workOrderId: uuid('work_order_id').references(() => workOrders.id),
    measuredAt: instant('measured_at'),
    protocol: jsonb('protocol').$type<Record<string, unknown>>().notNull(),
    conditions: jsonb('conditions').$type<Record<string, boolean>>().notNull(),
    readings: jsonb('readings').$type<RoomReadingJson[]>().notNull(),
    /** The heat-use rate and contract temperature the assessment used (copied, so the record stands alone). */
    unitHeatUseRate: text('unit_heat_use_rate').notNull(),
    contractTenths: smallint('contract_tenths'),
    outdoorTenths: smallint('outdoor_tenths'),
    band: text('band').$type<'full' | 'partial' | 'low'>().notNull(),
    requiredTenths: smallint('required_tenths'),
    /** The lowest bedroom / living-room reading. */
    minDecisiveTenths: smallint('min_decisive_tenths'),
    outcome: text('outcome').$type<'pass' | 'fail' | 'analysis_only'>().notNull(),
    reasons: jsonb('reasons').$type<ReasonJson[]>().notNull(),
    note: text('note').notNull().default(''),
    signatureData: text('signature_data'),
    signatureRefusedReason: text('signature_refused_reason'),
    measuredBy: uuid('measured_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('temperature_measurements_enterprise_idx').on(t.enterpriseId, t.measuredAt),
    index('temperature_measurements_order_idx').on(t.workOrderId),
    index('temperature_measurements_premises_idx').on(t.premisesId, t.measuredAt),
  ],
);

/** H-5.4.1: remote room-temperature sensors, one per household. */
export const sensors = pgTable(
  'sensors',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    /** The device's own id, as it reports itself. */
    sensorCode: text('sensor_code').notNull(),
    premisesId: uuid('premises_id')
      .notNull()
      .references(() => premises.id),
    room: text('room').notNull().default('living_room'),
    active: boolean('active').notNull().default(true),
    installedOn: date('installed_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sensors_code_uq').on(t.enterpriseId, t.sensorCode),
    index('sensors_premises_idx').on(t.premisesId),
  ],
);

/** Readings the sensors send; one per sensor and instant (a repeat is rejected as a duplicate). */
export const sensorReadings = pgTable(
  'sensor_readings',
  {
    /** A sensor's id: checked once per statement by a trigger, not a foreign key (migration 0055). */
    sensorId: uuid('sensor_id').notNull(),
    at: instant('at'),
    tenths: smallint('tenths').notNull(),
  },
  (t) => [uniqueIndex('sensor_readings_uq').on(t.sensorId, t.at)],
);

/** One ingestion call: how many were accepted and every rejected item with its reason. */
export const sensorIngestions = pgTable(
  'sensor_ingestions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: enterpriseRef(),
    at: instant('at'),
    received: integer('received').notNull(),
    accepted: integer('accepted').notNull(),
    rejections: jsonb('rejections')
      .$type<{ index: number; sensorId: string; code: string; zh: string; en: string }[]>()
      .notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    /** The gateway's key when a gateway sent the batch (migration 0035); null for a signed-in person. */
    gatewayKeyId: uuid('gateway_key_id'),
  },
  (t) => [index('sensor_ingestions_enterprise_idx').on(t.enterpriseId, t.id)],
);

/**
 * H-5.5 / H-7.2.3: the local rule for reducing the heating fee while a room is below standard because of a company
 * facility: fen per day per whole degree below. Configurable, with effective dates; the seeded one is labelled demo.
 */
export const lowTemperatureRules = pgTable(
  'low_temperature_rules',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    name: text('name').notNull(),
    fenPerDayPerDegree: integer('fen_per_day_per_degree').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    basis: text('basis').notNull().default(''),
    demo: boolean('demo').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('low_temperature_rules_idx').on(t.enterpriseId, t.effectiveFrom)],
);

/**
 * H-7.2.3: a low-temperature complaint handled through its work order: the company measurement, a third-party test
 * when the customer disputes it, the cause when it fails, who pays the test, and the fee reduction booked on the
 * customer's heating account (ledger adjustment, ref_type 'low_temperature', ref_id = this id).
 * `status`: 'measured' | 'disputed' | 'decided'.
 */
export const lowTemperatureCases = pgTable(
  'low_temperature_cases',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    premisesId: uuid('premises_id')
      .notNull()
      .references(() => premises.id),
    measurementId: uuid('measurement_id')
      .notNull()
      .references(() => temperatureMeasurements.id),
    status: text('status').$type<'measured' | 'disputed' | 'decided'>().notNull().default('measured'),
    companyResult: text('company_result').$type<'pass' | 'fail' | 'analysis_only'>().notNull(),
    disputedByCustomer: boolean('disputed_by_customer').notNull().default(false),
    thirdPartyInstitution: text('third_party_institution'),
    thirdPartyResult: text('third_party_result').$type<'passed' | 'failed'>(),
    thirdPartyTenths: smallint('third_party_tenths'),
    thirdPartyTestedOn: date('third_party_tested_on'),
    testFeeFen: integer('test_fee_fen'),
    finalResult: text('final_result').$type<'passed' | 'failed'>(),
    cause: text('cause').$type<'company_facility' | 'customer_facility' | 'unretrofitted_public_facility'>(),
    testPaidBy: text('test_paid_by').$type<'company' | 'customer' | 'unspecified'>(),
    repairBy: text('repair_by'),
    feeReduced: boolean('fee_reduced'),
    outcomeReason: jsonb('outcome_reason').$type<{ zh: string; en: string }>(),
    belowFrom: date('below_from'),
    restoredOn: date('restored_on'),
    daysBelow: integer('days_below'),
    tenthsBelow: integer('tenths_below'),
    ruleId: uuid('rule_id').references(() => lowTemperatureRules.id),
    reductionFen: integer('reduction_fen'),
    ledgerEntryId: bigint('ledger_entry_id', { mode: 'number' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('low_temperature_cases_order_uq').on(t.workOrderId),
    index('low_temperature_cases_enterprise_idx').on(t.enterpriseId, t.status),
  ],
);
