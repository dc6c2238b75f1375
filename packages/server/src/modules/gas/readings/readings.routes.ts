import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZBulkInput,
  ZBulkResult,
  ZEntered,
  ZEstimatePreview,
  ZEstimateQuery,
  ZReadingInput,
  ZReadingList,
  ZReadingQuery,
  ZRoute,
  ZRouteQuery,
} from './readings.schemas.ts';
import { ReadingService } from './readings.service.ts';
import { RouteService } from './route.service.ts';

export const readingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new ReadingService(ctx);
    const routes = new RouteService(ctx);
    const tags = ['readings'];
    const readers = allow('regulator', 'enterprise_admin', 'billing_clerk', 'agent', 'technician');
    const writers = allow('enterprise_admin', 'billing_clerk', 'technician');

    app.get(
      '/readings',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '用户抄表记录 / a customer’s readings',
          querystring: ZReadingQuery,
          response: { 200: ZReadingList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );

    app.post(
      '/readings',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '录入抄表读数（高低值校验，异常须确认）/ enter a reading (G-6.2.3, G-6.2.5)',
          body: ZReadingInput,
          response: { 201: ZEntered },
        },
      },
      async (req, reply) => reply.status(201).send(await service.enter(requireActor(req), req.body)),
    );

    app.get(
      '/readings/estimate',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '估抄预览及依据 / the estimate for a period and why (G-6.2.5)',
          querystring: ZEstimateQuery,
          response: { 200: ZEstimatePreview },
        },
      },
      async (req) => service.previewEstimate(requireActor(req), req.query),
    );

    app.get(
      '/readings/route',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '抄表路线 / a reader’s route',
          querystring: ZRouteQuery,
          response: { 200: ZRoute },
        },
      },
      async (req) => routes.route(requireActor(req), req.query),
    );

    app.post(
      '/readings/bulk',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '批量录入抄表读数 / enter a route’s readings',
          body: ZBulkInput,
          response: { 200: ZBulkResult },
        },
      },
      async (req) => routes.bulk(requireActor(req), req.body.rows),
    );
  };
