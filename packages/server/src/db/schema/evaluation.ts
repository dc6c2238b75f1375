import {
  bigint,
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../schema.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

/** A closed evaluation period (issue 14): its figures are kept with the definitions used (migration 0025). */
export const evaluationPeriods = pgTable('evaluation_periods', {
  period: text('period').primaryKey(),
  state: text('state').notNull(),
  definitionsVersion: text('definitions_version').notNull(),
  definitions: jsonb('definitions').notNull(),
  closedAt: instant('closed_at'),
  closedBy: uuid('closed_by').notNull(),
  reopenedAt: timestamp('reopened_at', { withTimezone: true }),
  reopenedBy: uuid('reopened_by'),
  reopenReason: text('reopen_reason'),
  version: integer('version').notNull().default(1),
});

/** Each enterprise's counts per indicator in a closed period; a missing row is nothing counted. */
export const evaluationFigures = pgTable(
  'evaluation_figures',
  {
    period: text('period')
      .notNull()
      .references(() => evaluationPeriods.period),
    enterpriseId: enterpriseRef(),
    indicator: text('indicator').notNull(),
    /** A count, or for an average indicator the sum of the amounts (bigint since migration 0036). */
    numerator: bigint('numerator', { mode: 'number' }).notNull(),
    /** A count, or for an amount ratio (H-10.5.1) the sum of the records' den_amount (bigint since 0047). */
    denominator: bigint('denominator', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.enterpriseId, t.indicator] })],
);

/** The records counted in a closed period's figures, so its drill-down agrees with the kept figure. */
export const evaluationRecords = pgTable(
  'evaluation_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    period: text('period')
      .notNull()
      .references(() => evaluationPeriods.period),
    enterpriseId: uuid('enterprise_id').notNull(),
    indicator: text('indicator').notNull(),
    refId: text('ref_id').notNull(),
    orderId: uuid('order_id'),
    refNo: text('ref_no').notNull(),
    item: text('item').notNull(),
    outcome: text('outcome').notNull(),
    at: instant('at'),
    inNumerator: boolean('in_numerator').notNull(),
    /** An average indicator's amount of this record (a wait in seconds); null for a rate (migration 0036). */
    amount: bigint('amount', { mode: 'number' }),
    /** The record's share of an amount denominator (H-10.5.1: the season base in m²·min); null for a count. */
    denAmount: bigint('den_amount', { mode: 'number' }),
  },
  (t) => [
    index('evaluation_records_figure_idx').on(
      t.period,
      t.indicator,
      t.enterpriseId,
      t.inNumerator,
      t.at,
      t.refId,
    ),
  ],
);

/**
 * Statements about a period (migration 0029): self-evaluation (G-12.2, H-10.2), improvement plan (H-10.3.8), the
 * regulator's remark, and publications (G-12.3, H-10.5.6) with the figures as published. Append-only.
 */
export const evaluationStatements = pgTable(
  'evaluation_statements',
  {
    id: randomId(),
    period: text('period').notNull(),
    /** Null for the regulator's publication of every enterprise's results. */
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('evaluation_statements_period_idx').on(t.period, t.enterpriseId, t.createdAt)],
);

// The clock indicators' per-day counts (migration 0054, issue 14 at 5,000,000 orders): each clock under the Shanghai
// day its order was received, by state, stopped and judged unreasonable; ended orders count nowhere. Statement
// triggers on clocks, complaints, events and orders append each change to the deltas in the writer's transaction;
// a job folds them into the days. Neither is written by the application.
const clockCountColumns = {
  day: date('day', { mode: 'string' }).notNull(),
  enterpriseId: uuid('enterprise_id').notNull(),
  itemCode: text('item_code').notNull(),
  clock: text('clock').notNull(),
  state: text('state').notNull(),
  stopped: boolean('stopped').notNull(),
  unreasonable: boolean('unreasonable').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
};

export const evaluationClockDays = pgTable('evaluation_clock_days', clockCountColumns, (t) => [
  primaryKey({
    columns: [t.day, t.enterpriseId, t.itemCode, t.clock, t.state, t.stopped, t.unreasonable],
  }),
]);

export const evaluationClockDeltas = pgTable(
  'evaluation_clock_deltas',
  { id: bigserial('id', { mode: 'number' }).primaryKey(), ...clockCountColumns },
  (t) => [index('evaluation_clock_deltas_day_idx').on(t.day)],
);
