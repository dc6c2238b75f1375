import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZHazardDetail, ZHazards } from './hazards.responses.ts';
import { ZHazardQuery, ZHazardStep } from './hazards.schemas.ts';
import { HazardService } from './hazards.service.ts';

export const hazardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new HazardService(ctx);
    const tags = ['inspections'];
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'regulator');
    const writers = allow('enterprise_admin', 'dispatcher', 'inspector');

    app.get(
      '/hazards',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '隐患台账（逾期在前，G-5.11.6）',
          querystring: ZHazardQuery,
          response: { 200: ZHazards },
        },
      },
      async (req) => service.ledger(requireActor(req), req.query),
    );
    app.get(
      '/hazards/major',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '重大隐患上报队列（G-6.2.17）',
          querystring: ZHazardQuery,
          response: { 200: ZHazards },
        },
      },
      async (req) => service.majorQueue(requireActor(req), req.query),
    );
    app.get(
      '/hazards/:id',
      {
        preHandler: readers,
        schema: { tags, summary: '一患一档', params: ZIdParams, response: { 200: ZHazardDetail } },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );
    app.post(
      '/hazards/:id/steps',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '复查销号、延期或整改通知书签收',
          params: ZIdParams,
          body: ZHazardStep,
          response: { 200: ZHazardDetail },
        },
      },
      async (req) => service.step(requireActor(req), req.params.id, req.body),
    );
  };
