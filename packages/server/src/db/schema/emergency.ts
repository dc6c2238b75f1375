import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
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
import type { Messages } from '@ranre/domain';
import { enterpriseRef, instant, randomId } from './columns.ts';

/** G-4.2.2, H-4.2.2, G-5.12.3, H-6.4.3: a shift of the 24 h hotline or the rush-repair crew (migration 0034). */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    kind: text('kind').notNull(),
    startsAt: instant('starts_at'),
    endsAt: instant('ends_at'),
    /** People on the shift, from the staff registry. */
    staffIds: jsonb('staff_ids').$type<string[]>().notNull(),
    vehicles: jsonb('vehicles').$type<string[]>().notNull(),
    equipment: jsonb('equipment').$type<string[]>().notNull(),
    phone: text('phone').notNull(),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('duty_shifts_span_idx').on(t.enterpriseId, t.startsAt)],
);

/** Alerts of the readiness watcher (roster gaps, plan reviews, yearly exercises); raised once per key. */
export const emergencyAlerts = pgTable(
  'emergency_alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    enterpriseId: enterpriseRef(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    clause: text('clause').notNull(),
    dueAt: instant('due_at'),
    message: jsonb('message').$type<Messages>().notNull(),
    createdAt: instant('created_at'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [uniqueIndex('emergency_alerts_once_uq').on(t.enterpriseId, t.key)],
);

/** G-5.12.1, G-5.12.2, H-6.4.1: an emergency plan per kind of event; a revision is a new row (append-only). */
export const emergencyPlans = pgTable(
  'emergency_plans',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    eventKind: text('event_kind').notNull(),
    title: text('title').notNull(),
    contents: text('contents').notNull(),
    filedWith: text('filed_with').notNull(),
    filedOn: date('filed_on').notNull(),
    reviewDueOn: date('review_due_on').notNull(),
    revises: uuid('revises').references((): AnyPgColumn => emergencyPlans.id),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [
    index('emergency_plans_kind_idx').on(t.enterpriseId, t.eventKind, t.createdAt),
    uniqueIndex('emergency_plans_revised_once_uq').on(t.revises),
  ],
);

/** G-5.12.4, G-5.12.5, H-6.4.2: a drill or a leak-response publicity session held (append-only). */
export const emergencyExercises = pgTable(
  'emergency_exercises',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    kind: text('kind').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull(),
    audience: text('audience').notNull(),
    participants: integer('participants').notNull(),
    summary: text('summary').notNull().default(''),
    /** Photos as data URLs (PNG or JPEG). */
    photos: jsonb('photos').$type<string[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('emergency_exercises_year_idx').on(t.enterpriseId, t.heldOn)],
);

/** G-5.12.7–G-5.12.9, H-6.4.5.3: an incident, projected from its events (incident_events) in the same transaction. */
export const incidents = pgTable(
  'incidents',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    title: text('title').notNull(),
    area: text('area').notNull(),
    occurredAt: instant('occurred_at'),
    baseLevel: integer('base_level').notNull(),
    level: integer('level').notNull(),
    raiseReasons: jsonb('raise_reasons').$type<string[]>().notNull(),
    customersAffected: integer('customers_affected').notNull(),
    customersTold: integer('customers_told').notNull().default(0),
    /** H-10.5.1: heated area cut off (m²), and whether the company caused it. */
    heatedAreaM2: integer('heated_area_m2'),
    companyCaused: boolean('company_caused'),
    regulatorReportedAt: timestamp('regulator_reported_at', { withTimezone: true }),
    restoredAt: timestamp('restored_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('incidents_enterprise_idx').on(t.enterpriseId, t.occurredAt)],
);

/** An incident's timeline: append-only (trigger). */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    at: instant('at'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
  },
  (t) => [index('incident_events_incident_idx').on(t.incidentId, t.id)],
);

/** G-5.12.6: a warning to the customers of some communities on chosen channels (append-only). */
export const emergencyWarnings = pgTable(
  'emergency_warnings',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    communities: jsonb('communities').$type<string[]>().notNull(),
    channels: jsonb('channels').$type<string[]>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('emergency_warnings_enterprise_idx').on(t.enterpriseId, t.createdAt)],
);

/** Each level of a warning, the first and every raise or lowering; the latest is in force (append-only). */
export const emergencyWarningLevels = pgTable(
  'emergency_warning_levels',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    warningId: uuid('warning_id')
      .notNull()
      .references(() => emergencyWarnings.id),
    level: integer('level').notNull(),
    reason: text('reason').notNull(),
    important: boolean('important').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    households: integer('households').notNull(),
    at: instant('at'),
    actorName: text('actor_name').notNull(),
  },
  (t) => [index('emergency_warning_levels_idx').on(t.warningId, t.id)],
);

/** G-11.1, H-9.1: a public-liability policy of the enterprise (append-only). */
export const insurancePolicies = pgTable('insurance_policies', {
  id: randomId(),
  enterpriseId: enterpriseRef(),
  insurer: text('insurer').notNull(),
  policyNo: text('policy_no').notNull(),
  cover: text('cover').notNull(),
  limitFen: bigint('limit_fen', { mode: 'number' }).notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: instant('created_at'),
});

/** G-11.2–G-11.4, H-9.3–H-9.8: a claim, projected from its events; H-9.5's payment due kept when agreed. */
export const insuranceClaims = pgTable('insurance_claims', {
  id: randomId(),
  enterpriseId: enterpriseRef(),
  policyId: uuid('policy_id')
    .notNull()
    .references(() => insurancePolicies.id),
  incidentId: uuid('incident_id').references(() => incidents.id),
  /** H-9.6.3: the community of the loss (migration 0046), whose maintenance commitment is read. */
  community: text('community'),
  claimant: text('claimant').notNull(),
  description: text('description').notNull(),
  exclusions: jsonb('exclusions').$type<string[]>().notNull(),
  overrideReason: text('override_reason'),
  agreedFen: bigint('agreed_fen', { mode: 'number' }),
  payDueAt: timestamp('pay_due_at', { withTimezone: true }),
  paidAt: timestamp('paid_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
  createdBy: uuid('created_by').notNull(),
  createdAt: instant('created_at'),
});

export const insuranceClaimEvents = pgTable('insurance_claim_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  claimId: uuid('claim_id')
    .notNull()
    .references(() => insuranceClaims.id),
  type: text('type').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  at: instant('at'),
  actorName: text('actor_name').notNull(),
});

/**
 * H-9.3, G-11.3: the photos and video of a claim's loss (migration 0050), stored as the work orders' photos are;
 * append-only, and closed once the loss is counted with the customer.
 */
export const insuranceClaimMedia = pgTable(
  'insurance_claim_media',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    claimId: uuid('claim_id')
      .notNull()
      .references(() => insuranceClaims.id),
    kind: text('kind').notNull(),
    /** `loss` (G-11.2, H-9.3) or `injury`: site photos and medical receipts (H-9.4). */
    purpose: text('purpose').notNull().default('loss'),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    dataBase64: text('data_base64').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
  },
  (t) => [index('insurance_claim_media_claim_idx').on(t.claimId, t.createdAt)],
);
