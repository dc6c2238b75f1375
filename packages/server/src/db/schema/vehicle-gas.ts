import {
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
import { enterprises } from '../schema.ts';
import { randomId } from './columns.ts';

// Vehicle gas (issue 18, migration 0044): vehicles and their cylinders' certificates, dispensers and their
// verifications, the checks before filling and the fill log, leak cases (G-8.1).

const enterprise = () =>
  uuid('enterprise_id')
    .notNull()
    .references(() => enterprises.id);
const at = (name: string) => timestamp(name, { withTimezone: true });

/** A vehicle filled at the company's stations, one per plate per enterprise. */
export const vehicles = pgTable(
  'vehicles',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    plate: text('plate').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerPhone: text('owner_phone').notNull(),
    medium: text('medium').notNull(),
    vehicleType: text('vehicle_type').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('vehicles_plate_uq').on(t.enterpriseId, t.plate)],
);

/** G-8.1.1, G-8.1.10: an on-board cylinder, its medium and the inspection certificate in force (projection). */
export const vehicleCylinders = pgTable(
  'vehicle_cylinders',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id),
    serialNo: text('serial_no').notNull(),
    medium: text('medium').notNull(),
    manufacturer: text('manufacturer').notNull().default(''),
    capacityL: integer('capacity_l'),
    certificateNo: text('certificate_no').notNull(),
    certificateExpiresOn: date('certificate_expires_on').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('vehicle_cylinders_serial_uq').on(t.vehicleId, t.serialNo)],
);

/** Every certificate a cylinder was shown with (append-only); the cylinder row holds the latest. */
export const vehicleCylinderCertificates = pgTable(
  'vehicle_cylinder_certificates',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    cylinderId: uuid('cylinder_id')
      .notNull()
      .references(() => vehicleCylinders.id),
    certificateNo: text('certificate_no').notNull(),
    inspectedOn: date('inspected_on'),
    expiresOn: date('expires_on').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('vehicle_cylinder_certificates_idx').on(t.cylinderId, t.recordedAt)],
);

/** G-8.1.2: a dispenser at a station and the medium it delivers. */
export const dispensers = pgTable(
  'dispensers',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    station: text('station').notNull(),
    number: text('number').notNull(),
    medium: text('medium').notNull(),
    maker: text('maker').notNull().default(''),
    serialNo: text('serial_no').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('dispensers_number_uq').on(t.enterpriseId, t.station, t.number)],
);

/** G-8.1.2: each metrological verification of a dispenser with its validity (append-only). */
export const dispenserVerifications = pgTable(
  'dispenser_verifications',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    dispenserId: uuid('dispenser_id')
      .notNull()
      .references(() => dispensers.id),
    verifiedOn: date('verified_on').notNull(),
    passed: boolean('passed').notNull(),
    validUntil: date('valid_until').notNull(),
    certificateNo: text('certificate_no').notNull(),
    verifier: text('verifier').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: at('recorded_at').notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [index('dispenser_verifications_idx').on(t.dispenserId, t.verifiedOn, t.seq)],
);

export interface StoredFinding {
  reason: string;
  serialNo: string | null;
}
export interface StoredReminder {
  serialNo: string;
  expiresOn: string;
  daysLeft: number;
}

/** G-8.1.1, G-8.1.10: every check before a fill, refusals with their findings (append-only). */
export const vehicleFillChecks = pgTable(
  'vehicle_fill_checks',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    station: text('station').notNull(),
    dispenserId: uuid('dispenser_id')
      .notNull()
      .references(() => dispensers.id),
    plate: text('plate').notNull(),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id),
    medium: text('medium').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason'),
    findings: jsonb('findings').$type<StoredFinding[]>().notNull().default([]),
    reminders: jsonb('reminders').$type<StoredReminder[]>().notNull().default([]),
    actorId: uuid('actor_id'),
    checkedAt: at('checked_at').notNull(),
  },
  (t) => [index('vehicle_fill_checks_enterprise_idx').on(t.enterpriseId, t.checkedAt)],
);

/** Every fill: station, dispenser, attendant, vehicle, medium, quantity, time, leak check (append-only). */
export const vehicleFills = pgTable(
  'vehicle_fills',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => vehicleFillChecks.id),
    station: text('station').notNull(),
    dispenserId: uuid('dispenser_id')
      .notNull()
      .references(() => dispensers.id),
    dispenserNo: text('dispenser_no').notNull(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id),
    plate: text('plate').notNull(),
    medium: text('medium').notNull(),
    /** Thousandths of the unit (kg or L): 12.345 kg is 12345. */
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    leakFree: boolean('leak_free').notNull(),
    attendantId: uuid('attendant_id'),
    attendantName: text('attendant_name').notNull(),
    filledAt: at('filled_at').notNull(),
  },
  (t) => [
    uniqueIndex('vehicle_fills_check_uq').on(t.checkId),
    index('vehicle_fills_enterprise_idx').on(t.enterpriseId, t.filledAt),
  ],
);

/** G-8.1.5: a leaking vehicle cylinder; `state` projects the last appended step. */
export const vehicleLeakCases = pgTable(
  'vehicle_leak_cases',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    caseNo: text('case_no').notNull(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id),
    plate: text('plate').notNull(),
    cylinderSerial: text('cylinder_serial'),
    station: text('station').notNull(),
    fillId: uuid('fill_id').references(() => vehicleFills.id),
    description: text('description').notNull(),
    state: text('state').notNull().default('found'),
    foundAt: at('found_at').notNull(),
    closedAt: at('closed_at'),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('vehicle_leak_cases_no_uq').on(t.enterpriseId, t.caseNo),
    index('vehicle_leak_cases_vehicle_idx').on(t.vehicleId, t.state),
  ],
);

export const vehicleLeakSteps = pgTable(
  'vehicle_leak_steps',
  {
    id: randomId(),
    enterpriseId: enterprise(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => vehicleLeakCases.id),
    step: text('step').notNull(),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: at('at').notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('vehicle_leak_steps_once_uq').on(t.caseId, t.step)],
);
