import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZOutage,
  ZOutageCommunities,
  ZOutageInput,
  ZOutageList,
  ZOutageParams,
  ZOutageQuery,
  ZOutageRestore,
} from './outages.schemas.ts';
import { OutageService } from './outages.service.ts';

export const outageRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new OutageService(ctx);
    const tags = ['heating-outages'];
    const readers = allow('regulator', 'enterprise_admin', 'dispatcher');
    const writers = allow('enterprise_admin', 'dispatcher');
    app.get(
      '/heating-outages',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '停热记录（运行事故率 H-10.5.1）',
          querystring: ZOutageQuery,
          response: { 200: ZOutageList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.get(
      '/heating-outages/communities',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '可选小区及其供热面积（取自用户档案）',
          querystring: z.strictObject({ enterpriseId: z.uuid().optional() }),
          response: { 200: ZOutageCommunities },
        },
      },
      async (req) => service.communities(requireActor(req), req.query.enterpriseId),
    );
    app.post(
      '/heating-outages',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记停热（停热面积按所列小区的档案供热面积计）',
          body: ZOutageInput,
          response: { 201: ZOutage },
        },
      },
      async (req, reply) => reply.status(201).send(await service.record(requireActor(req), req.body)),
    );
    app.post(
      '/heating-outages/:id/restore',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记恢复供热',
          params: ZOutageParams,
          body: ZOutageRestore,
          response: { 200: ZOutage },
        },
      },
      async (req) => service.restore(requireActor(req), req.params.id, req.body.restoredAt),
    );
  };
