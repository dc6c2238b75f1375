import { boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { enterprises } from '../schema.ts';
import { incidents } from './emergency.ts';

/**
 * H-10.5.1, H-3.8: a heating interruption for the operation accident rate (migration 0047). The heated area is the
 * premises' of the communities named, as the archive had it when recorded; restored once.
 */
export const heatingOutages = pgTable(
  'heating_outages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    communities: jsonb('communities').$type<string[]>().notNull(),
    heatedAreaM2: numeric('heated_area_m2', { precision: 14, scale: 2 }).notNull(),
    households: integer('households').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    restoredAt: timestamp('restored_at', { withTimezone: true }),
    companyCaused: boolean('company_caused').notNull(),
    cause: text('cause').notNull(),
    incidentId: uuid('incident_id').references(() => incidents.id),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    restoredBy: uuid('restored_by'),
  },
  (t) => [index('heating_outages_enterprise_idx').on(t.enterpriseId, t.startedAt)],
);
