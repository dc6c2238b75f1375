import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZWarrantyList, ZWarrantyQuery } from './warranties.schemas.ts';
import { WarrantyService } from './warranties.service.ts';

export const warrantyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new WarrantyService(ctx);
    const tags = ['warranties'];
    app.get(
      '/warranties',
      {
        preHandler: allow('agent', 'dispatcher', 'technician', 'enterprise_admin', 'regulator'),
        schema: {
          tags,
          summary: '保修登记 / warranties on work done, in force today unless all (G-9.2.8)',
          querystring: ZWarrantyQuery,
          response: { 200: ZWarrantyList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.get(
      '/work-orders/:id/warranties',
      {
        preHandler: allow('agent', 'dispatcher', 'technician', 'enterprise_admin', 'regulator'),
        schema: {
          tags,
          summary: '本地址在保期内的保修 / warranties in force at the order’s address (G-9.2.8)',
          params: ZIdParams,
          response: { 200: ZWarrantyList },
        },
      },
      async (req) => service.forOrder(requireActor(req), req.params.id),
    );
  };
