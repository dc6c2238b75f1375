import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { VEHICLE_STAFF } from '../vehicles/vehicles.routes.ts';
import {
  ZCheckInput,
  ZCheckResult,
  ZFillInput,
  ZFillLog,
  ZFillLogQuery,
  ZVehicleFill,
} from './vehicle-fills.schemas.ts';
import { VehicleFillService } from './vehicle-fills.service.ts';

const ATTENDANTS = ['enterprise_admin', 'technician'] as const;

export const vehicleFillRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new VehicleFillService(ctx);
    const tags = ['vehicle-fills'];
    app.post(
      '/vehicle-fills/checks',
      {
        preHandler: allow(...ATTENDANTS),
        schema: {
          tags,
          summary:
            '加气前检查：介质、定期检验合格证、泄漏 / the check before filling (G-8.1.1, G-8.1.4, G-8.1.10)',
          body: ZCheckInput,
          response: { 201: ZCheckResult },
        },
      },
      async (req, reply) => reply.status(201).send(await service.check(requireActor(req), req.body)),
    );
    app.post(
      '/vehicle-fills',
      {
        preHandler: allow(...ATTENDANTS),
        schema: {
          tags,
          summary: '记录加气（数量、加气后检漏）/ log a fill on an accepted check',
          body: ZFillInput,
          response: { 201: ZVehicleFill },
        },
      },
      async (req, reply) => reply.status(201).send(await service.fill(requireActor(req), req.body)),
    );
    app.get(
      '/vehicle-fills',
      {
        preHandler: allow('regulator', ...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '加气记录、检查与拒绝 / fills, checks and refusals of a period',
          querystring: ZFillLogQuery,
          response: { 200: ZFillLog },
        },
      },
      async (req) => service.log(requireActor(req), req.query),
    );
  };
