import type { Actor } from '../../../core/actor.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';

// Shared by the heating modules: who may write heating data, and scoping of one row to the caller.

export const HEATING_ENTERPRISE_KINDS = ['heating', 'heating_reseller'];

/** Heating set-up and billing are written by the heating company's own admin or billing clerk. */
export function assertHeatingWriter(actor: Actor): void {
  if (!['enterprise_admin', 'billing_clerk'].includes(actor.role)) throw forbidden();
  if (!HEATING_ENTERPRISE_KINDS.includes(actor.enterpriseKind)) {
    throw appError('HEATING_ENTERPRISE_REQUIRED', {
      zh: '只有供热企业可以维护供热期、热价和热费',
      en: 'Only a heating enterprise keeps heating seasons, prices and bills',
    });
  }
}

/** A row of another enterprise is "not found" to everyone but the regulator. */
export function visibleRow<T extends { enterpriseId: string }>(
  actor: Actor,
  row: T | undefined,
  what: string,
): T {
  if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId)) throw notFound(what);
  return row;
}

export function ownRow<T extends { enterpriseId: string }>(
  actor: Actor,
  row: T | undefined,
  what: string,
): T {
  if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound(what);
  return row;
}
