import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZCertificateInput,
  ZCylinderParams,
  ZIdParams,
  ZVehicle,
  ZVehicleDetail,
  ZVehicleInput,
  ZVehicleList,
  ZVehicleQuery,
} from './vehicles.schemas.ts';
import { VehicleService } from './vehicles.service.ts';

/** A station's attendants register a vehicle on the spot after looking at its certificates. */
export const VEHICLE_STAFF = ['enterprise_admin', 'technician', 'agent', 'dispatcher', 'inspector'] as const;
const REGISTRARS = ['enterprise_admin', 'technician', 'agent'] as const;

export const vehicleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new VehicleService(ctx);
    const tags = ['vehicles'];
    app.get(
      '/vehicles',
      {
        preHandler: allow('regulator', ...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '燃气汽车及车载气瓶档案 / vehicles and their cylinders (G-8.1.1, G-8.1.10)',
          querystring: ZVehicleQuery,
          response: { 200: ZVehicleList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/vehicles',
      {
        preHandler: allow(...REGISTRARS),
        schema: {
          tags,
          summary: '登记车辆、气瓶介质与定期检验合格证 / register a vehicle with its cylinders',
          body: ZVehicleInput,
          response: { 201: ZVehicle },
        },
      },
      async (req, reply) => reply.status(201).send(await service.register(requireActor(req), req.body)),
    );
    app.get(
      '/vehicles/:id',
      {
        preHandler: allow('regulator', ...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '车辆详情：气瓶、合格证历史、加气与检查记录 / a vehicle, certificates, fills and checks',
          params: ZIdParams,
          response: { 200: ZVehicleDetail },
        },
      },
      async (req) => service.detail(requireActor(req), req.params.id),
    );
    app.post(
      '/vehicles/:id/cylinders/:cylinderId/certificates',
      {
        preHandler: allow(...REGISTRARS),
        schema: {
          tags,
          summary: '登记气瓶新的定期检验合格证 / record a cylinder’s new inspection certificate (G-8.1.10)',
          params: ZCylinderParams,
          body: ZCertificateInput,
          response: { 201: ZVehicleDetail },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await service.renewCertificate(requireActor(req), req.params.id, req.params.cylinderId, req.body),
          ),
    );
  };
