import {
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
import { users } from '../schema.ts';
import { bills, meters } from './billing.ts';
import { customers } from './customers.ts';
import { enterpriseRef, randomId } from './columns.ts';

// Heating seasons, rules, heat-meter disputes and refunds (issue 5: H-5.2, H-5.5, H-7.1.7, H-7.2.1–H-7.2.5).
// Money in integer fen; dates YYYY-MM-DD in Asia/Shanghai.

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export type HeatingSeasonFlag = { code: 'late_start' | 'early_end'; days: number; on: string };

/**
 * A heating season of one enterprise in one area (H-5.2.1: the start and end the city or county government sets).
 * `period` like '2026-2027'. `actualStartOn`/`actualEndOn` are what happened; a start later or an end earlier than
 * the season raises a flag (H-5.2.2). `paymentDueOn` is the agreed payment date of the season bills (H-7.2.2).
 */
export const heatingSeasons = pgTable(
  'heating_seasons',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    /** The area the season applies to, and the districts (matching premises.district) it covers. */
    area: text('area').notNull(),
    districts: jsonb('districts').$type<string[]>().notNull().default([]),
    period: text('period').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    /** H-7.2.4.4: the legal heating days of the full season (法定全采暖季供热天数). */
    legalHeatingDays: integer('legal_heating_days').notNull(),
    paymentDueOn: date('payment_due_on').notNull(),
    actualStartOn: date('actual_start_on'),
    actualEndOn: date('actual_end_on'),
    flags: jsonb('flags').$type<HeatingSeasonFlag[]>().notNull().default([]),
    /** The government notice that set the dates. */
    basis: text('basis').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('heating_seasons_uq').on(t.enterpriseId, t.area, t.period),
    index('heating_seasons_dates_idx').on(t.enterpriseId, t.startsOn),
  ],
);

/** The configurable heating rules of an enterprise (H-7.2.2), typed as the domain's HeatingRules. */
export type HeatingRulesJson = {
  earlyPayment: { enabled: boolean; payByDaysBeforeDue: number; rewardBps: number; capFen: number | null };
  suspendedFee: { bpsOfAreaFee: number; acceptedBeforeDaysOfStart: number };
  reminders: { daysAfterDue: number[]; repeatEveryDays: number | null; maxReminders: number };
  stopHeating: { contractAllows: boolean; minOverdueDays: number; minReminders: number };
};

export const heatingRules = pgTable(
  'heating_rules',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    effectiveFrom: date('effective_from').notNull(),
    rules: jsonb('rules').$type<HeatingRulesJson>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('heating_rules_uq').on(t.enterpriseId, t.effectiveFrom)],
);

/**
 * Heat-meter accuracy disputes (H-7.2.4): who disputes, the verification result, who pays the test, and — for a
 * faulty meter — the area-based fee for the disputed days (area season fee ÷ legal heating days × disputed days).
 * `status`: 'open' | 'resolved'.
 */
export const heatMeterDisputes = pgTable(
  'heat_meter_disputes',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    meterId: uuid('meter_id').references(() => meters.id),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => heatingSeasons.id),
    disputedBy: text('disputed_by').$type<'company' | 'customer'>().notNull(),
    raisedOn: date('raised_on').notNull(),
    disputeFrom: date('dispute_from').notNull(),
    disputeTo: date('dispute_to').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
    testResult: text('test_result').$type<'passed' | 'failed'>(),
    testedOn: date('tested_on'),
    testAgency: text('test_agency').notNull().default(''),
    testFeeFen: integer('test_fee_fen'),
    testPaidBy: text('test_paid_by').$type<'company' | 'customer'>(),
    billing: text('billing').$type<'meter' | 'area'>(),
    disputedDays: integer('disputed_days'),
    areaSeasonFeeFen: integer('area_season_fee_fen'),
    disputedDaysFeeFen: integer('disputed_days_fee_fen'),
    /** The correction bill that re-prices the disputed days by area, when the meter failed. */
    correctionBillId: uuid('correction_bill_id').references(() => bills.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('heat_meter_disputes_enterprise_idx').on(t.enterpriseId, t.status, t.raisedOn)],
);

/**
 * Refunds after the season (H-7.2.5), due before the committed date and no later than two months after the season
 * ends (H-5.5.2). `method`: 'pay' | 'offset' (against the next season); `status`: 'pending' | 'paid' | 'offset'.
 */
export const heatingRefunds = pgTable(
  'heating_refunds',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    seasonId: uuid('season_id')
      .notNull()
      .references(() => heatingSeasons.id),
    refundNo: text('refund_no').notNull(),
    /** 'low_temperature' | 'suspension' | 'meter_dispute' | 'overpayment' | 'other' */
    cause: text('cause').notNull(),
    reason: text('reason').notNull().default(''),
    amountFen: integer('amount_fen').notNull(),
    committedOn: date('committed_on').notNull(),
    latestOn: date('latest_on').notNull(),
    method: text('method').$type<'pay' | 'offset'>().notNull(),
    status: text('status').$type<'pending' | 'paid' | 'offset'>().notNull().default('pending'),
    settledOn: date('settled_on'),
    /** The season the offset is credited against. */
    offsetSeasonId: uuid('offset_season_id').references(() => heatingSeasons.id),
    settledBy: uuid('settled_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('heating_refunds_no_uq').on(t.enterpriseId, t.refundNo),
    index('heating_refunds_due_idx').on(t.enterpriseId, t.status, t.latestOn),
  ],
);
