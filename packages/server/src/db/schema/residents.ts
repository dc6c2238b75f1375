import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { instant, randomId } from './columns.ts';

// Residents' self-service (issue 16, migration 0027).

/** A binding request: the account named, the hash of the one-time code sent to the phone on file. */
export const residentBindingRequests = pgTable(
  'resident_binding_requests',
  {
    id: randomId(),
    userId: uuid('user_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** Null when the details did not match an account (the attempt still counts against the hourly limit). */
    customerId: uuid('customer_id'),
    accountNo: text('account_no').notNull(),
    codeHash: text('code_hash'),
    /** 'pending' | 'verified' | 'failed' | 'rejected' (details did not match) */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: instant('expires_at'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resident_binding_requests_user_idx').on(t.userId, t.createdAt)],
);

/** What a resident adds to his own order: information, a rating (1–5), a reopening. */
export const residentOrderEntries = pgTable(
  'resident_order_entries',
  {
    id: randomId(),
    orderId: uuid('order_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** 'info' | 'rating' | 'reopen' */
    kind: text('kind').notNull(),
    text: text('text').notNull().default(''),
    rating: integer('rating'),
    reopenedOrderId: uuid('reopened_order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resident_order_entries_order_idx').on(t.orderId, t.createdAt)],
);

/** A resident's self sign-up with his mobile (the login name): the hash of the code sent to it. */
export const residentSignups = pgTable(
  'resident_signups',
  {
    id: randomId(),
    enterpriseId: uuid('enterprise_id').notNull(),
    phone: text('phone').notNull(),
    codeHash: text('code_hash'),
    /** 'pending' | 'verified' | 'failed' | 'registered' (the phone already had a login: no code sent) */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: instant('expires_at'),
    userId: uuid('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resident_signups_phone_idx').on(t.phone, t.createdAt)],
);

/**
 * A resident's self-reading of a gas meter with its photo (issue 16): checked by the readers' plausibility rules; a
 * clean one becomes a `customer` meter reading at once (`readingId`), a flagged one waits for staff review.
 */
export const residentReadings = pgTable(
  'resident_readings',
  {
    id: randomId(),
    enterpriseId: uuid('enterprise_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    meterId: uuid('meter_id').notNull(),
    userId: uuid('user_id').notNull(),
    readOn: date('read_on').notNull(),
    /** Litres, as `meter_readings.register`. */
    register: bigint('register', { mode: 'number' }).notNull(),
    usage: bigint('usage', { mode: 'number' }),
    photoMime: text('photo_mime').notNull(),
    photoBase64: text('photo_base64').notNull(),
    photoSha256: text('photo_sha256').notNull(),
    note: text('note').notNull().default(''),
    /** The plausibility flags the check raised (empty when clean). */
    flags: jsonb('flags').$type<Record<string, unknown>[]>().notNull().default([]),
    /** 'accepted' | 'pending_review' | 'accepted_after_review' | 'rejected' */
    status: text('status').notNull(),
    readingId: uuid('reading_id'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resident_readings_customer_idx').on(t.customerId, t.createdAt),
    index('resident_readings_review_idx').on(t.enterpriseId, t.status, t.createdAt),
  ],
);

/** When the resident last looked at the step notices of his orders: later steps are unread. */
export const residentNoticeReads = pgTable('resident_notice_reads', {
  userId: uuid('user_id').primaryKey(),
  seenAt: instant('seen_at'),
});

/**
 * A visit a resident booked from the phone (migration 0042, append-only): the time he proposed, and the order
 * (temperature test, bottled-gas delivery) or the planned inspection visit it belongs to.
 */
export const residentBookings = pgTable(
  'resident_bookings',
  {
    id: randomId(),
    enterpriseId: uuid('enterprise_id').notNull(),
    userId: uuid('user_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** 'temperature_test' | 'inspection' | 'bottled_gas_delivery' */
    kind: text('kind').notNull(),
    proposedAt: instant('proposed_at'),
    note: text('note').notNull().default(''),
    workOrderId: uuid('work_order_id'),
    visitId: uuid('visit_id'),
    createdAt: instant('created_at'),
  },
  (t) => [
    index('resident_bookings_user_idx').on(t.userId, t.createdAt),
    index('resident_bookings_visit_idx').on(t.visitId, t.createdAt),
  ],
);
