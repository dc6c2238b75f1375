import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZBindingConfirmInput,
  ZBindingRequest,
  ZBindingRequestInput,
  ZBoundAccount,
  ZBoundAccounts,
} from './bindings.schemas.ts';
import { BindingService } from './bindings.service.ts';

export const residentBindingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new BindingService(ctx);
    const tags = ['residents'];
    const resident = allow('resident');

    app.get(
      '/resident/accounts',
      {
        preHandler: resident,
        schema: { tags, summary: '我的户号 / my bound accounts', response: { 200: ZBoundAccounts } },
      },
      async (req) => ({ items: await service.accounts(requireActor(req)) }),
    );
    app.post(
      '/resident/bindings',
      {
        preHandler: resident,
        schema: {
          tags,
          summary:
            '绑定户号：核对户名和预留手机号后四位，发送短信验证码 / bind: check and send a code (G-5.8.1)',
          body: ZBindingRequestInput,
          response: { 201: ZBindingRequest },
        },
      },
      async (req, reply) => reply.status(201).send(await service.request(requireActor(req), req.body)),
    );
    app.post(
      '/resident/bindings/:id/confirm',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '输入验证码完成绑定 / confirm the binding with the code',
          params: ZIdParams,
          body: ZBindingConfirmInput,
          response: { 200: ZBoundAccount },
        },
      },
      async (req) => service.confirm(requireActor(req), req.params.id, req.body.code),
    );
    app.delete(
      '/resident/accounts/:id',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '解除绑定 / unbind an account',
          params: ZIdParams,
          response: { 200: z.object({ ok: z.literal(true) }) },
        },
      },
      async (req) => {
        await service.unbind(requireActor(req), req.params.id);
        return { ok: true as const };
      },
    );
  };
