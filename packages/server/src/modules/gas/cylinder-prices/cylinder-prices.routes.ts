import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZBottledOrderQuery,
  ZBottledOrders,
  ZCylinderPriceList,
  ZCylinderPriceListCreate,
  ZCylinderPriceLists,
} from './cylinder-prices.schemas.ts';
import { CylinderPriceService } from './cylinder-prices.service.ts';

const STAFF = ['enterprise_admin', 'agent', 'dispatcher', 'technician'] as const;

export const cylinderPriceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new CylinderPriceService(ctx);
    const tags = ['cylinder-prices'];
    app.get(
      '/cylinder-prices',
      {
        preHandler: allow(...STAFF),
        schema: {
          tags,
          summary: '瓶装气价目表（规格、价格、送气费）及历史 / the bottled-gas price lists and their history',
          response: { 200: ZCylinderPriceLists },
        },
      },
      async (req) => service.list(requireActor(req)),
    );
    app.post(
      '/cylinder-prices',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '发布新价目表（自生效日起，不追溯）/ publish a price list from its first day',
          body: ZCylinderPriceListCreate,
          response: { 201: ZCylinderPriceList },
        },
      },
      async (req, reply) => reply.status(201).send(await service.publish(requireActor(req), req.body)),
    );
    app.get(
      '/bottled-orders',
      {
        preHandler: allow(...STAFF),
        schema: {
          tags,
          summary: '居民自助订气（规格、数量、金额、时间、回执）/ residents’ self-service orders (G-7.2.1)',
          querystring: ZBottledOrderQuery,
          response: { 200: ZBottledOrders },
        },
      },
      async (req) => service.orders(requireActor(req), req.query),
    );
  };
