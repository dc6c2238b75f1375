import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../core/context.ts';
import { type Pending, readCacheOf } from '../modules/platform/read-cache/read-cache.service.ts';
import { requireActor } from './guard.ts';

const kPending = Symbol('readCachePending');
type WithPending = FastifyRequest & { [kPending]?: Pending };

/**
 * A GET route's answer through the read cache (modules/platform/read-cache): sent from memory, exactly as it was
 * serialised the first time, while nothing it was read from has changed; otherwise computed, and kept once sent.
 * The route's guards and rate limit have run before; what the cache serves no one else is given.
 */
export async function cachedRead<T>(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  compute: () => Promise<T>,
): Promise<T> {
  const actor = requireActor(req);
  const cache = readCacheOf(ctx);
  if (!cache.serves(actor)) return compute();
  const key = cache.keyOf(actor, req.url);
  let kept = await cache.answer(key);
  if (kept === null && (await cache.awaitComputation(key))) kept = await cache.answer(key);
  if (kept !== null) {
    // A JSON string with its content type is sent as it is: not serialised again (Fastify's reply.send).
    return reply.type('application/json; charset=utf-8').send(kept) as unknown as T;
  }
  const pending = await cache.begin(key, actor.enterpriseId);
  (req as WithPending)[kPending] = pending;
  try {
    return await compute();
  } catch (err) {
    settle(req, ctx);
    throw err;
  }
}

/** The read's computation is over: its answer kept if it is one to keep, and those waiting for it let go. */
function settle(req: FastifyRequest, ctx: AppContext, reply?: FastifyReply, payload?: unknown): void {
  const pending = (req as WithPending)[kPending];
  if (!pending) return;
  (req as WithPending)[kPending] = undefined;
  const cache = readCacheOf(ctx);
  if (reply?.statusCode === 200 && typeof payload === 'string') cache.keep(pending, payload);
  else cache.end(pending);
}

/** Keeps each answer a route computed for the cache, as serialised, when it was a success. */
export function keepCachedReads(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onSend', async (req, reply, payload) => {
    const pending = (req as WithPending)[kPending];
    if (pending && reply.statusCode === 200 && typeof payload === 'string')
      readCacheOf(ctx).keep(pending, payload);
    return payload;
  });
}
