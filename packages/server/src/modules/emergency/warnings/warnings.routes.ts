import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZLevelInput,
  ZWarning,
  ZWarningInput,
  ZWarningList,
  ZWarningParams,
  ZWarningQuery,
} from './warnings.schemas.ts';
import { WarningService } from './warnings.service.ts';

export const warningRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new WarningService(ctx);
    const tags = ['emergency'];
    app.get(
      '/emergency/warnings',
      {
        preHandler: allow('regulator', 'enterprise_admin', 'dispatcher', 'agent'),
        schema: {
          tags,
          summary: '预警信息 / warnings (G-5.12.6)',
          querystring: ZWarningQuery,
          response: { 200: ZWarningList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/emergency/warnings',
      {
        preHandler: allow('enterprise_admin', 'dispatcher'),
        schema: {
          tags,
          summary: '发布预警 / publish a warning (G-5.12.6)',
          body: ZWarningInput,
          response: { 201: ZWarning },
        },
      },
      async (req, reply) => reply.status(201).send(await service.publish(requireActor(req), req.body)),
    );
    app.post(
      '/emergency/warnings/:id/level',
      {
        preHandler: allow('enterprise_admin', 'dispatcher'),
        schema: {
          tags,
          summary: '调整预警级别 / raise or lower a warning (G-5.12.6)',
          params: ZWarningParams,
          body: ZLevelInput,
          response: { 200: ZWarning },
        },
      },
      async (req) => service.changeLevel(requireActor(req), req.params.id, req.body),
    );
  };
