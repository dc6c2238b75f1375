import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { ZSlipInput, ZSlipList } from './repair-slips.schemas.ts';
import { RepairSlipService } from './repair-slips.service.ts';

export const repairSlipRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new RepairSlipService(ctx);
    const tags = ['repair-slips'];
    const readers = allow('agent', 'dispatcher', 'technician', 'enterprise_admin', 'regulator');
    app.get(
      '/work-orders/:id/repair-slips',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '送修维修单 / repair slips of a walk-in repair (G-9.2.5)',
          params: ZIdParams,
          response: { 200: ZSlipList },
        },
      },
      async (req) => service.list(requireActor(req), req.params.id),
    );
    app.post(
      '/work-orders/:id/repair-slips',
      {
        preHandler: allow('agent', 'technician', 'dispatcher', 'enterprise_admin'),
        schema: {
          tags,
          summary: '开具维修单（约定领取日期）/ issue a repair slip with the agreed pick-up date (G-9.2.5)',
          params: ZIdParams,
          body: ZSlipInput,
          response: { 201: ZSlipList },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.issue(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/work-orders/:id/repair-slip.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '维修单 PDF / the latest repair slip as PDF (G-9.2.5)',
          params: ZIdParams,
          response: { 200: fileResponse(['application/pdf'], 'The repair slip as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.pdf(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
  };
