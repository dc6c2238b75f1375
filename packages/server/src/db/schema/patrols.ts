import { bigserial, boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from '../schema.ts';
import { enterpriseRef, instant, randomId } from './columns.ts';

// Migration 0041. G-5.11.10: patrols of the network, kept as recorded; their findings are hazards (inspections.ts).
// G-5.3.1, G-6.1.1, G-6.1.3, G-7.1.1: the network's coverage by community with its capacity, as data.

export const networkPatrols = pgTable(
  'network_patrols',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    route: text('route').notNull(),
    area: text('area').notNull(),
    startedAt: instant('started_at'),
    endedAt: instant('ended_at'),
    patrollerId: uuid('patroller_id').references(() => users.id),
    patrollerName: text('patroller_name').notNull(),
    note: text('note').notNull().default(''),
    findings: integer('findings').notNull().default(0),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('network_patrols_enterprise_idx').on(t.enterpriseId, t.startedAt)],
);

/** One statement of a community's coverage; the latest per (enterprise, community) is in force (append-only). */
export const supplyCoverage = pgTable(
  'supply_coverage',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: enterpriseRef(),
    district: text('district').notNull().default(''),
    community: text('community').notNull(),
    covered: boolean('covered').notNull(),
    /** Households the network there can supply; null when not limited. */
    capacityHouseholds: integer('capacity_households'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('supply_coverage_community_idx').on(t.community, t.enterpriseId, t.id)],
);
