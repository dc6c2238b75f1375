import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../schema.ts';

/**
 * A primary key that is a UUID version 7 (time-ordered; the SQL function is created by migration 0016, the same on
 * PGlite and a server). Rows written in bulk append to the end of their indexes, and rows made together (an account
 * with its premises, contract and meter; a month's readings; a run's bills) sit together on disk, so a billing run
 * that walks accounts in id order reads their pages in order instead of at random.
 */
export const timeOrderedId = () =>
  uuid('id')
    .primaryKey()
    .default(sql`ranre_uuid_v7()`);

/** A random UUID primary key (the default for rows that need no order on disk). */
export const randomId = () => uuid('id').primaryKey().defaultRandom();

/** The enterprise a row belongs to: every record has one, and every query is scoped by it. */
export const enterpriseRef = () =>
  uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id);

/** A required instant, stored UTC (`timestamptz`); reckoned in Asia/Shanghai only when shown or counted. */
export const instant = (name: string) => timestamp(name, { withTimezone: true }).notNull();
