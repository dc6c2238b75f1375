import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from './context.ts';
import { appError, forbidden } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in caller, or AUTH_REQUIRED. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw appError('AUTH_REQUIRED', { zh: '请先登录', en: 'Please sign in' });
  return req.actor;
}

/** preHandler: only these roles may call the route. */
export function allow(...roles: Role[]) {
  return async (req: FastifyRequest) => {
    const actor = requireActor(req);
    if (roles.length > 0 && !roles.includes(actor.role)) throw forbidden();
  };
}

export const signedIn = allow();

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
