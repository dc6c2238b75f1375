import type { Enterprise, Role, Staff, User } from '../../api/types.ts';

export type PageKey =
  | 'billing'
  | 'bills'
  | 'counter'
  | 'arrears'
  | 'bankImport'
  | 'disputes'
  | 'outbox'
  | 'home'
  | 'console'
  | 'board'
  | 'my'
  | 'customers'
  | 'enterprises'
  | 'enterprise'
  | 'staff'
  | 'certificates'
  | 'users'
  | 'calendar'
  | 'audit'
  | 'guide'
  | 'quality'
  | 'measure'
  | 'notices'
  | 'meters'
  | 'readings'
  | 'prices'
  | 'heating'
  | 'evaluation'
  | 'supervision'
  | 'resAccounts'
  | 'resReport'
  | 'resOrders'
  | 'resBook'
  | 'inspections'
  | 'inspect'
  | 'calls'
  | 'warranties'
  | 'gateways'
  | 'emergency'
  | 'cylinders'
  | 'filling'
  | 'vgFilling'
  | 'vehicleGas'
  | 'deliveries'
  // Issue 19: the appliance counter (catalogue, sale, walk-in repair) and the certificates each job requires.
  | 'applianceShop'
  | 'jobQualifications'
  // Migration 0049: ceasing business (G-6.2.14 pipeline gas, G-9.3.2 appliance companies), and the regulator's view.
  | 'cessations';

/** Routes without a menu entry of their own. */
export type RouteKey =
  | PageKey
  | 'bill'
  | 'statement'
  | 'order'
  | 'customerImport'
  | 'notice'
  | 'resAccount'
  | 'resOrder'
  | 'cylinder';

const STAFF_ROLES: Role[] = ['agent', 'dispatcher', 'technician', 'inspector', 'billing_clerk'];
const SHARED: PageKey[] = ['staff', 'certificates', 'calendar', 'guide'];

/** The hotline pages of each role, first in the menu: what the person does all night comes first. */
const WORK_PAGES: Partial<Record<Role, PageKey[]>> = {
  enterprise_admin: [
    'console',
    'board',
    'customers',
    'notices',
    'inspections',
    'quality',
    'heating',
    'evaluation',
    'calls',
    'warranties',
    'emergency',
    'filling',
    'cylinders',
    'vgFilling',
    'vehicleGas',
    'deliveries',
    'applianceShop',
    'jobQualifications',
    'cessations',
  ],
  agent: [
    'console',
    'board',
    'customers',
    'notices',
    'heating',
    'calls',
    'warranties',
    'deliveries',
    'applianceShop',
  ],
  dispatcher: ['board', 'console', 'notices', 'inspections', 'quality', 'heating', 'warranties', 'emergency'],
  technician: ['my', 'measure', 'warranties', 'filling', 'vgFilling', 'vehicleGas', 'deliveries'],
  // Issue 15: a gas company's inspector works the inspection route; a heating company's measures rooms.
  inspector: ['inspect', 'inspections', 'my', 'measure', 'quality'],
  billing_clerk: ['customers', 'heating'],
};

/**
 * Issue 4 money pages (G-6.2.8, G-6.2.9, G-6.2.11), after each role's hotline pages. The bank file import books
 * money without a customer at the counter: the server lets only the admin and the billing clerk do it.
 */
const MONEY_PAGES: Partial<Record<Role, PageKey[]>> = {
  enterprise_admin: ['counter', 'bankImport', 'arrears', 'disputes', 'outbox'],
  agent: ['counter', 'arrears', 'disputes', 'outbox'],
  billing_clerk: ['counter', 'bankImport', 'arrears', 'disputes', 'outbox'],
};

/** Issue 4 billing pages (G-6.2.3–G-6.2.7): runs for those who bill, bills for those who answer questions too. */
const BILLING_PAGES: Partial<Record<Role, PageKey[]>> = {
  enterprise_admin: ['billing', 'bills'],
  billing_clerk: ['billing', 'bills'],
  agent: ['bills'],
  regulator: ['billing', 'bills'],
};

/** Issue 4 metering pages (G-6.2.2–G-6.2.5): meters, reading entry, gas prices. */
const METERING_PAGES: Partial<Record<Role, PageKey[]>> = {
  enterprise_admin: ['meters', 'readings', 'prices'],
  billing_clerk: ['readings', 'meters', 'prices'],
  agent: ['prices'],
  regulator: ['prices'],
};

/** Menu entries per role, in display order. Only pages that work are listed. */
export function pagesFor(role: Role): PageKey[] {
  const work = [
    ...(WORK_PAGES[role] ?? []),
    ...(METERING_PAGES[role] ?? []),
    ...(BILLING_PAGES[role] ?? []),
    ...(MONEY_PAGES[role] ?? []),
  ];
  if (role === 'regulator')
    return [
      'home',
      'evaluation',
      'supervision',
      'inspections',
      'quality',
      'heating',
      'notices',
      'warranties',
      'emergency',
      'vehicleGas',
      'cessations',
      ...(BILLING_PAGES.regulator ?? []),
      ...(METERING_PAGES.regulator ?? []),
      'enterprises',
      'staff',
      'certificates',
      'users',
      'calendar',
      'audit',
      'guide',
      'calls',
    ];
  if (role === 'enterprise_admin')
    return [
      'home',
      ...work,
      'enterprise',
      'staff',
      'certificates',
      'users',
      'calendar',
      'audit',
      'guide',
      'gateways',
    ];
  if (STAFF_ROLES.includes(role)) return ['home', ...work, ...SHARED];
  // G-5.8.1, H-7.5.2: a resident's own self-service, phone first.
  if (role === 'resident') return ['resAccounts', 'resReport', 'resBook', 'resOrders', 'guide'];
  return ['home', 'calendar', 'guide'];
}

/** Pages that only make sense for one kind of enterprise: metered pipeline-gas billing, or heating. */
const PIPELINE_GAS_ONLY: PageKey[] = [
  'meters',
  'readings',
  'prices',
  'billing',
  'bills',
  'disputes',
  'inspections',
  'inspect',
];
const HEATING_ONLY: PageKey[] = ['quality', 'measure', 'heating', 'gateways'];
/** G-9.2.8: warranties on appliance work are an appliance company's. */
const APPLIANCE_ONLY: PageKey[] = ['warranties', 'applianceShop'];
/** Issue 18: cylinders and the filling line are a bottled-gas company's. */
const BOTTLED_GAS_ONLY: PageKey[] = ['cylinders', 'filling', 'deliveries'];
/** Issue 18: the station's filling check, vehicles, dispensers and leak cases are a vehicle-gas company's (G-8.1). */
const VEHICLE_GAS_ONLY: PageKey[] = ['vgFilling', 'vehicleGas'];
/** G-6.2.14, G-9.3.2: the two kinds of enterprise whose ceasing business the standards rule. */
const CESSATION_KINDS = ['pipeline_gas', 'appliance'];

/**
 * The menu of a signed-in user: the role's pages, less those of the other sector — a heating company's clerk has no
 * gas meters to read, a gas company's inspector no room temperatures to measure. The regulator sees everything.
 */
export function pagesForUser(u: Pick<User, 'role' | 'enterpriseKind'>): PageKey[] {
  const kind = u.enterpriseKind;
  if (!kind || kind === 'regulator') return pagesFor(u.role);
  const heating = kind === 'heating' || kind === 'heating_reseller';
  return pagesFor(u.role).filter(
    (p) =>
      !(HEATING_ONLY.includes(p) && !heating) &&
      !(PIPELINE_GAS_ONLY.includes(p) && kind !== 'pipeline_gas') &&
      !(APPLIANCE_ONLY.includes(p) && kind !== 'appliance') &&
      !(BOTTLED_GAS_ONLY.includes(p) && kind !== 'bottled_gas') &&
      !(VEHICLE_GAS_ONLY.includes(p) && kind !== 'vehicle_gas') &&
      !(p === 'cessations' && !CESSATION_KINDS.includes(kind)),
  );
}

/** Whether a role may open a route (menu pages, plus the order detail for all staff). */
export function canOpen(role: Role, key: RouteKey): boolean {
  if (key === 'order') return role !== 'resident';
  if (key === 'resAccount' || key === 'resOrder') return role === 'resident';
  if (key === 'bill') return pagesFor(role).includes('bills');
  if (key === 'statement')
    return ['regulator', 'enterprise_admin', 'agent', 'billing_clerk', 'dispatcher'].includes(role);
  if (key === 'notice') return pagesFor(role).includes('notices');
  if (key === 'cylinder') return pagesFor(role).includes('cylinders') || pagesFor(role).includes('filling');
  if (key === 'customerImport') return canImportCustomers(role);
  return pagesFor(role).includes(key);
}

/** H-7.3.4: dispatch and transfer are the dispatcher's (and the admin's); agents see the board read-only. */
export function canDispatch(role: Role): boolean {
  return role === 'dispatcher' || role === 'enterprise_admin';
}

export const isRegulator = (u: User) => u.role === 'regulator';

export function canEditEnterprise(u: User, e: Enterprise): boolean {
  return u.role === 'regulator' || (u.role === 'enterprise_admin' && String(u.enterpriseId) === String(e.id));
}

export function canManageStaff(u: User, s?: Staff): boolean {
  if (u.role === 'regulator') return true;
  if (u.role !== 'enterprise_admin') return false;
  return !s || String(s.enterpriseId) === String(u.enterpriseId);
}

/** Roles a user may create accounts for. */
export function creatableRoles(u: User): Role[] {
  const enterpriseRoles: Role[] = ['enterprise_admin', ...STAFF_ROLES];
  return u.role === 'regulator' ? ['regulator', ...enterpriseRoles] : enterpriseRoles;
}

/** The server's customer routes: who may open accounts, import (admins) and export (admins, regulator). */
export function canWriteCustomers(role: Role): boolean {
  return role === 'enterprise_admin' || role === 'agent' || role === 'billing_clerk';
}

export function canImportCustomers(role: Role): boolean {
  return role === 'enterprise_admin';
}

export function canExportCustomers(role: Role): boolean {
  return role === 'enterprise_admin' || role === 'regulator';
}

/** Where a role starts after signing in: straight to the screen of its work. */
export function landingPath(role: Role, enterpriseKind?: string | null): string {
  if (role === 'agent') return '/console';
  if (role === 'dispatcher') return '/board';
  // Issue 15: a pipeline gas inspector's work is the inspection route (G-5.11).
  if (role === 'inspector' && enterpriseKind === 'pipeline_gas') return '/inspect';
  // Issue 18: a vehicle-gas station attendant's work is the filling check (G-8.1.10).
  if (role === 'technician' && enterpriseKind === 'vehicle_gas') return '/vehicle-filling';
  if (role === 'technician' || role === 'inspector') return '/my';
  if (role === 'resident') return '/r/accounts';
  return '/';
}
