import { date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterpriseRef, instant, randomId } from './columns.ts';

// Migration 0049 (issue 19): document running numbers, and an enterprise ceasing business (G-9.3.2, G-6.2.14).

/** The last running number issued in a series (e.g. 'XS20261126-') of an enterprise; taken under a row lock. */
export const documentCounters = pgTable(
  'document_counters',
  {
    enterpriseId: enterpriseRef(),
    series: text('series').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.series] })],
);

/** G-9.3.2, G-6.2.14: a cessation as filed; never changed — its steps are appended. */
export const businessCessations = pgTable(
  'business_cessations',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    clause: text('clause').notNull(),
    service: text('service').notNull().default(''),
    ceasesOn: date('ceases_on').notNull(),
    applyBy: date('apply_by'),
    notifyBy: date('notify_by').notNull(),
    reason: text('reason').notNull(),
    arrangements: text('arrangements').notNull(),
    successor: text('successor').notNull().default(''),
    successorPhone: text('successor_phone').notNull().default(''),
    openOrders: integer('open_orders').notNull(),
    openWarranties: integer('open_warranties').notNull(),
    customers: integer('customers').notNull(),
    filedBy: uuid('filed_by').notNull(),
    filedAt: instant('filed_at'),
  },
  (t) => [index('business_cessations_enterprise_idx').on(t.enterpriseId, t.filedAt)],
);

/** approved / rejected (by the regulator, G-6.2.14), customers_notified, withdrawn — each at most once. */
export const businessCessationSteps = pgTable(
  'business_cessation_steps',
  {
    id: randomId(),
    cessationId: uuid('cessation_id')
      .notNull()
      .references(() => businessCessations.id),
    step: text('step').notNull(),
    note: text('note').notNull().default(''),
    notices: integer('notices').notNull().default(0),
    byUser: uuid('by_user').notNull(),
    at: instant('at'),
  },
  (t) => [uniqueIndex('business_cessation_steps_uq').on(t.cessationId, t.step)],
);
