import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { VEHICLE_STAFF } from '../vehicles/vehicles.routes.ts';
import {
  ZLeakCase,
  ZLeakInput,
  ZLeakList,
  ZLeakParams,
  ZLeakQuery,
  ZLeakStepInput,
} from './vehicle-leaks.schemas.ts';
import { VehicleLeakService } from './vehicle-leaks.service.ts';

export const vehicleLeakRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new VehicleLeakService(ctx);
    const tags = ['vehicle-leaks'];
    app.get(
      '/vehicle-leaks',
      {
        preHandler: allow('regulator', ...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '车用气瓶泄漏处置记录 / leaking vehicle cylinders and their handling (G-8.1.5)',
          querystring: ZLeakQuery,
          response: { 200: ZLeakList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/vehicle-leaks',
      {
        preHandler: allow(...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '登记发现的气瓶泄漏 / record a leaking vehicle cylinder (G-8.1.5)',
          body: ZLeakInput,
          response: { 201: ZLeakCase },
        },
      },
      async (req, reply) => reply.status(201).send(await service.open(requireActor(req), req.body)),
    );
    app.get(
      '/vehicle-leaks/:id',
      {
        preHandler: allow('regulator', ...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '泄漏处置详情 / a leak case',
          params: ZLeakParams,
          response: { 200: ZLeakCase },
        },
      },
      async (req) => service.detail(requireActor(req), req.params.id),
    );
    app.post(
      '/vehicle-leaks/:id/steps',
      {
        preHandler: allow(...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '按程序记录处置步骤（隔离、告知车主、处置、结案）/ append the next step (G-8.1.5)',
          params: ZLeakParams,
          body: ZLeakStepInput,
          response: { 201: ZLeakCase },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.step(requireActor(req), req.params.id, req.body)),
    );
  };
