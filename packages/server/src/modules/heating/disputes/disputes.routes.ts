import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { HEATING_READERS } from '../seasons/seasons.routes.ts';
import { z } from 'zod';
import {
  ZDisputeInput,
  ZDisputeQuery,
  ZDisputeResolve,
  ZHeatMeterDispute,
  ZHeatMeterDisputeResolved,
  ZHeatMeterDisputeRow,
} from './disputes.schemas.ts';
import { HeatMeterDisputeService } from './disputes.service.ts';

export const heatMeterDisputeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new HeatMeterDisputeService(ctx);
    const tags = ['heating'];
    const writers = allow('enterprise_admin', 'billing_clerk');
    app.get(
      '/heating/meter-disputes',
      {
        preHandler: allow(...HEATING_READERS),
        schema: {
          tags,
          summary: '热计量表异议（H-7.2.4） / heat-meter disputes',
          querystring: ZDisputeQuery,
          response: { 200: z.array(ZHeatMeterDisputeRow) },
        },
      },
      async (req) => service.list(requireActor(req), req.query.enterpriseId),
    );
    app.post(
      '/heating/meter-disputes',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记热表异议 / record a dispute',
          body: ZDisputeInput,
          response: { 201: ZHeatMeterDispute },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );
    app.post(
      '/heating/meter-disputes/:id/resolve',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '检定结果（H-7.2.4） / verification result',
          params: ZIdParams,
          body: ZDisputeResolve,
          response: { 200: ZHeatMeterDisputeResolved },
        },
      },
      async (req) => service.resolve(requireActor(req), req.params.id, req.body),
    );
  };
