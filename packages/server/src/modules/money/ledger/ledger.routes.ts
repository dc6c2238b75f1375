import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import {
  ZAdjustment,
  ZAdjustmentInput,
  ZArrearsList,
  ZArrearsQuery,
  ZStatement,
  ZStatementQuery,
} from './ledger.schemas.ts';
import { LedgerService } from './ledger.service.ts';

export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new LedgerService(ctx);
    const tags = ['ledger'];
    const readers = allow('regulator', 'enterprise_admin', 'agent', 'billing_clerk', 'dispatcher');

    app.get(
      '/customers/:id/statement',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '客户对账单 / account statement with running balance and arrears',
          params: ZIdParams,
          querystring: ZStatementQuery,
          response: { 200: ZStatement },
        },
      },
      async (req) => service.statement(requireActor(req), req.params.id, req.query),
    );

    app.get(
      '/arrears',
      {
        preHandler: allow('regulator', 'enterprise_admin', 'agent', 'billing_clerk'),
        schema: {
          tags,
          summary: '欠费账户 / accounts in arrears (G-6.2.9)',
          querystring: ZArrearsQuery,
          response: { 200: ZArrearsList },
        },
      },
      async (req) => service.arrears(requireActor(req), req.query),
    );

    app.post(
      '/customers/:id/adjustments',
      {
        preHandler: allow('enterprise_admin', 'billing_clerk'),
        schema: {
          tags,
          summary: '账务调整 / ledger adjustment (signed, with reason)',
          params: ZIdParams,
          body: ZAdjustmentInput,
          response: { 201: ZAdjustment },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.adjust(requireActor(req), req.params.id, req.body)),
    );
  };
