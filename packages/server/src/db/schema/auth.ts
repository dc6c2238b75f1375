import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Sign-in attempts per user name (issue 12), kept for names that exist and names that do not, so that an unknown
 * name is answered exactly like a known one, lockout included. `attempts` counts failed and in-flight attempts
 * since the last success: it is taken by one atomic upsert before the password is checked, so parallel wrong
 * passwords cannot all read the same count. (Replaces users.failed_logins / users.locked_until, no longer used.)
 */
export const loginAttempts = pgTable('login_attempts', {
  /** The user name as typed, trimmed, NFKC-normalised and lower-cased. */
  usernameKey: text('username_key').primaryKey(),
  attempts: integer('attempts').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
