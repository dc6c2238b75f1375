import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { NotificationService, sendQueuedNotifications } from './notifications.service.ts';

const ZListQuery = z.strictObject({
  status: z.enum(['queued', 'sent', 'failed']).optional(),
  kind: z.string().trim().max(40).optional(),
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  enterpriseId: z.uuid().optional(),
});

const ZItem = z.object({
  id: z.string(),
  customerId: z.string().nullable(),
  accountNo: z.string().nullable(),
  customerName: z.string().nullable(),
  channel: z.string(),
  kind: z.string(),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  bodyEn: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const notificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new NotificationService(ctx);
    const tags = ['notifications'];

    app.get(
      '/notifications',
      {
        preHandler: allow('regulator', 'enterprise_admin', 'agent', 'billing_clerk'),
        schema: {
          tags,
          summary: '通知发件箱 / notification outbox',
          querystring: ZListQuery,
          response: {
            200: z.object({
              items: z.array(ZItem),
              total: z.number(),
              byStatus: z.record(z.string(), z.number()),
            }),
          },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );

    app.post(
      '/notifications/send-now',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '立即发送排队消息 / send queued messages now',
          response: { 200: z.object({ sent: z.number(), retried: z.number(), failed: z.number() }) },
        },
      },
      async () => sendQueuedNotifications(ctx.database, ctx.now()),
    );

    app.post(
      '/notifications/retry',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '重发失败消息 / requeue failed messages',
          body: z.strictObject({ ids: z.array(z.uuid()).min(1).max(200) }),
          response: { 200: z.object({ requeued: z.number() }) },
        },
      },
      async (req) => service.retryFailed(requireActor(req), req.body.ids),
    );
  };
