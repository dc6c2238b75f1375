import type { Enterprise, Role, Staff, User } from '../api/types.ts';

export type PageKey =
  'home' | 'enterprises' | 'enterprise' | 'staff' | 'certificates' | 'users' | 'calendar' | 'audit';

const STAFF_ROLES: Role[] = ['agent', 'dispatcher', 'technician', 'inspector', 'billing_clerk'];

/** Menu entries per role, in display order. Only pages that work are listed. */
export function pagesFor(role: Role): PageKey[] {
  if (role === 'regulator')
    return ['home', 'enterprises', 'staff', 'certificates', 'users', 'calendar', 'audit'];
  if (role === 'enterprise_admin')
    return ['home', 'enterprise', 'staff', 'certificates', 'users', 'calendar', 'audit'];
  if (STAFF_ROLES.includes(role)) return ['home', 'staff', 'certificates', 'calendar'];
  return ['home', 'calendar'];
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
