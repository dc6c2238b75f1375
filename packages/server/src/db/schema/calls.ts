import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { enterpriseRef, instant, timeOrderedId } from './columns.ts';

/** G-12.4.1.1, H-3.13: each call the call centre received (migration 0036). Append-only. */
export const callRecords = pgTable(
  'call_records',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    /** The call centre's own call id: importing or pushing the same call again adds nothing. */
    externalId: text('external_id').notNull(),
    line: text('line').notNull(),
    agent: text('agent').notNull().default(''),
    rangAt: instant('rang_at'),
    /** Null: abandoned (never answered). */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    source: text('source').$type<'import' | 'push'>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [
    uniqueIndex('call_records_external_idx').on(t.enterpriseId, t.externalId),
    index('call_records_rang_idx').on(t.enterpriseId, t.rangAt),
  ],
);

/** An enterprise's "answered in time" threshold from a moment on; calls are judged by the one in force when they rang. */
export const callAnswerThresholds = pgTable(
  'call_answer_thresholds',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    seconds: integer('seconds').notNull(),
    effectiveFrom: instant('effective_from'),
    basis: text('basis').notNull().default(''),
    setBy: uuid('set_by').notNull(),
    setAt: instant('set_at'),
  },
  (t) => [index('call_answer_thresholds_idx').on(t.enterpriseId, t.effectiveFrom)],
);

/** G-12.4.1.2: one sampled customer's wait at a service point's window. Append-only. */
export const windowWaitSamples = pgTable(
  'window_wait_samples',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    servicePoint: text('service_point').notNull(),
    arrivedAt: instant('arrived_at'),
    waitSeconds: integer('wait_seconds').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('window_wait_samples_idx').on(t.enterpriseId, t.arrivedAt)],
);

export type SatisfactionGrade = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** G-12.4.5, H-3.14, H-10.3.2: one respondent's answer to a sample or third-party survey. Append-only. */
export const satisfactionResponses = pgTable(
  'satisfaction_responses',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    source: text('source').$type<'sample' | 'third_party'>().notNull(),
    surveyor: text('surveyor').notNull(),
    surveyedAt: instant('surveyed_at'),
    respondent: text('respondent').notNull().default(''),
    grade: text('grade').$type<SatisfactionGrade>().notNull(),
    factors: jsonb('factors').$type<Record<string, SatisfactionGrade>>().notNull().default({}),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('satisfaction_responses_idx').on(t.enterpriseId, t.surveyedAt)],
);
