import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZCoverageCheck,
  ZCoverageCheckQuery,
  ZCoverageInput,
  ZCoverageList,
  ZCoverageQuery,
} from './supply-coverage.schemas.ts';
import { SupplyCoverageService } from './supply-coverage.service.ts';

export const coverageRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new SupplyCoverageService(ctx);
    const tags = ['inspections'];
    app.get(
      '/supply-coverage',
      {
        preHandler: allow('enterprise_admin', 'dispatcher', 'agent', 'inspector', 'regulator'),
        schema: {
          tags,
          summary: '供气条件：管网覆盖小区及供气能力（G-5.3.1、G-6.1.1）',
          querystring: ZCoverageQuery,
          response: { 200: ZCoverageList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/supply-coverage',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '公布或变更某小区的管网覆盖及供气能力',
          body: ZCoverageInput,
          response: { 200: ZCoverageList },
        },
      },
      async (req) => service.state(requireActor(req), req.body),
    );
    app.get(
      '/supply-coverage/check',
      {
        preHandler: allow(
          'enterprise_admin',
          'dispatcher',
          'agent',
          'inspector',
          'billing_clerk',
          'regulator',
        ),
        schema: {
          tags,
          summary: '某小区是否在管道燃气覆盖范围内（G-7.1.1）',
          querystring: ZCoverageCheckQuery,
          response: { 200: ZCoverageCheck },
        },
      },
      async (req) => service.check(req.query.community),
    );
  };
