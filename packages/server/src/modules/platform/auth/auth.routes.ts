import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { requireActor, signedIn } from '../../../http/guard.ts';
import { noContent } from '../../../http/openapi.ts';
import { ZChangePassword, ZLogin, ZUser } from './auth.schemas.ts';
import { type AuthService, usernameKey } from './auth.service.ts';

export const SESSION_COOKIE = 'ranre_session';

export const authRoutes =
  (ctx: AppContext, auth: AuthService): FastifyPluginAsyncZod =>
  async (app) => {
    // Sign-in limits (issue 12), beside the lockout: per user name (known or not) and per client address, so one
    // address cannot walk through many names nor many addresses hammer one name.
    // (createRateLimit, not rateLimit: the plugin runs only the first rateLimit hook of a request, the general one.)
    const window = ctx.config.loginRateWindowMinutes * 60_000;
    const limits = [
      app.createRateLimit({
        max: ctx.config.loginRatePerAddress,
        timeWindow: window,
        keyGenerator: (req) => 'login-a:' + req.ip,
      }),
      app.createRateLimit({
        max: ctx.config.loginRatePerUser,
        timeWindow: window,
        keyGenerator: (req) =>
          'login-u:' + usernameKey(String((req.body as { username?: unknown })?.username ?? '')),
      }),
    ];
    const limitSignIn = async (req: FastifyRequest, reply: FastifyReply) => {
      for (const limit of limits) {
        const r = await limit(req);
        if (!r.isAllowed && r.isExceeded) {
          reply.header('retry-after', String(r.ttlInSeconds));
          throw appError('RATE_LIMITED', {
            zh: `登录尝试过于频繁，请 ${Math.ceil(r.ttlInSeconds / 60)} 分钟后再试`,
            en: `Too many sign-in attempts; try again in ${Math.ceil(r.ttlInSeconds / 60)} minutes`,
          });
        }
      }
    };
    app.post(
      '/auth/login',
      {
        preHandler: limitSignIn,
        schema: {
          tags: ['auth'],
          summary: '登录 / sign in',
          body: ZLogin,
          response: { 200: z.object({ user: ZUser }) },
        },
      },
      async (req, reply) => {
        const { token, actor, expiresAt } = await auth.login(req.body.username, req.body.password);
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: req.protocol === 'https',
          expires: expiresAt,
        });
        return { user: actor };
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: '退出 / sign out', response: { 204: noContent('Signed out') } } },
      async (req, reply) => {
        await auth.logout(req.cookies[SESSION_COOKIE]);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );

    app.get(
      '/auth/me',
      {
        preHandler: signedIn,
        schema: {
          tags: ['auth'],
          summary: '当前用户 / current user',
          response: { 200: z.object({ user: ZUser }) },
        },
      },
      async (req) => ({ user: requireActor(req) }),
    );

    app.post(
      '/auth/password',
      {
        preHandler: signedIn,
        schema: {
          tags: ['auth'],
          summary: '修改密码 / change password',
          body: ZChangePassword,
          response: { 204: noContent('Changed; every session of the user ends') },
        },
      },
      async (req, reply) => {
        await auth.changePassword(requireActor(req), req.body.currentPassword, req.body.newPassword);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );
  };
