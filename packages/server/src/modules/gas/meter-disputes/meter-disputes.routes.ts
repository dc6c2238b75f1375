import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import {
  ZDispute,
  ZDisputeCreate,
  ZDisputeList,
  ZDisputeListQuery,
  ZDisputeResult,
} from './meter-disputes.schemas.ts';
import { MeterDisputeService } from './meter-disputes.service.ts';

export const meterDisputeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new MeterDisputeService(ctx);
    const tags = ['meter-disputes'];
    const readers = allow('regulator', 'enterprise_admin', 'agent', 'billing_clerk');
    const writers = allow('enterprise_admin', 'agent', 'billing_clerk');

    app.get(
      '/meter-disputes',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '计量争议 / meter disputes',
          querystring: ZDisputeListQuery,
          response: { 200: ZDisputeList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.get(
      '/meter-disputes/:id',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '计量争议详情 / meter dispute',
          params: ZIdParams,
          response: { 200: ZDispute },
        },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );
    app.post(
      '/meter-disputes',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记检定申请 / open a meter dispute (G-6.2.11)',
          body: ZDisputeCreate,
          response: { 201: ZDispute },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );
    app.post(
      '/meter-disputes/:id/result',
      {
        preHandler: allow('enterprise_admin', 'billing_clerk'),
        schema: {
          tags,
          summary: '录入检定结果并结算补偿 / record the test result and book the compensation (G-6.2.11)',
          params: ZIdParams,
          body: ZDisputeResult,
          response: { 200: ZDispute },
        },
      },
      async (req) => service.recordResult(requireActor(req), req.params.id, req.body),
    );
  };
