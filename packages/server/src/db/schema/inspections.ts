import {
  bigserial,
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
import type { HazardGrade, ResponsibleParty, VisitOutcome, VisitState } from '@ranre/domain';
import { users } from '../schema.ts';
import { enterpriseRef, instant, randomId, timeOrderedId } from './columns.ts';
import { customers } from './customers.ts';

// Gas safety inspections (G-5.11, migration 0026). The SQL of modules/gas/inspections reads and writes these.

/** One yearly plan per enterprise (G-5.11.1), with the visits a year per kind it was made with. */
export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    year: integer('year').notNull(),
    visitsPerKind: jsonb('visits_per_kind').$type<Record<string, number>>().notNull(),
    inspectorIds: jsonb('inspector_ids').$type<string[]>().notNull(),
    plannedCount: integer('planned_count').notNull(),
    customerCount: integer('customer_count').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspection_plans_year_uq').on(t.enterpriseId, t.year)],
);

/** A planned visit: its window and route, and its state projected from the visit records (G-5.11.9). */
export const inspectionVisits = pgTable(
  'inspection_visits',
  {
    id: timeOrderedId(),
    /** The plan and the customer (of the visit's enterprise) are checked once per statement (migration 0056). */
    planId: uuid('plan_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    premisesId: uuid('premises_id'),
    kind: text('kind').notNull(),
    seq: integer('seq').notNull(),
    windowFrom: date('window_from').notNull(),
    windowTo: date('window_to').notNull(),
    community: text('community').notNull(),
    building: text('building').notNull(),
    inspectorId: uuid('inspector_id'),
    state: text('state').$type<VisitState>().notNull().default('planned'),
    attempts: integer('attempts').notNull().default(0),
    lastOutcome: text('last_outcome').$type<VisitOutcome>(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }),
    followUp: jsonb('follow_up').$type<{ committee: string; at: string; agreed: string }>(),
    /** G-5.11.2: the day announced to the household, and a time agreed at its request. */
    announcedOn: date('announced_on'),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
  },
  (t) => [
    // Led by the customer, so it also finds a household's visits (migration 0056).
    uniqueIndex('inspection_visits_uq').on(t.customerId, t.planId, t.seq),
    index('inspection_visits_inspector_idx').on(t.inspectorId, t.windowFrom),
  ],
);

/** A visit record (G-5.11.4, G-5.11.8): append-only, its id made by the client so a re-sent record is one record. */
export const inspectionRecords = pgTable(
  'inspection_records',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: enterpriseRef(),
    visitId: uuid('visit_id').references(() => inspectionVisits.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    outcome: text('outcome').$type<VisitOutcome>().notNull(),
    at: instant('at'),
    place: jsonb('place').$type<{ lat: number; lng: number; text?: string }>(),
    checklist: jsonb('checklist').$type<{ code: string; ok: boolean; note?: string }[]>().notNull(),
    signature: text('signature'),
    note: text('note').notNull().default(''),
    receivedAt: instant('received_at'),
  },
  (t) => [index('inspection_records_customer_idx').on(t.customerId, t.at)],
);

/** A hazard (G-5.11.6): the ledger row, projected from its file of events. */
export const hazards = pgTable(
  'hazards',
  {
    id: timeOrderedId(),
    enterpriseId: enterpriseRef(),
    /** Null for a hazard on the network found on a patrol (G-5.11.10): it names its place instead. */
    customerId: uuid('customer_id').references(() => customers.id),
    recordId: uuid('record_id').references(() => inspectionRecords.id),
    patrolId: uuid('patrol_id'),
    location: text('location').notNull().default(''),
    /** G-5.11.7: the work order of a repair the customer asked the company to do (migration 0041). */
    repairOrderId: uuid('repair_order_id'),
    item: text('item').notNull(),
    grade: text('grade').$type<HazardGrade>().notNull(),
    responsible: text('responsible').$type<ResponsibleParty>().notNull(),
    description: text('description').notNull(),
    foundAt: instant('found_at'),
    dueAt: instant('due_at'),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    notice: text('notice').$type<'pending' | 'signed' | 'refused'>().notNull().default('pending'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    extensions: integer('extensions').notNull().default(0),
  },
  (t) => [
    index('hazards_ledger_idx').on(t.enterpriseId, t.status, t.dueAt),
    index('hazards_customer_idx').on(t.customerId, t.status),
  ],
);

/** The hazard's file (一患一档): every step from finding to closure, with its photos, never changed. */
export const hazardEvents = pgTable(
  'hazard_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    hazardId: uuid('hazard_id')
      .notNull()
      .references(() => hazards.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    type: text('type').notNull(),
    at: instant('at'),
    actorId: uuid('actor_id'),
    data: jsonb('data')
      .$type<{ reason?: string; description?: string; photos?: string[]; [key: string]: unknown }>()
      .notNull(),
  },
  (t) => [index('hazard_events_hazard_idx').on(t.hazardId, t.id)],
);

/** G-5.11.2: an announcement to the households of a route (migration 0039); append-only. */
export const inspectionAnnouncements = pgTable(
  'inspection_announcements',
  {
    id: randomId(),
    enterpriseId: uuid('enterprise_id').notNull(),
    community: text('community').notNull(),
    building: text('building').notNull(),
    plannedOn: date('planned_on').notNull(),
    timeWindow: text('time_window').notNull(),
    inspectorId: uuid('inspector_id'),
    inspectorName: text('inspector_name').notNull(),
    badgeNo: text('badge_no').notNull(),
    households: integer('households').notNull(),
    text: jsonb('text').$type<{ zh: string; en: string }>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('inspection_announcements_enterprise_idx').on(t.enterpriseId, t.plannedOn)],
);
