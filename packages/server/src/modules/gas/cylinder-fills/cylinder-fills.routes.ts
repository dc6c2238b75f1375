import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZFill,
  ZFillInput,
  ZFillQuery,
  ZFillReport,
  ZScanInput,
  ZScanResult,
} from './cylinder-fills.schemas.ts';
import { CylinderFillService } from './cylinder-fills.service.ts';

const FILLERS = ['enterprise_admin', 'technician', 'agent'] as const;

export const cylinderFillRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new CylinderFillService(ctx);
    const tags = ['cylinder-fills'];
    app.post(
      '/cylinder-fills/scans',
      {
        preHandler: allow(...FILLERS),
        schema: {
          tags,
          summary: '充装前扫码检查 / scan before filling: accepted or refused with the reason (G-7.1.6)',
          body: ZScanInput,
          response: { 201: ZScanResult },
        },
      },
      async (req, reply) => reply.status(201).send(await service.scan(requireActor(req), req.body)),
    );
    app.post(
      '/cylinder-fills',
      {
        preHandler: allow(...FILLERS),
        schema: {
          tags,
          summary: '充装后检查：净重、检漏、合格或扣留 / the check after filling (G-7.1.6)',
          body: ZFillInput,
          response: { 201: ZFill },
        },
      },
      async (req, reply) => reply.status(201).send(await service.fill(requireActor(req), req.body)),
    );
    app.get(
      '/cylinder-fills',
      {
        preHandler: allow('regulator', ...FILLERS),
        schema: {
          tags,
          summary: '充装记录、拒充记录与合格率 / fills, refusals and rates (G-12.4.3.1, G-12.4.3.2)',
          querystring: ZFillQuery,
          response: { 200: ZFillReport },
        },
      },
      async (req) => service.report(requireActor(req), req.query),
    );
  };
