import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { ZSignupConfirm, ZSignupDone, ZSignupInput, ZSignupRequest } from './signup.schemas.ts';
import { SignupService } from './signup.service.ts';

/** Public: a resident signs up with his mobile and an SMS code (G-5.8.1). */
export const signupRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new SignupService(ctx);
    const tags = ['residents'];
    // Each request sends an SMS: besides the per-phone limit, at most 10 an hour from one address.
    const perAddress = app.createRateLimit({
      max: 10,
      timeWindow: 3_600_000,
      keyGenerator: (req) => 'signup-a:' + req.ip,
    });
    const limit = async (req: FastifyRequest, reply: FastifyReply) => {
      const r = await perAddress(req);
      if (!r.isAllowed && r.isExceeded) {
        reply.header('retry-after', String(r.ttlInSeconds));
        throw appError('RATE_LIMITED', {
          zh: '请求过于频繁，请稍后再试',
          en: 'Too many requests; try again later',
        });
      }
    };
    app.post(
      '/public/residents/sign-up',
      {
        preHandler: limit,
        schema: {
          tags,
          summary: '居民注册：发送短信验证码 / resident sign-up: send a code to the mobile',
          security: [],
          body: ZSignupInput,
          response: { 201: ZSignupRequest },
        },
      },
      async (req, reply) => reply.status(201).send(await service.request(req.body)),
    );
    app.post(
      '/public/residents/sign-up/:id/confirm',
      {
        schema: {
          tags,
          summary: '居民注册：验证码、姓名、密码 / resident sign-up: code, name, password',
          security: [],
          params: ZIdParams,
          body: ZSignupConfirm,
          response: { 201: ZSignupDone },
        },
      },
      async (req, reply) => reply.status(201).send(await service.confirm(req.params.id, req.body)),
    );
  };
