import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZStaffLinkInput, ZUserAccount, ZUserInput, ZUserParams, ZUserQuery } from './users.schemas.ts';
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
          response: { 200: z.object({ items: z.array(ZUserAccount) }) },
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
          response: { 201: ZUserAccount },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );

    app.put(
      '/users/:id/staff',
      {
        preHandler: managers,
        schema: {
          tags,
          summary: '关联员工档案 / link an account to its staff record',
          params: ZUserParams,
          body: ZStaffLinkInput,
          response: { 200: ZUserAccount },
        },
      },
      async (req) => service.linkStaff(requireActor(req), req.params.id, req.body.staffId),
    );
  };
