import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor, signedIn } from '../../../http/guard.ts';
import { ZEnterprise, ZEnterpriseInput, ZEnterprisePatch, ZIdParams } from './enterprises.schemas.ts';
import { EnterpriseService } from './enterprises.service.ts';

export const enterpriseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new EnterpriseService(ctx);
    const tags = ['enterprises'];

    app.get(
      '/enterprises',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '企业列表 / enterprises',
          response: { 200: z.object({ items: z.array(ZEnterprise) }) },
        },
      },
      async (req) => ({ items: await service.list(requireActor(req)) }),
    );

    app.get(
      '/enterprises/:id',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '企业详情 / one enterprise',
          params: ZIdParams,
          response: { 200: ZEnterprise },
        },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );

    app.post(
      '/enterprises',
      {
        preHandler: allow('regulator'),
        schema: {
          tags,
          summary: '登记企业 / register an enterprise',
          body: ZEnterpriseInput,
          response: { 201: ZEnterprise },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );

    app.patch(
      '/enterprises/:id',
      {
        preHandler: allow('regulator', 'enterprise_admin'),
        schema: {
          tags,
          summary: '修改企业信息 / update an enterprise',
          params: ZIdParams,
          body: ZEnterprisePatch,
          response: { 200: ZEnterprise },
        },
      },
      async (req) => service.update(requireActor(req), req.params.id, req.body),
    );
  };
