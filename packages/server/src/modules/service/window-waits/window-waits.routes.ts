import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZWaitEntry,
  ZWaitEntryResult,
  ZWaitImport,
  ZWaitImportResult,
  ZWaitList,
  ZWaitQuery,
} from './window-waits.schemas.ts';
import { WindowWaitService } from './window-waits.service.ts';

export const windowWaitRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new WindowWaitService(ctx);
    const tags = ['window-waits'];
    app.get(
      '/window-waits',
      {
        preHandler: allow('regulator', 'enterprise_admin', 'agent'),
        schema: {
          tags,
          summary: '窗口等候抽样 / sampled window waits (G-12.4.1.2)',
          querystring: ZWaitQuery,
          response: { 200: ZWaitList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/window-waits',
      {
        preHandler: allow('enterprise_admin', 'agent'),
        schema: {
          tags,
          summary: '录入窗口等候抽样 / record sampled waits at a service point (G-12.4.1.2)',
          body: ZWaitEntry,
          response: { 201: ZWaitEntryResult },
        },
      },
      async (req, reply) => reply.status(201).send(await service.record(requireActor(req), req.body)),
    );
    app.post(
      '/window-waits/import',
      {
        preHandler: allow('enterprise_admin', 'agent'),
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags,
          summary: '导入窗口等候抽样（Excel / CSV，先检查）/ import sampled waits from a file (G-12.4.1.2)',
          body: ZWaitImport,
          response: { 200: ZWaitImportResult },
        },
      },
      async (req) => service.importFile(requireActor(req), req.body),
    );
  };
