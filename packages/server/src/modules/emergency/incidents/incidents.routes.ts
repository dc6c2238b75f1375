import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZIncidentAct,
  ZIncidentDetail,
  ZIncidentInput,
  ZIncidentList,
  ZIncidentParams,
  ZIncidentQuery,
} from './incidents.schemas.ts';
import { IncidentService } from './incidents.service.ts';

export const incidentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new IncidentService(ctx);
    const tags = ['emergency'];
    const readers = allow('regulator', 'enterprise_admin', 'dispatcher');
    const writers = allow('enterprise_admin', 'dispatcher');
    app.get(
      '/incidents',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '突发事件 / incidents (G-5.12.7)',
          querystring: ZIncidentQuery,
          response: { 200: ZIncidentList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.get(
      '/incidents/:id',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '事件详情与时间线 / an incident and its timeline',
          params: ZIncidentParams,
          response: { 200: ZIncidentDetail },
        },
      },
      async (req) => service.detail(requireActor(req), req.params.id),
    );
    app.post(
      '/incidents',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记突发事件 / record an incident (G-5.12.7, G-5.12.8)',
          body: ZIncidentInput,
          response: { 201: ZIncidentDetail },
        },
      },
      async (req, reply) => reply.status(201).send(await service.open(requireActor(req), req.body)),
    );
    app.post(
      '/incidents/:id/events',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '追加事件记录 / append to an incident’s timeline (G-5.12.7, G-5.12.9)',
          params: ZIncidentParams,
          body: ZIncidentAct,
          response: { 200: ZIncidentDetail },
        },
      },
      async (req) => service.act(requireActor(req), req.params.id, req.body),
    );
  };
