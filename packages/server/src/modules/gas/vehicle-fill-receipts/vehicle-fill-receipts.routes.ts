import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { VEHICLE_STAFF } from '../vehicles/vehicles.routes.ts';
import { ZFillParams, ZReceiptInput, ZVehicleFillReceipt } from './vehicle-fill-receipts.schemas.ts';
import { VehicleFillReceiptService } from './vehicle-fill-receipts.service.ts';

const ATTENDANTS = ['enterprise_admin', 'technician'] as const;

export const vehicleFillReceiptRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new VehicleFillReceiptService(ctx);
    const tags = ['vehicle-fills'];
    app.post(
      '/vehicle-fills/:id/receipt',
      {
        preHandler: allow(...ATTENDANTS),
        schema: {
          tags,
          summary: '开具加气收费凭证（每次加气一张，开具后不可更改）/ issue the fill’s receipt (G-8.1.3)',
          params: ZFillParams,
          body: ZReceiptInput,
          response: { 201: ZVehicleFillReceipt },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.issue(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/vehicle-fills/:id/receipt',
      {
        preHandler: allow(...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '加气收费凭证 / the fill’s receipt (G-8.1.3)',
          params: ZFillParams,
          response: { 200: ZVehicleFillReceipt },
        },
      },
      async (req) => service.one(requireActor(req), req.params.id),
    );
    app.get(
      '/vehicle-fills/:id/receipt.pdf',
      {
        preHandler: allow(...VEHICLE_STAFF),
        schema: {
          tags,
          summary: '打印加气收费凭证 PDF / print the fill’s receipt (G-8.1.3)',
          params: ZFillParams,
          response: { 200: fileResponse(['application/pdf'], 'The receipt as PDF') },
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
