import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { AlertService, type AlertView } from './alerts.service.ts';

const ZMessages = z.object({ zh: z.string(), en: z.string() });

const ZAlert = z.object({
  id: z.number(),
  orderId: z.string(),
  orderNo: z.string(),
  clock: z.string(),
  clockLabel: ZMessages,
  kind: z.enum(['warning', 'breach']),
  dueAt: z.string(),
  /** In the caller's language (Accept-Language); both in `messages`. */
  message: z.string(),
  messages: ZMessages,
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});

const ZAlertQuery = z.strictObject({
  unacknowledged: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const ZAlertParams = z.strictObject({ id: z.coerce.number().int().positive() });

const inLanguage = (req: FastifyRequest, a: AlertView) => ({
  ...a,
  message: String(req.headers['accept-language'] ?? '')
    .toLowerCase()
    .startsWith('en')
    ? a.messages.en
    : a.messages.zh,
});

export const alertRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new AlertService(ctx);
    const tags = ['alerts'];
    const staff = allow('regulator', 'enterprise_admin', 'agent', 'dispatcher', 'technician', 'inspector');

    app.get(
      '/alerts',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: '时限预警与逾期 / deadline warnings and breaches',
          querystring: ZAlertQuery,
          response: { 200: z.object({ items: z.array(ZAlert) }) },
        },
      },
      async (req) => ({
        items: (await service.list(requireActor(req), req.query)).map((a) => inLanguage(req, a)),
      }),
    );

    app.post(
      '/alerts/:id/ack',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: '确认预警 / acknowledge an alert',
          params: ZAlertParams,
          response: { 200: ZAlert },
        },
      },
      async (req) => inLanguage(req, await service.acknowledge(requireActor(req), req.params.id)),
    );
  };
