import {
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
import { enterpriseRef, instant, randomId } from './columns.ts';

/**
 * G-7.1.2, G-7.1.4, G-7.1.5: the company's own cylinders (migration 0032). The code is unique over all history (rows
 * are never deleted; code and owner never change, by trigger); the last columns project the latest life events.
 */
export const cylinders = pgTable(
  'cylinders',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    code: text('code').notNull(),
    manufacturer: text('manufacturer').notNull(),
    serialNo: text('serial_no').notNull(),
    manufacturedOn: date('manufactured_on').notNull(),
    model: text('model').notNull(),
    capacityDl: integer('capacity_dl').notNull(),
    ratedFillG: integer('rated_fill_g').notNull(),
    toleranceG: integer('tolerance_g').notNull(),
    marking: text('marking').notNull(),
    lastInspectedOn: date('last_inspected_on'),
    nextInspectionOn: date('next_inspection_on').notNull(),
    scrapDueOn: date('scrap_due_on').notNull(),
    lastTreatedOn: date('last_treated_on'),
    scrappedOn: date('scrapped_on'),
    disposedOn: date('disposed_on'),
    lastFilledAt: timestamp('last_filled_at', { withTimezone: true }),
    lastNetWeightG: integer('last_net_weight_g'),
    state: text('state').notNull().default('in_stock'),
    createdBy: uuid('created_by').notNull(),
    createdAt: instant('created_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cylinders_code_uq').on(t.code),
    index('cylinders_enterprise_idx').on(t.enterpriseId, t.state, t.nextInspectionOn),
  ],
);

/** Every step of a cylinder's life, with who, where and when (G-7.1.5); append-only. */
export const cylinderEvents = pgTable(
  'cylinder_events',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    cylinderId: uuid('cylinder_id')
      .notNull()
      .references(() => cylinders.id),
    type: text('type').notNull(),
    at: instant('at'),
    place: text('place').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: instant('created_at'),
    /** The order of appending, for steps recorded at one instant. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('cylinder_events_cylinder_idx').on(t.cylinderId, t.at, t.seq)],
);

/** G-7.1.6: each scan at the filling line, accepted or refused with the reason; append-only. */
export const cylinderFillScans = pgTable(
  'cylinder_fill_scans',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    code: text('code').notNull(),
    cylinderId: uuid('cylinder_id').references(() => cylinders.id),
    station: text('station').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    scannedAt: instant('scanned_at'),
  },
  (t) => [index('cylinder_fill_scans_enterprise_idx').on(t.enterpriseId, t.scannedAt)],
);

/** G-7.1.6, G-12.4.3.1, G-12.4.3.2: the check after filling — net weight, leak test, pass or hold; append-only. */
export const cylinderFills = pgTable(
  'cylinder_fills',
  {
    id: randomId(),
    enterpriseId: enterpriseRef(),
    cylinderId: uuid('cylinder_id')
      .notNull()
      .references(() => cylinders.id),
    scanId: uuid('scan_id')
      .notNull()
      .references(() => cylinderFillScans.id),
    station: text('station').notNull(),
    netWeightG: integer('net_weight_g').notNull(),
    ratedFillG: integer('rated_fill_g').notNull(),
    toleranceG: integer('tolerance_g').notNull(),
    weightOk: boolean('weight_ok').notNull(),
    leakFree: boolean('leak_free').notNull(),
    outcome: text('outcome').notNull(),
    labelNo: text('label_no'),
    actorId: uuid('actor_id'),
    filledAt: instant('filled_at'),
  },
  (t) => [
    uniqueIndex('cylinder_fills_scan_uq').on(t.scanId),
    index('cylinder_fills_enterprise_idx').on(t.enterpriseId, t.filledAt),
  ],
);
