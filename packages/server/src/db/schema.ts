import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
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
import { enterpriseRef, instant } from './schema/columns.ts';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export type ServicePoint = { name: string; address: string; hours: string; takesPayments?: boolean };

/** Enterprises of every kind the two standards name, plus the regulator itself. */
export const enterprises = pgTable('enterprises', {
  id: id(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  creditCode: text('credit_code').notNull().unique(),
  hotline: text('hotline').notNull(),
  supervisionPhone: text('supervision_phone').notNull(),
  address: text('address').notNull().default(''),
  /** The district (区县) the enterprise serves from, as premises.district names them (migration 0047). */
  district: text('district').notNull().default(''),
  servicePoints: jsonb('service_points').$type<ServicePoint[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Login accounts. A staff member may have one; residents have one without staff record. */
export const users = pgTable('users', {
  id: id(),
  enterpriseId: enterpriseRef(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  /** The staff record this login belongs to (migration 0040); null for residents and accounts without one. */
  staffId: uuid('staff_id').references((): AnyPgColumn => staff.id),
  passwordHash: text('password_hash').notNull(),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Server-side sessions; the cookie carries a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: instant('expires_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Staff registry (G-5.6.1, G-5.6.4, G-9.2.2, H-7.6.1.3): badge with company, number, name, employee number, photo, post. */
export const staff = pgTable(
  'staff',
  {
    id: id(),
    enterpriseId: enterpriseRef(),
    name: text('name').notNull(),
    badgeNo: text('badge_no').notNull(),
    employeeNo: text('employee_no').notNull(),
    post: text('post').notNull(),
    phone: text('phone'),
    photo: text('photo'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('staff_badge_uq').on(t.enterpriseId, t.badgeNo),
    uniqueIndex('staff_employee_uq').on(t.enterpriseId, t.employeeNo),
  ],
);

/** Qualification certificates with expiry (G-5.6.1, G-9.2.2). */
export const certificates = pgTable(
  'certificates',
  {
    id: id(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    enterpriseId: enterpriseRef(),
    name: text('name').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    issuedOn: date('issued_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('certificates_expiry_idx').on(t.enterpriseId, t.expiresOn)],
);

/** Append-only audit trail; a trigger in the migrations refuses UPDATE, DELETE and TRUNCATE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    enterpriseId: uuid('enterprise_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_enterprise_idx').on(t.enterpriseId, t.id),
    index('audit_entity_idx').on(t.entity, t.entityId),
  ],
);

/** Administrator corrections of the holiday data, and declarations of newly published years. */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date').primaryKey(),
  kind: text('kind').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: createdAt(),
});

/** Years whose State Council notice the administrator has entered by hand (beyond the packaged data). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  note: text('note').notNull().default(''),
  createdAt: createdAt(),
});

/** Last run of each recurring job, read by /api/health. */
export const jobHeartbeats = pgTable('job_heartbeats', {
  name: text('name').primaryKey(),
  at: timestamp('at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

// Hotline core (customer archive, work orders, complaints).
export * from './schema/customers.ts';
export * from './schema/workorders.ts';
export * from './schema/billing.ts';
export * from './schema/notices.ts';
export * from './schema/disputes.ts';
export * from './schema/heating.ts';
export * from './schema/heating-quality.ts';
export * from './schema/payment-intents.ts';
export * from './schema/auth.ts';
export * from './schema/evaluation.ts';
export * from './schema/residents.ts';
export * from './schema/inspections.ts';
export * from './schema/patrols.ts';
export * from './schema/gas-safety.ts';
export * from './schema/calls.ts';
export * from './schema/appliances.ts';
export * from './schema/appliance-sales.ts';
export * from './schema/gateway-keys.ts';
export * from './schema/emergency.ts';
export * from './schema/heating-operations.ts';
export * from './schema/cylinders.ts';
export * from './schema/vehicle-gas.ts';
export * from './schema/cylinder-deliveries.ts';
export * from './schema/heating-outages.ts';
export * from './schema/cessations.ts';
export * from './schema/bottled-orders.ts';
export * from './schema/data-changes.ts';
