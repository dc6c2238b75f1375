import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { VEHICLE_STAFF } from '../vehicles/vehicles.routes.ts';
import {
  ZDispenser,
  ZDispenserDetail,
  ZDispenserInput,
  ZDispenserList,
  ZDispenserParams,
  ZDispenserQuery,
  ZVerificationInput,
} from './dispensers.schemas.ts';
import { DispenserService } from './dispensers.service.ts';

export const dispenserRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new DispenserService(ctx);
    const tags = ['dispensers'];
    app.get(
      '/dispensers',
      {
        preHandler: allow('regulator', ...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '加气机计量检定台账与到期预警 / dispensers, verification due dates and alerts (G-8.1.2)',
          querystring: ZDispenserQuery,
          response: { 200: ZDispenserList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/dispensers',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '登记加气机 / register a dispenser',
          body: ZDispenserInput,
          response: { 201: ZDispenser },
        },
      },
      async (req, reply) => reply.status(201).send(await service.register(requireActor(req), req.body)),
    );
    app.get(
      '/dispensers/:id',
      {
        preHandler: allow('regulator', ...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '加气机及其检定记录 / a dispenser and its verifications',
          params: ZDispenserParams,
          response: { 200: ZDispenserDetail },
        },
      },
      async (req) => service.detail(requireActor(req), req.params.id),
    );
    app.post(
      '/dispensers/:id/verifications',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '记录计量检定（证书、有效期）/ record a metrological verification (G-8.1.2)',
          params: ZDispenserParams,
          body: ZVerificationInput,
          response: { 201: ZDispenserDetail },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.verify(requireActor(req), req.params.id, req.body)),
    );
  };
