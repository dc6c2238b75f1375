import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { enterpriseRef, instant, randomId } from './columns.ts';

/**
 * Service notices (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12): the head of each notice with its current content, kept on
 * file. The content is never edited in place: a change is a new row in `service_notice_revisions` (append-only by
 * trigger, migration 0012+) and the head is moved to it in the same transaction; households are told again.
 * Recipients are the outbox rows (`notifications.ref_type = 'service_notice'`, `ref_id` = the notice id).
 */
export const serviceNotices = pgTable(
  'service_notices',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    noticeNo: text('notice_no').notNull(),
    /** 'gas' | 'heating' */
    sector: text('sector').notNull(),
    /** 'filling' | 'commissioning' | 'planned_interruption' | 'unplanned_interruption' */
    kind: text('kind').notNull(),
    clause: text('clause').notNull(),
    revision: integer('revision').notNull().default(1),
    title: text('title').notNull(),
    cause: text('cause').notNull().default(''),
    communities: jsonb('communities').$type<string[]>().notNull().default([]),
    repairSection: text('repair_section').notNull().default(''),
    managerName: text('manager_name').notNull().default(''),
    managerPhone: text('manager_phone').notNull().default(''),
    safetyAdvice: text('safety_advice').notNull().default(''),
    durationReason: text('duration_reason').notNull().default(''),
    startsAt: instant('starts_at'),
    expectedRestoreAt: timestamp('expected_restore_at', { withTimezone: true }),
    actualRestoreAt: timestamp('actual_restore_at', { withTimezone: true }),
    /** Whether the households were sent the notice (H-6.4.5: required over 24 h). */
    notifyHouseholds: boolean('notify_households').notNull().default(true),
    publishedAt: instant('published_at'),
    /** 'published' | 'restored' | 'completed' */
    status: text('status').notNull().default('published'),
    overrunNotifiedAt: timestamp('overrun_notified_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_notices_no_uq').on(t.enterpriseId, t.noticeNo),
    index('service_notices_list_idx').on(t.enterpriseId, t.publishedAt),
    index('service_notices_overrun_idx')
      .on(t.expectedRestoreAt)
      .where(sql`status = 'published' and overrun_notified_at is null`),
  ],
);

/** Every issued version of a notice, as published; never updated or deleted. */
export const serviceNoticeRevisions = pgTable(
  'service_notice_revisions',
  {
    id: randomId(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => serviceNotices.id),
    enterpriseId: enterpriseRef(),
    revision: integer('revision').notNull(),
    /** The content as published: title, cause, communities, times, manager, phone … */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** Why it was revised (empty for the first). */
    reason: text('reason').notNull().default(''),
    recipients: integer('recipients').notNull().default(0),
    publishedAt: instant('published_at'),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('service_notice_revisions_uq').on(t.noticeId, t.revision)],
);
