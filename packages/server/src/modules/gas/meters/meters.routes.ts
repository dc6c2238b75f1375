import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { MeterEventService } from './meter-events.service.ts';
import {
  ZMeterCreate,
  ZMeterDetail,
  ZMeterEvent,
  ZMeterList,
  ZMeterPatch,
  ZMeterQuery,
} from './meters.schemas.ts';
import { MeterService } from './meters.service.ts';

export const meterRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new MeterService(ctx);
    const events = new MeterEventService(ctx);
    const tags = ['meters'];
    const readers = allow('regulator', 'enterprise_admin', 'billing_clerk', 'agent', 'technician');
    const writers = allow('enterprise_admin', 'billing_clerk');

    app.get(
      '/meters',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '燃气表台账（可按检定到期筛选）/ meters, filter by verification due (G-6.2.2)',
          querystring: ZMeterQuery,
          response: { 200: ZMeterList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );

    app.get(
      '/meters/:id',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '燃气表及其履历 / a meter and its history',
          params: ZIdParams,
          response: { 200: ZMeterDetail },
        },
      },
      async (req) => service.detail(requireActor(req), req.params.id),
    );

    app.post(
      '/meters',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记燃气表 / register a meter',
          body: ZMeterCreate,
          response: { 201: ZMeterDetail },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );

    app.patch(
      '/meters/:id',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '修改检定、换表日期、远传和预付费设置 / dates, remote reading, prepaid settings',
          params: ZIdParams,
          body: ZMeterPatch,
          response: { 200: ZMeterDetail },
        },
      },
      async (req) => service.update(requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/meters/:id/events',
      {
        preHandler: writers,
        schema: {
          tags,
          summary:
            '安装、换表、拆除、送检、检定返回 / install, exchange, remove, verification (G-6.2.2, G-6.2.10)',
          params: ZIdParams,
          body: ZMeterEvent,
          response: { 201: ZMeterDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        await events.record(actor, req.params.id, req.body);
        return reply.status(201).send(await service.detail(actor, req.params.id));
      },
    );
  };
