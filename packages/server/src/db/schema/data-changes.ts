import { customType, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A transaction id as PostgreSQL's `xid8` (64 bits, never wraps), carried as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Which enterprise's data a transaction changed, noted by statement triggers on the tables the read cache answers from
 * (migration 0057). Not a business record: no one writes it but the triggers, and it is pruned after minutes.
 */
export const dataChanges = pgTable(
  'data_changes',
  {
    /** The nil uuid for a change that is everyone's (the calendar, an enterprise's own row, a TRUNCATE). */
    enterpriseId: uuid('enterprise_id').notNull(),
    xid: xid8('xid').notNull(),
    notedAt: timestamp('noted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.xid] })],
);
