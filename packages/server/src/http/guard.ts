import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '../core/actor.ts';
import { appError, forbidden } from '../core/errors.ts';

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
