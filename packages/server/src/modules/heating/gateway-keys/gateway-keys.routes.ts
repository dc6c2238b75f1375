import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZGatewayKey, ZGatewayKeyInput, ZIdParams, ZIssuedGatewayKey } from './gateway-keys.schemas.ts';
import { GatewayKeyService } from './gateway-keys.service.ts';

/** H-5.4.1: the enterprise admin issues and revokes his heating gateways' ingestion keys. */
export const gatewayKeyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new GatewayKeyService(ctx);
    const tags = ['room-temperature'];
    const admin = allow('enterprise_admin');

    app.get(
      '/gateway-keys',
      {
        preHandler: admin,
        schema: {
          tags,
          summary: '网关密钥 / gateway keys',
          response: { 200: z.object({ items: z.array(ZGatewayKey) }) },
        },
      },
      async (req) => service.list(requireActor(req)),
    );
    app.post(
      '/gateway-keys',
      {
        preHandler: admin,
        schema: {
          tags,
          summary: '签发网关密钥（只显示一次）/ issue a gateway key (shown once)',
          body: ZGatewayKeyInput,
          response: { 201: ZIssuedGatewayKey },
        },
      },
      async (req, reply) => reply.status(201).send(await service.issue(requireActor(req), req.body)),
    );
    app.post(
      '/gateway-keys/:id/revoke',
      {
        preHandler: admin,
        schema: {
          tags,
          summary: '吊销网关密钥 / revoke a gateway key',
          params: ZIdParams,
          response: { 200: ZGatewayKey },
        },
      },
      async (req) => service.revoke(requireActor(req), req.params.id),
    );
  };
