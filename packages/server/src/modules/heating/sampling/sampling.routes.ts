import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { z } from 'zod';
import {
  ZAssign,
  ZAssigned,
  ZAutoAssign,
  ZAutoAssigned,
  ZCurrentPlan,
  ZHouseholdQuery,
  ZMeasurer,
  ZPlanQuery,
  ZPlanRequest,
  ZSampleHousehold,
  ZSamplingPlan,
} from './sampling.schemas.ts';
import { SamplingService } from './sampling.service.ts';

export const samplingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new SamplingService(ctx);
    const tags = ['room-temperature'];
    const planners = allow('enterprise_admin', 'dispatcher', 'inspector');
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'technician', 'regulator');

    app.post(
      '/sampling/plans',
      {
        preHandler: planners,
        schema: {
          tags,
          summary: '制定室温抽测方案 (H-5.4.4)',
          body: ZPlanRequest,
          response: { 201: ZSamplingPlan },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );
    app.get(
      '/sampling/plans',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '抽测方案列表',
          querystring: ZPlanQuery,
          response: { 200: z.object({ items: z.array(ZSamplingPlan) }) },
        },
      },
      async (req) => service.list(requireActor(req), req.query.seasonId),
    );
    app.get(
      '/sampling/current',
      {
        preHandler: readers,
        schema: { tags, summary: '本供热期的抽测方案', response: { 200: ZCurrentPlan } },
      },
      async (req) => service.current(requireActor(req)),
    );
    app.get(
      '/sampling/measurers',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '可指派的测温人员',
          response: { 200: z.object({ items: z.array(ZMeasurer) }) },
        },
      },
      async (req) => service.measurers(requireActor(req)),
    );
    app.get(
      '/sampling/plans/:id',
      {
        preHandler: readers,
        schema: { tags, summary: '抽测方案', params: ZIdParams, response: { 200: ZSamplingPlan } },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );
    app.get(
      '/sampling/plans/:id/households',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '抽测住户',
          params: ZIdParams,
          querystring: ZHouseholdQuery,
          response: { 200: z.object({ total: z.number(), items: z.array(ZSampleHousehold) }) },
        },
      },
      async (req) => service.households(requireActor(req), req.params.id, req.query),
    );
    app.post(
      '/sampling/plans/:id/assign',
      {
        preHandler: planners,
        schema: {
          tags,
          summary: '指派检测时间和人员',
          params: ZIdParams,
          body: ZAssign,
          response: { 200: ZAssigned },
        },
      },
      async (req) => service.assign(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/sampling/plans/:id/auto-assign',
      {
        preHandler: planners,
        schema: {
          tags,
          summary: '按人按天自动排期',
          params: ZIdParams,
          body: ZAutoAssign,
          response: { 200: ZAutoAssigned },
        },
      },
      async (req) => service.autoAssign(requireActor(req), req.params.id, req.body),
    );
  };
