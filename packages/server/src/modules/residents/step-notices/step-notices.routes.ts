import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZStepNotices } from './step-notices.schemas.ts';
import { StepNoticeService } from './step-notices.service.ts';

export const stepNoticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new StepNoticeService(ctx);
    const tags = ['residents'];
    const resident = allow('resident');
    app.get(
      '/resident/step-notices',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '我的工单进展提醒 / the steps of my orders (G-5.8.3)',
          response: { 200: ZStepNotices },
        },
      },
      async (req) => service.list(requireActor(req)),
    );
    app.post(
      '/resident/step-notices/seen',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '标记进展提醒为已读 / mark the step notices read',
          response: { 200: ZStepNotices },
        },
      },
      async (req) => service.markSeen(requireActor(req)),
    );
  };
