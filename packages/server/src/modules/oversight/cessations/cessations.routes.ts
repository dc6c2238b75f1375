import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZCessation,
  ZCessationInput,
  ZCessationList,
  ZDecisionInput,
  ZPreview,
  ZPreviewQuery,
} from './cessations.schemas.ts';
import { CessationService } from './cessations.service.ts';

export const cessationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new CessationService(ctx);
    const tags = ['cessations'];
    app.get(
      '/cessations',
      {
        preHandler: allow('enterprise_admin', 'regulator'),
        schema: {
          tags,
          summary: '停业、歇业申报 / cessations of business (G-6.2.14, G-9.3.2)',
          response: { 200: ZCessationList },
        },
      },
      async (req) => service.list(requireActor(req)),
    );
    app.get(
      '/cessations/preview',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '停业期限与待安排事项 / the deadlines for a date and what is still open',
          querystring: ZPreviewQuery,
          response: { 200: ZPreview },
        },
      },
      async (req) => service.preview(requireActor(req), req.query.ceasesOn),
    );
    app.post(
      '/cessations',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary:
            '申报停业（管道燃气提前 90 个工作日）/ file a cessation (a pipeline company 90 working days ahead)',
          body: ZCessationInput,
          response: { 201: ZCessation },
        },
      },
      async (req, reply) => reply.status(201).send(await service.file(requireActor(req), req.body)),
    );
    app.post(
      '/cessations/:id/decision',
      {
        preHandler: allow('regulator'),
        schema: {
          tags,
          summary: '燃气管理部门同意或不同意 / the gas authority approves or refuses (G-6.2.14)',
          params: ZIdParams,
          body: ZDecisionInput,
          response: { 200: ZCessation },
        },
      },
      async (req) => service.decide(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/cessations/:id/notify',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '告知用户（短信）/ tell the customers by SMS (G-9.3.2, G-6.2.14)',
          params: ZIdParams,
          response: { 200: ZCessation },
        },
      },
      async (req) => service.notify(requireActor(req), req.params.id),
    );
    app.post(
      '/cessations/:id/withdraw',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '撤回停业申报 / withdraw a cessation before customers are told',
          params: ZIdParams,
          response: { 200: ZCessation },
        },
      },
      async (req) => service.withdraw(requireActor(req), req.params.id),
    );
  };
