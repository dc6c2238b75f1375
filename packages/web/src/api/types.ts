import type { Body, Item, Ok } from './contract.ts';

/** Shapes read from the generated contract (npm run api:generate), named as the pages use them. */
export type User = Ok<'/api/auth/me'>['user'];
export type Role = User['role'];

export const ROLES: Role[] = [
  'regulator',
  'enterprise_admin',
  'agent',
  'dispatcher',
  'technician',
  'inspector',
  'billing_clerk',
  'resident',
];

export type Enterprise = Item<'/api/enterprises'>;
export type EnterpriseKind = Enterprise['kind'];

export const ENTERPRISE_KINDS: EnterpriseKind[] = [
  'pipeline_gas',
  'bottled_gas',
  'vehicle_gas',
  'appliance',
  'heating',
  'heating_reseller',
  'regulator',
];

export type Id = string | number;

export type ServicePoint = Enterprise['servicePoints'][number];
export type EnterpriseInput = Body<'/api/enterprises'>;
export type Staff = Item<'/api/staff'>;
export type Certificate = Staff['certificates'][number];
export type CertificateInput = Body<'/api/staff/{id}/certificates'>;
export type ExpiringCertificate = Item<'/api/certificates/expiring'>;
export type StaffInput = Body<'/api/staff'>;
export type UserInput = Body<'/api/users'>;

/** A day of the calendar year (GET /api/calendar), as the contract types it. */
export type CalendarDay = Ok<'/api/calendar'>['days'][number];

/** A day's name: one string for both languages, or one per language. */
export type DayName = NonNullable<CalendarDay['name']>;

export type CalendarStatus = Ok<'/api/calendar/status'>;
export type ImportResult = Ok<'/api/calendar/import', 'post'>;
export type MovedDue = ImportResult['moved'][number];
export type CalendarOverride = Item<'/api/calendar/overrides'>;
export type OverrideKind = Body<'/api/calendar/overrides/{date}', 'put'>['kind'];
export type DueResult = Ok<'/api/calendar/due', 'post'>;
export type AuditEvent = Item<'/api/audit'>;

export interface Items<T> {
  items: T[];
}
