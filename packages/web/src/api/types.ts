import type { Ok } from './contract.ts';

/** Shapes from docs/api.md. */
export type Role =
  | 'regulator'
  | 'enterprise_admin'
  | 'agent'
  | 'dispatcher'
  | 'technician'
  | 'inspector'
  | 'billing_clerk'
  | 'resident';

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

export type EnterpriseKind =
  'pipeline_gas' | 'bottled_gas' | 'vehicle_gas' | 'appliance' | 'heating' | 'heating_reseller' | 'regulator';

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

export interface User {
  id: Id;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: Id | null;
  enterpriseName: string | null;
  enterpriseKind: EnterpriseKind | null;
}

export interface ServicePoint {
  name: string;
  address: string;
  hours: string;
  /** Customers can pay here; absent on older records, which count as taking payments. */
  takesPayments?: boolean;
}

export interface Enterprise {
  id: Id;
  name: string;
  kind: EnterpriseKind;
  creditCode: string;
  hotline: string;
  supervisionPhone: string;
  address: string;
  servicePoints: ServicePoint[];
  /** Optimistic concurrency: sent back on PATCH, 409 VERSION_CONFLICT if someone wrote since. */
  version?: number;
  createdAt: string;
  updatedAt?: string;
}

export type EnterpriseInput = Omit<Enterprise, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

export interface Certificate {
  id: Id;
  staffId: Id;
  name: string;
  number: string;
  issuer: string;
  issuedOn: string;
  expiresOn: string;
}

export type CertificateInput = Omit<Certificate, 'id' | 'staffId'>;

export interface ExpiringCertificate extends Certificate {
  staffName: string;
  enterpriseId: Id;
  enterpriseName: string;
  daysLeft: number;
}

export interface Staff {
  id: Id;
  enterpriseId: Id;
  enterpriseName: string;
  name: string;
  badgeNo: string;
  employeeNo: string;
  post: string;
  /** Masked (138****1234) unless the caller is the regulator or that enterprise's admin. */
  phone: string | null;
  photo: string | null;
  active: boolean;
  version?: number;
  certificates: Certificate[];
}

/** Not spelled out by the contract: inferred from Staff. `phone` is sent only when (re)entered. */
export interface StaffInput {
  enterpriseId?: Id;
  name: string;
  badgeNo: string;
  employeeNo: string;
  post: string;
  phone?: string | null;
  photo: string | null;
  active: boolean;
  version?: number;
}

export interface UserInput {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId?: Id;
  password: string;
}

/** A day of the calendar year (GET /api/calendar), as the contract types it. */
export type CalendarDay = Ok<'/api/calendar'>['days'][number];

/** A day's name: one string for both languages, or one per language. */
export type DayName = NonNullable<CalendarDay['name']>;

export interface CalendarStatus {
  today: string;
  knownYears: number[];
  years: { year: number; notice: 'in' | 'provisional' | 'none' }[];
  alert: { zh: string; en: string } | null;
}

export interface MovedDue {
  orderId: Id;
  orderNo: string;
  enterpriseId: Id;
  clock: string;
  clause: string;
  label: { zh: string; en: string };
  previousDue: string;
  newDue: string;
}

export interface ImportResult {
  year: number;
  days: number;
  moved: MovedDue[];
}

export type OverrideKind = 'rest' | 'work';

export interface CalendarOverride {
  date: string;
  kind: OverrideKind;
  note: string;
  createdAt: string;
}

export interface DueResult {
  due: string;
  /** Not in the contract yet: the due instant as people say it, e.g. "2026-10-12 24:00". */
  dueText?: string;
  unit: string;
  explanation: string;
  explanationEn: string;
  /** It counted a day of a year whose notice is not imported: it may move. */
  provisional: boolean;
}

export interface AuditEvent {
  id: Id;
  at: string;
  actorId: Id | null;
  actorName: string | null;
  enterpriseId: Id | null;
  action: string;
  entity: string;
  entityId: Id | null;
  before: unknown;
  after: unknown;
}

export interface Items<T> {
  items: T[];
}
