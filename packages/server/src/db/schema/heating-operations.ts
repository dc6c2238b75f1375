import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { enterprises } from '../schema.ts';
import { randomId } from './columns.ts';

// Issue 20, heating operations (migration 0046): patrols and their findings (H-6.3.1), the annual maintenance plan
// (H-6.3.2), newly connected communities' maintenance commitments (H-6.1.7, H-9.6.3), building notices (H-6.3.4).

const enterpriseId = () =>
  uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull();

export const heatingFacilityChecks = pgTable(
  'heating_facility_checks',
  {
    id: randomId(),
    enterpriseId: enterpriseId(),
    /** 'patrol' | 'inspection' */
    kind: text('kind').notNull(),
    facility: text('facility').notNull(),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    checkedBy: text('checked_by').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('heating_facility_checks_idx').on(t.enterpriseId, t.checkedOn)],
);

export const heatingCheckFindings = pgTable(
  'heating_check_findings',
  {
    id: randomId(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => heatingFacilityChecks.id),
    enterpriseId: enterpriseId(),
    text: text('text').notNull(),
    /** 'minor' | 'major' */
    severity: text('severity').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    closedOn: date('closed_on', { mode: 'string' }),
    closure: text('closure'),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('heating_check_findings_idx').on(t.enterpriseId, t.closedAt)],
);

export const heatingMaintenancePlans = pgTable(
  'heating_maintenance_plans',
  {
    id: randomId(),
    enterpriseId: enterpriseId(),
    year: integer('year').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    items: jsonb('items').$type<{ facility: string; work: string }[]>().notNull(),
    reportedTo: text('reported_to'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('heating_maintenance_plans_year_uq').on(t.enterpriseId, t.year)],
);

export const communityMaintenanceCommitments = pgTable(
  'community_maintenance_commitments',
  {
    id: randomId(),
    enterpriseId: enterpriseId(),
    community: text('community').notNull(),
    connectedOn: date('connected_on', { mode: 'string' }).notNull(),
    /** 'developer' (filed its commitment) | 'property_company' (inherits the duty, H-6.1.7) */
    party: text('party').notNull(),
    partyName: text('party_name').notNull(),
    partyPhone: text('party_phone').notNull(),
    /** The end of the developer's maintenance period; null when the property company inherits. */
    endsOn: date('ends_on', { mode: 'string' }),
    terms: text('terms').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('community_maintenance_commitments_idx').on(t.enterpriseId, t.community, t.createdAt)],
);

export const buildingHeatingNotices = pgTable(
  'building_heating_notices',
  {
    id: randomId(),
    enterpriseId: enterpriseId(),
    community: text('community').notNull(),
    building: text('building').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerPhone: text('owner_phone').notNull(),
    /** 'cannot_fill' | 'cannot_run' */
    reason: text('reason').notNull(),
    cause: text('cause').notNull(),
    advice: text('advice').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    households: integer('households').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('building_heating_notices_idx').on(t.enterpriseId, t.createdAt)],
);
