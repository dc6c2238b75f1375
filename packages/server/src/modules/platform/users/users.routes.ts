import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZUser, ZUserInput, ZUserQuery } from './users.schemas.ts';
import { UserService } from './users.service.ts';

export const userRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new UserService(ctx);
    const tags = ['users'];
    const managers = allow('enterprise_admin', 'regulator');

    app.get(
      '/users',
      {
        preHandler: managers,
        schema: {
          tags,
          summary: '账号列表 / user accounts',
          querystring: ZUserQuery,
          response: { 200: z.object({ items: z.array(ZUser) }) },
        },
      },
      async (req) => ({ items: await service.list(requireActor(req), req.query.enterpriseId) }),
    );

    app.post(
      '/users',
      {
        preHandler: managers,
        schema: {
          tags,
          summary: '创建账号 / create a user account',
          body: ZUserInput,
          response: { 201: ZUser },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );
  };
