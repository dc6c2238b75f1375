import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../http/context.ts';

// Being written: see docs/api.md for the routes this module serves.
export const enterpriseRoutes =
  (_ctx: AppContext): FastifyPluginAsyncZod =>
  async () => {};
