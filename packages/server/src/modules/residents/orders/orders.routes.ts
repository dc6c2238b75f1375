import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZCreated,
  ZInfoInput,
  ZRatingInput,
  ZReopenInput,
  ZReportInput,
  ZReportOptions,
  ZResidentOrder,
  ZResidentOrderList,
} from './orders.schemas.ts';
import { ResidentOrderService } from './orders.service.ts';

export const residentOrderRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new ResidentOrderService(ctx);
    const tags = ['residents'];
    const resident = allow('resident');

    app.get(
      '/resident/report-options',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '报修投诉须知：泄漏紧急提示、投诉类别 / leak advice, complaint categories (G-6.2.13)',
          response: { 200: ZReportOptions },
        },
      },
      async (req) => service.options(requireActor(req)),
    );
    app.post(
      '/resident/reports',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '报修、报泄漏、投诉 / report a fault or leak, or complain',
          body: ZReportInput,
          response: { 201: ZCreated },
        },
      },
      async (req, reply) => reply.status(201).send(await service.report(requireActor(req), req.body)),
    );
    app.get(
      '/resident/orders',
      {
        preHandler: resident,
        schema: { tags, summary: '我的工单 / my orders', response: { 200: ZResidentOrderList } },
      },
      async (req) => service.list(requireActor(req)),
    );
    app.get(
      '/resident/orders/:id',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '工单进度：时限与过程 / track an order: deadline and history',
          params: ZIdParams,
          response: { 200: ZResidentOrder },
        },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );
    app.post(
      '/resident/orders/:id/info',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '补充情况 / add information',
          params: ZIdParams,
          body: ZInfoInput,
          response: { 200: ZResidentOrder },
        },
      },
      async (req) => service.addInfo(requireActor(req), req.params.id, req.body.text),
    );
    app.post(
      '/resident/orders/:id/rating',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '评价 / rate the work (G-5.9.8)',
          params: ZIdParams,
          body: ZRatingInput,
          response: { 200: ZResidentOrder },
        },
      },
      async (req) => service.rate(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/resident/orders/:id/reopen',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '不满意，重新打开 / not satisfied: reopen (H-7.3.4)',
          params: ZIdParams,
          body: ZReopenInput,
          response: { 201: ZCreated },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.reopen(requireActor(req), req.params.id, req.body.reason)),
    );
  };
