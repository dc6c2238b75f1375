import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { z } from 'zod';
import {
  ZCaseQuery,
  ZDecide,
  ZDispute,
  ZLowTemperatureCase,
  ZLowTemperatureRule,
  ZRuleInput,
} from './low-temperature.schemas.ts';
import { LowTemperatureService } from './low-temperature.service.ts';

export const lowTemperatureRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new LowTemperatureService(ctx);
    const tags = ['room-temperature'];
    const readers = allow(
      'enterprise_admin',
      'dispatcher',
      'inspector',
      'agent',
      'billing_clerk',
      'regulator',
    );
    const handlers = allow('enterprise_admin', 'dispatcher');

    app.get(
      '/low-temperature/cases',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '低温投诉 (H-7.2.3)',
          querystring: ZCaseQuery,
          response: { 200: z.object({ items: z.array(ZLowTemperatureCase) }) },
        },
      },
      async (req) => service.list(requireActor(req), req.query.status),
    );
    app.post(
      '/low-temperature/cases/:id/dispute',
      {
        preHandler: handlers,
        schema: {
          tags,
          summary: '用户异议，第三方检测 (H-7.2.3.1)',
          params: ZIdParams,
          body: ZDispute,
          response: { 200: ZLowTemperatureCase },
        },
      },
      async (req) => service.dispute(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/low-temperature/cases/:id/decide',
      {
        preHandler: handlers,
        schema: {
          tags,
          summary: '认定原因、检测费和减收 (H-7.2.3)',
          params: ZIdParams,
          body: ZDecide,
          response: { 200: ZLowTemperatureCase },
        },
      },
      async (req) => service.decide(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/low-temperature/rules',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '低温减收规则 (H-5.5)',
          response: { 200: z.object({ items: z.array(ZLowTemperatureRule) }) },
        },
      },
      async (req) => service.rules(requireActor(req)),
    );
    app.post(
      '/low-temperature/rules',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '新增低温减收规则 (H-5.5)',
          body: ZRuleInput,
          response: { 201: ZLowTemperatureRule },
        },
      },
      async (req, reply) => reply.status(201).send(await service.addRule(requireActor(req), req.body)),
    );
  };
