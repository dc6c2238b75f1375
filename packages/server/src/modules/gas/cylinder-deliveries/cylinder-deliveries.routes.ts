import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZDelivery,
  ZDeliveryInput,
  ZDeliveryList,
  ZDeliveryParams,
  ZDeliveryQuery,
  ZResidueInput,
} from './cylinder-deliveries.schemas.ts';
import { CylinderDeliveryService } from './cylinder-deliveries.service.ts';

const STAFF = ['enterprise_admin', 'agent', 'dispatcher', 'technician'] as const;

export const cylinderDeliveryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new CylinderDeliveryService(ctx);
    const tags = ['cylinder-deliveries'];
    app.get(
      '/cylinder-deliveries',
      {
        preHandler: allow(...STAFF),
        schema: {
          tags,
          summary: '送气记录、回收空瓶和残液 / deliveries, returns and residue (G-7.2.1, G-7.1.14)',
          querystring: ZDeliveryQuery,
          response: { 200: ZDeliveryList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/cylinder-deliveries',
      {
        preHandler: allow(...STAFF),
        schema: {
          tags,
          summary:
            '送气入户：交付满瓶、回收空瓶、安装检漏点火、签字或拒装告知、发放手册 / record a delivery (G-7.2.1, G-7.2.2)',
          body: ZDeliveryInput,
          response: { 201: ZDelivery },
        },
      },
      async (req, reply) => reply.status(201).send(await service.deliver(requireActor(req), req.body)),
    );
    app.post(
      '/cylinder-deliveries/:id/residue',
      {
        preHandler: allow(...STAFF),
        schema: {
          tags,
          summary:
            '回收钢瓶残液称重，超过3%自动补偿 / weigh the residue; above 3 % credited (G-7.1.13, G-7.1.14)',
          params: ZDeliveryParams,
          body: ZResidueInput,
          response: { 201: ZDelivery },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await service.weighResidue(requireActor(req), req.params.id, req.body.residueG)),
    );
  };
