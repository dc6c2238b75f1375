import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
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
import { users } from '../schema.ts';
import { enterpriseRef, instant, randomId, timeOrderedId } from './columns.ts';
import { customers, premises } from './customers.ts';

// Shared money tables for gas (issue 4) and heating (issue 5). Volumes are integer litres, money integer fen.
// Bills, notices, payments and ledger entries are documents: once written they are never edited; a correction
// is a new document that names the one it corrects (the triggers in the billing migrations refuse UPDATE/DELETE).

const litres = (name: string) => bigint(name, { mode: 'number' });
/**
 * The bulk documents (bills, payment notices, ledger entries) check their references once per statement, not once
 * per row: migration 0017's `*_references` triggers look every new row's customer (of the same enterprise), bill,
 * run, template and user up in one query and refuse the statement otherwise (SQLSTATE 23503, like a foreign key).
 * What makes this as strong as a foreign key: every table they point to refuses DELETE and a change of its key
 * (customers, users, billing runs; bills and templates are never edited at all), so a row checked stays valid.
 */

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Meters (G-6.2.2): gas meters and heat meters, with verification and replacement dates. */
export const meters = pgTable(
  'meters',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id').references(() => customers.id),
    premisesId: uuid('premises_id').references(() => premises.id),
    /** 'gas' | 'heat' */
    sector: text('sector').notNull(),
    serialNo: text('serial_no').notNull(),
    model: text('model').notNull().default(''),
    manufacturer: text('manufacturer').notNull().default(''),
    /** 'in_service' | 'in_verification' | 'removed' | 'in_stock' */
    status: text('status').notNull().default('in_service'),
    installedOn: date('installed_on'),
    removedOn: date('removed_on'),
    /** Register at installation, litres (gas) or kWh×1000 (heat). */
    initialReading: litres('initial_reading').notNull().default(0),
    verifiedOn: date('verified_on'),
    nextVerificationDue: date('next_verification_due'),
    replaceBy: date('replace_by'),
    remoteReading: boolean('remote_reading').notNull().default(false),
    prepaid: boolean('prepaid').notNull().default(false),
    /** G-6.2.2: a prepaid meter alarms at a low balance, or allows a limited overdraft. */
    lowBalanceAlarmFen: integer('low_balance_alarm_fen'),
    overdraftLimitFen: integer('overdraft_limit_fen'),
    prepaidBalanceFen: integer('prepaid_balance_fen').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meters_serial_uq').on(t.enterpriseId, t.serialNo),
    index('meters_customer_idx').on(t.customerId),
    index('meters_verification_idx').on(t.enterpriseId, t.nextVerificationDue),
  ],
);

/** Installation, exchange, removal, verification (with the spare meter or agreed method meanwhile): appended. */
export const meterEvents = pgTable(
  'meter_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: enterpriseRef(),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id),
    customerId: uuid('customer_id').references(() => customers.id),
    kind: text('kind').notNull(),
    on: date('on').notNull(),
    reading: litres('reading'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid('actor_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('meter_events_meter_idx').on(t.meterId, t.id)],
);

/**
 * Meter readings on the contract's cycle (G-6.2.3, G-6.2.5). `kind`: 'actual' | 'remote' | 'customer' | 'estimated'.
 * `register` is the cumulative meter register; `usage` the volume since the previous reading. An estimate keeps
 * its basis (the method and the cap of G-6.2.5) so the screen can say why.
 */
export const meterReadings = pgTable(
  'meter_readings',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    meterId: uuid('meter_id')
      .notNull()
      .references(() => meters.id),
    readOn: date('read_on').notNull(),
    kind: text('kind').notNull(),
    register: litres('register').notNull(),
    usage: litres('usage').notNull(),
    estimateBasis: jsonb('estimate_basis').$type<Record<string, unknown>>(),
    /** Plausibility flags raised on entry (high/low) and the reader's confirmation. */
    checks: jsonb('checks').$type<Record<string, unknown>[]>().notNull().default([]),
    note: text('note').notNull().default(''),
    enteredBy: uuid('entered_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meter_readings_meter_day_uq').on(t.meterId, t.readOn),
    index('meter_readings_customer_idx').on(t.customerId, t.readOn),
    index('meter_readings_enterprise_day_idx').on(t.enterpriseId, t.readOn),
  ],
);

/**
 * Price schedules as data (G-6.2.4, H-7.2.1): per sector and customer class, with an effective date. `tiers` is
 * the domain's PriceTier[] (annual thresholds in litres, prices in fen/m³); heating keeps its own price shape in
 * `heating` (per m² per season, or base + metered part).
 */
export const priceSchedules = pgTable(
  'price_schedules',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    sector: text('sector').notNull(),
    customerClass: text('customer_class').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    label: text('label').notNull().default(''),
    /** True for values shipped as examples (not the local price authority's). */
    demo: boolean('demo').notNull().default(false),
    tiers: jsonb('tiers').$type<{ upTo: number | null; price: number }[]>().notNull().default([]),
    /** First month (1–12) of the tier year (阶梯年度). */
    tierYearStartMonth: integer('tier_year_start_month').notNull().default(1),
    heating: jsonb('heating').$type<Record<string, unknown>>(),
    /** The price authority's document number and the date customers were told (G-6.2.4). */
    basis: text('basis').notNull().default(''),
    announcedOn: date('announced_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('price_schedules_uq').on(t.enterpriseId, t.sector, t.customerClass, t.effectiveFrom)],
);

/** A billing run over one cycle, run as a pg-boss job; counters show progress and survive a crash. */
export const billingRuns = pgTable(
  'billing_runs',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    sector: text('sector').notNull(),
    /** '2026-10' for a monthly gas cycle, '2026-2027' for a heating season. */
    period: text('period').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    /** 'queued' | 'running' | 'done' | 'failed' */
    status: text('status').notNull().default('queued'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    billed: integer('billed').notNull().default(0),
    estimated: integer('estimated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    /** { reasonCode: count } and a sample of skipped accounts with reasons. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    error: text('error'),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('billing_runs_enterprise_idx').on(t.enterpriseId, t.createdAt)],
);

/**
 * Bills. One regular bill per account, sector and period — `bills_regular_uq`, so a rerun never duplicates.
 * Corrections (`kind` = 'correction') name the bill they correct and carry the difference.
 */
export const bills = pgTable(
  'bills',
  {
    id: timeOrderedId(),
    enterpriseId: uuid('enterprise_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    sector: text('sector').notNull(),
    period: text('period').notNull(),
    billNo: text('bill_no').notNull(),
    /** 'regular' | 'correction' | 'season' */
    kind: text('kind').notNull().default('regular'),
    correctsBillId: uuid('corrects_bill_id'),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    startRegister: litres('start_register'),
    endRegister: litres('end_register'),
    volume: litres('volume').notNull().default(0),
    estimated: boolean('estimated').notNull().default(false),
    amountFen: integer('amount_fen').notNull(),
    /** The priced lines (domain PriceLine[] for gas; area/base/metered parts for heating). */
    lines: jsonb('lines').$type<Record<string, unknown>[]>().notNull().default([]),
    /** The run that wrote the bill (checked by `bills_references`). */
    runId: uuid('run_id'),
    note: text('note').notNull().default(''),
    issuedOn: date('issued_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bills_no_uq').on(t.enterpriseId, t.billNo),
    uniqueIndex('bills_regular_uq')
      .on(t.customerId, t.sector, t.period)
      .where(sql`kind in ('regular', 'season')`),
    index('bills_customer_idx').on(t.customerId, t.periodFrom),
    // A run writes its bills together, so a block-range index finds them at almost no cost to each insert.
    index('bills_run_brin').using('brin', t.runId),
  ],
);

/**
 * What every notice of an enterprise on one day shares (G-6.2.7: company, where, when and how to pay, the three
 * phones; G-6.2.6: why the due date is what it is), stored once and referenced by each notice. The id is a hash of
 * the content (db/ids.ts contentUuid), so a run writes a template with `on conflict do nothing` and a changed
 * enterprise phone makes a new template: notices already issued keep what they said. Never edited.
 */
export const noticeTemplates = pgTable('notice_templates', {
  id: uuid('id').primaryKey(),
  enterpriseId: enterpriseRef(),
  content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
});

/** Payment notices (G-6.2.6, G-6.2.7): every field is stored as issued (own fields + template); never edited. */
export const paymentNotices = pgTable(
  'payment_notices',
  {
    id: timeOrderedId(),
    enterpriseId: uuid('enterprise_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** The bill, of the same enterprise and customer (checked by `payment_notices_references`). */
    billId: uuid('bill_id').notNull(),
    noticeNo: text('notice_no').notNull(),
    issuedOn: date('issued_on').notNull(),
    dueDate: date('due_date').notNull(),
    /** The account's part of the notice; with `templateId`, the shared part is the template's content. */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    templateId: uuid('template_id'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payment_notices_bill_uq').on(t.billId),
    uniqueIndex('payment_notices_no_uq').on(t.enterpriseId, t.noticeNo),
  ],
);

/**
 * Payments (G-6.2.8) on every channel. `idempotencyKey` is unique per enterprise, so a repeated submission records
 * one payment; each has a numbered receipt.
 */
export const payments = pgTable(
  'payments',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    sector: text('sector').notNull(),
    /** 'counter' | 'bank' | 'wechat' | 'alipay' | 'prepaid_topup' */
    channel: text('channel').notNull(),
    amountFen: integer('amount_fen').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    receiptNo: text('receipt_no').notNull(),
    externalRef: text('external_ref'),
    billId: uuid('bill_id').references(() => bills.id),
    meterId: uuid('meter_id').references(() => meters.id),
    receivedAt: instant('received_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('payments_idempotency_uq').on(t.enterpriseId, t.idempotencyKey),
    uniqueIndex('payments_receipt_uq').on(t.enterpriseId, t.receiptNo),
    index('payments_customer_idx').on(t.customerId, t.receivedAt),
  ],
);

/**
 * The account ledger: balance = charges − payments ± adjustments (positive = the customer owes). Appended only.
 * `kind`: 'charge' | 'payment' | 'adjustment'; `amountFen` as the domain's LedgerEvent (payments positive).
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    sector: text('sector').notNull(),
    kind: text('kind').notNull(),
    amountFen: integer('amount_fen').notNull(),
    /** 'bill' | 'payment' | 'meter_dispute' | 'refund' | 'reward' | ... and the document's id. */
    refType: text('ref_type').notNull(),
    refId: text('ref_id').notNull(),
    reason: text('reason').notNull().default(''),
    bookedOn: date('booked_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ledger_entries_customer_idx').on(t.customerId, t.id),
    uniqueIndex('ledger_entries_ref_uq').on(t.refType, t.refId, t.kind),
  ],
);

/**
 * Notification outbox: reminders, price-change and interruption notices to customers. A row is written in the
 * same transaction as its cause; a job hands it to the channel adapter and records the result. `dedupeKey` makes
 * a scheduled reminder idempotent.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    customerId: uuid('customer_id').references(() => customers.id),
    /** 'sms' | 'wechat' | 'letter' | 'app' */
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull().default(''),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    bodyEn: text('body_en').notNull().default(''),
    refType: text('ref_type'),
    refId: text('ref_id'),
    dedupeKey: text('dedupe_key').notNull(),
    /** 'queued' | 'sent' | 'failed' */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.enterpriseId, t.dedupeKey),
    index('notifications_status_idx').on(t.status, t.createdAt),
    index('notifications_customer_idx').on(t.customerId, t.createdAt),
  ],
);
