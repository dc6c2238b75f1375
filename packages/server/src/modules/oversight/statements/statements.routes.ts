import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZPublicResultsQuery,
  ZPublishInput,
  ZStatement,
  ZStatementInput,
  ZStatementList,
  ZStatementQuery,
} from './statements.schemas.ts';
import { StatementService } from './statements.service.ts';

export const statementRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new StatementService(ctx);
    const tags = ['evaluation'];
    const writers = allow('regulator', 'enterprise_admin');

    app.get(
      '/evaluation/statements',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '自评、整改计划、监管意见与公布记录 (G-12.2, H-10.2, H-10.3.8, G-12.3)',
          querystring: ZStatementQuery,
          response: { 200: ZStatementList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/evaluation/statements',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '企业自评或整改计划；监管意见 / self-evaluation, improvement plan or remark',
          body: ZStatementInput,
          response: { 201: ZStatement },
        },
      },
      async (req, reply) => reply.status(201).send(await service.add(requireActor(req), req.body)),
    );
    app.post(
      '/evaluation/publications',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '公布评价结果（按公布时数值留存）/ publish the results as they stand (G-12.3, H-10.5.6)',
          body: ZPublishInput,
          response: { 201: ZStatement },
        },
      },
      async (req, reply) => reply.status(201).send(await service.publish(requireActor(req), req.body.period)),
    );
    app.get(
      '/public/evaluation-results',
      {
        schema: {
          tags: ['public'],
          summary: '已公布的服务评价结果（公开）/ published evaluation results (public)',
          security: [],
          querystring: ZPublicResultsQuery,
          response: { 200: ZStatementList },
        },
      },
      async (req) => service.published(req.query.enterpriseId),
    );
  };
