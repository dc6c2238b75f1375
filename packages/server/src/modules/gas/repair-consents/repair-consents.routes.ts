import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { ZConsentInput, ZConsentView, ZFacilityOwnerInput } from './repair-consents.schemas.ts';
import { RepairConsentService } from './repair-consents.service.ts';

export const repairConsentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new RepairConsentService(ctx);
    const tags = ['repair-consents'];
    const readers = allow('agent', 'dispatcher', 'technician', 'enterprise_admin', 'regulator');
    app.get(
      '/work-orders/:id/consent',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '施工前价目确认 / the price list the customer signed before the work (G-9.2.6, H-7.3.8)',
          params: ZIdParams,
          response: { 200: ZConsentView },
        },
      },
      async (req) => service.of(requireActor(req), req.params.id),
    );
    app.post(
      '/work-orders/:id/consent',
      {
        preHandler: allow('technician', 'agent', 'dispatcher', 'enterprise_admin'),
        schema: {
          tags,
          summary: '用户签字确认价目 / record the customer’s signed consent to the price list (G-9.2.6)',
          params: ZIdParams,
          body: ZConsentInput,
          response: { 201: ZConsentView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.sign(requireActor(req), req.params.id, req.body)),
    );
    app.post(
      '/work-orders/:id/facility-owner',
      {
        preHandler: allow('technician', 'agent', 'dispatcher', 'enterprise_admin'),
        schema: {
          tags,
          summary: '设施归属（用户自有为收费维修）/ whose facility a gas or heating repair is (H-7.3.8)',
          params: ZIdParams,
          body: ZFacilityOwnerInput,
          response: { 201: ZConsentView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.declareOwner(requireActor(req), req.params.id, req.body.owner)),
    );
    app.get(
      '/work-orders/:id/receipt.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '收费凭证 PDF / the receipt after the work (G-9.2.6)',
          params: ZIdParams,
          response: { 200: fileResponse(['application/pdf'], 'The receipt as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.receipt(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
  };
