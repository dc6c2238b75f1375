import type { Actor } from './actor.ts';
import { forbidden } from './errors.ts';

/**
 * Every query of enterprise data is scoped to the caller's enterprise; the regulator reads across enterprises.
 * Returns the enterprise id to filter on, or null for "all" (regulator without a filter).
 */
export function enterpriseScope(actor: Actor, requested?: string): string | null {
  if (actor.role === 'regulator') return requested ?? null;
  if (requested && requested !== actor.enterpriseId) throw forbidden();
  return actor.enterpriseId;
}

/** Writes: the regulator may write for any enterprise, an enterprise admin only for his own. */
export function assertCanManage(actor: Actor, enterpriseId: string): void {
  if (actor.role === 'regulator') return;
  if (actor.role === 'enterprise_admin' && actor.enterpriseId === enterpriseId) return;
  throw forbidden();
}
