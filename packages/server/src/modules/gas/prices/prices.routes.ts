import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZPriceList, ZPriceQuery, ZPriceSchedule, ZPriceScheduleCreate } from './prices.schemas.ts';
import { PriceService } from './prices.service.ts';

export const priceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new PriceService(ctx);
    const tags = ['prices'];

    app.get(
      '/prices',
      {
        preHandler: allow('regulator', 'enterprise_admin', 'billing_clerk', 'agent'),
        schema: {
          tags,
          summary: '燃气价格表 / gas price schedules (G-6.2.4)',
          querystring: ZPriceQuery,
          response: { 200: ZPriceList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );

    app.post(
      '/prices',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '发布新价格表并告知用户 / publish a price schedule and tell customers (G-6.2.4)',
          body: ZPriceScheduleCreate,
          response: { 201: ZPriceSchedule },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );
  };
