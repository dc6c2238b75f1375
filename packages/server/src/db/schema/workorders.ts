import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../schema.ts';
import { customers, premises } from './customers.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

/**
 * Work orders (工单, H-3.22). The row is a projection of the order's appended events, written in the same
 * transaction as each event; `version` guards against lost updates.
 */
export const workOrders = pgTable(
  'work_orders',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    orderNo: text('order_no').notNull(),
    itemCode: text('item_code').notNull(),
    channel: text('channel').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    premisesId: uuid('premises_id').references(() => premises.id),
    callerName: text('caller_name').notNull(),
    callerPhone: text('caller_phone'),
    address: text('address').notNull().default(''),
    description: text('description').notNull(),
    state: text('state').notNull(),
    isComplaint: boolean('is_complaint').notNull().default(false),
    /** First responder (G-5.5.1): owns the order until it is handed over. */
    ownerId: uuid('owner_id').references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    receivedAt: instant('received_at'),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    /** The earliest open clock's due, for sorting the dispatcher board. */
    nextDueAt: timestamp('next_due_at', { withTimezone: true }),
    breached: boolean('breached').notNull().default(false),
    externalRef: text('external_ref'),
    /** Who recorded the intake: the agent, or the resident filing his own request. */
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('work_orders_no_uq').on(t.enterpriseId, t.orderNo),
    index('work_orders_board_idx').on(t.enterpriseId, t.state, t.nextDueAt),
    index('work_orders_customer_idx').on(t.customerId),
    index('work_orders_assignee_idx').on(t.assigneeId, t.state),
    // The evaluation's clock indicators find an item's orders of a period (migration 0025).
    index('work_orders_received_idx').on(t.itemCode, t.receivedAt),
    // One enterprise's evaluation: its item's orders of a period (migration 0047).
    index('work_orders_evaluation_idx').on(t.enterpriseId, t.itemCode, t.receivedAt),
  ],
);

/** Every change to a work order, appended; a trigger refuses UPDATE and DELETE. */
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    type: text('type').notNull(),
    at: instant('at'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('work_order_events_order_idx').on(t.orderId, t.id),
    // The orders that ended without the service, which no indicator counts (migration 0052).
    index('work_order_events_ended_idx')
      .on(t.orderId)
      .where(sql`type in ('referred', 'refused', 'cancelled')`),
    // The return visits of a period (G-12.4.5, H-10.3.7), per enterprise (migration 0052).
    index('work_order_events_return_visit_idx')
      .on(t.enterpriseId, t.at)
      .where(sql`type = 'return_visited'`),
  ],
);

/** Each clock's stored outcome (met / breached, minutes used, margin) for the board and, later, the KPIs. */
export const workOrderClocks = pgTable(
  'work_order_clocks',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    name: text('name').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    clause: text('clause').notNull(),
    state: text('state').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    minutesUsed: integer('minutes_used'),
    marginMinutes: integer('margin_minutes'),
    explanation: jsonb('explanation').$type<{ zh: string; en: string }>(),
    evaluatedAt: instant('evaluated_at'),
    /** The due counted a day of a year whose holiday notice was not in yet: an import recomputes it. */
    provisional: boolean('provisional').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.name] }),
    index('work_order_clocks_due_idx').on(t.state, t.dueAt),
  ],
);

/** Complaint details (H-7.4.5 – H-7.4.10); the complainant's identity is shown only to those handling it. */
export const complaints = pgTable('complaints', {
  orderId: uuid('order_id')
    .primaryKey()
    .references(() => workOrders.id),
  enterpriseId: uuid('enterprise_id').notNull(),
  category: text('category').notNull(),
  responsibility: text('responsibility').notNull().default('undecided'),
  repeatCount: integer('repeat_count').notNull().default(1),
  flagged: boolean('flagged').notNull().default(false),
  investigation: text('investigation'),
  measures: text('measures'),
  accountability: text('accountability'),
  referral: text('referral'),
  /** H-7.4.9.2: the policy cited to a non-responsible complaint. */
  policy: text('policy'),
  /** G-5.7.3: what a repeat complainant was told (solution, contact) and the counts behind the flag. */
  repeatNotice: jsonb('repeat_notice').$type<Record<string, unknown>>(),
  /** H-10.4.1, H-10.4.2: null until judged (counted as reasonable); false leaves it out of H-10.5.4/H-10.5.5. */
  reasonable: boolean('reasonable'),
  judgementBasis: text('judgement_basis'),
  /** H-10.4.4: the reason an unreasonable complaint was answered with and reported to 12345. */
  unreasonableReason: text('unreasonable_reason'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Signatures and photos of on-site records (G-5.9.7); immutable once stored. */
export const attachments = pgTable(
  'attachments',
  {
    id: randomId(),
    enterpriseId: uuid('enterprise_id').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    kind: text('kind').notNull(),
    mime: text('mime').notNull(),
    dataBase64: text('data_base64').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_order_idx').on(t.orderId)],
);

/** Warnings and escalations sent by the deadline watcher: the unique key makes each one happen once. */
export const clockAlerts = pgTable(
  'clock_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => workOrders.id),
    clock: text('clock').notNull(),
    kind: text('kind').notNull(),
    dueAt: instant('due_at'),
    message: jsonb('message').$type<{ zh: string; en: string }>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [uniqueIndex('clock_alerts_once_uq').on(t.orderId, t.clock, t.kind, t.dueAt)],
);

/** Order numbers per enterprise and Shanghai day (G20261126-0001): the upsert hands out each number once. */
export const workOrderCounters = pgTable(
  'work_order_counters',
  {
    enterpriseId: enterpriseRef(),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.day] })],
);

/** A resident login's own customer accounts: bound after the check of residents/bindings (G-5.8.1). */
export const residentCustomers = pgTable(
  'resident_customers',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** The confirmed binding request (migration 0027); null for links made before self-service binding. */
    requestId: uuid('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.customerId] })],
);
