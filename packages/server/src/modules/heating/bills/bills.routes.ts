import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { HEATING_READERS } from '../seasons/seasons.routes.ts';
import { assertHeatingWriter } from '../seasons/heating-access.ts';
import { z } from 'zod';
import {
  ZHeatingBillList,
  ZHeatingRun,
  ZMeteredSummary,
  ZQueueQuery,
  ZQueueRow,
  ZRemindersSent,
  ZRemindInput,
  ZRewarded,
  ZSeasonParams,
} from './bills.schemas.ts';
import { HeatingBillService } from './bills.service.ts';
import { settleMeteredHeat } from './metered.service.ts';
import { runHeatingReminders } from './reminders.service.ts';
import { SuspensionQueueService } from './suspensions.service.ts';

export const heatingBillRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new HeatingBillService(ctx);
    const queue = new SuspensionQueueService(ctx);
    const tags = ['heating'];
    const readers = allow(...HEATING_READERS);
    const writers = allow('enterprise_admin', 'billing_clerk');

    app.get(
      '/heating/seasons/:seasonId/bills',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '采暖期账单 / season bills',
          params: ZSeasonParams,
          response: { 200: ZHeatingBillList },
        },
      },
      async (req) => service.list(requireActor(req), req.params.seasonId),
    );
    app.post(
      '/heating/seasons/:seasonId/billing-runs',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '生成采暖期账单（H-7.2.1） / run season billing',
          params: ZSeasonParams,
          response: { 201: ZHeatingRun },
        },
      },
      async (req, reply) => reply.status(201).send(await service.run(requireActor(req), req.params.seasonId)),
    );
    app.post(
      '/heating/seasons/:seasonId/metered-settlement',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '两部制计量热费结算（H-7.2.1） / settle the metered heat of two-part accounts',
          params: ZSeasonParams,
          response: { 200: ZMeteredSummary },
        },
      },
      async (req) => settleMeteredHeat(ctx, requireActor(req), req.params.seasonId),
    );
    app.post(
      '/heating/seasons/:seasonId/rewards',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '提前缴费奖励（H-7.2.2） / early-payment rewards',
          params: ZSeasonParams,
          response: { 200: ZRewarded },
        },
      },
      async (req) => service.rewards(requireActor(req), req.params.seasonId),
    );
    app.post(
      '/heating/reminders/run',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '立即发送到期提醒（H-7.2.2） / send due reminders now',
          body: ZRemindInput.optional(),
          response: { 200: ZRemindersSent },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        assertHeatingWriter(actor);
        return runHeatingReminders(ctx, ctx.now(), actor.enterpriseId);
      },
    );
    app.get(
      '/heating/suspensions',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '报停/复热队列（H-7.1.7, H-7.1.8） / suspension queue',
          querystring: ZQueueQuery,
          response: { 200: z.array(ZQueueRow) },
        },
      },
      async (req) =>
        queue.list(requireActor(req), {
          enterpriseId: req.query.enterpriseId,
          open: req.query.open === 'true',
        }),
    );
  };
