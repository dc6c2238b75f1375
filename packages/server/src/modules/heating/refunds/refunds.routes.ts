import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { HEATING_READERS } from '../seasons/seasons.routes.ts';
import { z } from 'zod';
import {
  ZHeatingRefund,
  ZHeatingRefundRow,
  ZRefundInput,
  ZRefundQuery,
  ZRefundSettle,
} from './refunds.schemas.ts';
import { HeatingRefundService } from './refunds.service.ts';

export const heatingRefundRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new HeatingRefundService(ctx);
    const tags = ['heating'];
    const writers = allow('enterprise_admin', 'billing_clerk');
    app.get(
      '/heating/refunds',
      {
        preHandler: allow(...HEATING_READERS),
        schema: {
          tags,
          summary: '退费（H-5.5.2, H-7.2.5） / refunds',
          querystring: ZRefundQuery,
          response: { 200: z.array(ZHeatingRefundRow) },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/heating/refunds',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记退费 / register a refund',
          body: ZRefundInput,
          response: { 201: ZHeatingRefund },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );
    app.post(
      '/heating/refunds/:id/settle',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '退款或冲抵下一供热期 / pay or offset',
          params: ZIdParams,
          body: ZRefundSettle,
          response: { 200: ZHeatingRefund },
        },
      },
      async (req) => service.settle(requireActor(req), req.params.id, req.body),
    );
  };
