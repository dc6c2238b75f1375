import { boolean, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { incidents } from './emergency.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

/**
 * H-10.5.1, H-3.8: a heating interruption for the operation accident rate (migration 0047). The heated area is the
 * premises' of the communities named, as the archive had it when recorded; restored once.
 */
export const heatingOutages = pgTable(
  'heating_outages',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    communities: jsonb('communities').$type<string[]>().notNull(),
    heatedAreaM2: numeric('heated_area_m2', { precision: 14, scale: 2 }).notNull(),
    households: integer('households').notNull(),
    startedAt: instant('started_at'),
    restoredAt: timestamp('restored_at', { withTimezone: true }),
    companyCaused: boolean('company_caused').notNull(),
    cause: text('cause').notNull(),
    incidentId: uuid('incident_id').references(() => incidents.id),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
    restoredBy: uuid('restored_by'),
  },
  (t) => [index('heating_outages_enterprise_idx').on(t.enterpriseId, t.startedAt)],
);
