import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../schema.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

/** H-5.4.1: a heating gateway's key for sensor ingestion; only its SHA-256 is kept (migration 0035). */
export const gatewayKeys = pgTable('gateway_keys', {
  id: randomId(),
  enterpriseId: enterpriseRef(),
  /** The gateway's code: one active key each, and its MQTT topic ranre/<enterprise>/<gateway>/readings. */
  gateway: text('gateway').notNull(),
  name: text('name').notNull(),
  /** The key's first characters, to tell keys apart on the page. */
  keyPrefix: text('key_prefix').notNull(),
  keyHash: text('key_hash').notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: instant('created_at'),
  revokedBy: uuid('revoked_by').references(() => users.id),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
