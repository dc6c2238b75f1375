import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { contentDisposition } from '../../service/customers/export.service.ts';
import {
  ZBillDetail,
  ZBillIdentity,
  ZBillIssue,
  ZBillList,
  ZBillQuery,
  ZCorrectionInput,
  ZIdParams,
  ZRevealInput,
} from './bills.schemas.ts';
import { BillService } from './bills.service.ts';

export const billRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new BillService(ctx);
    const tags = ['billing'];
    // Billing staff write; agents answer customers' questions about their bills; the regulator reads across.
    const readers = allow('regulator', 'enterprise_admin', 'billing_clerk', 'agent');
    const writers = allow('enterprise_admin', 'billing_clerk');

    app.get(
      '/bills',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '账单 / bills by customer, period or run',
          querystring: ZBillQuery,
          response: { 200: ZBillList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );

    app.post(
      '/bills',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '为一户出账 / bill one account for a month (G-6.2.3–G-6.2.7)',
          body: ZBillIssue,
          response: { 201: ZBillDetail },
        },
      },
      async (req, reply) => reply.status(201).send(await service.issue(requireActor(req), req.body)),
    );

    app.get(
      '/bills/:id',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '账单明细与缴费通知 / bill with lines and notice',
          params: ZIdParams,
          response: { 200: ZBillDetail },
        },
      },
      async (req) => service.detail(requireActor(req), req.params.id),
    );

    app.get(
      '/bills/:id/notice.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '缴费通知单 PDF / payment notice as PDF',
          params: ZIdParams,
          response: { 200: fileResponse(['application/pdf'], 'The notice as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.noticePdf(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            contentDisposition({
              filename: file.fileName,
              zhName: `缴费通知单-${file.fileName}`,
              contentType: '',
              body: file.body,
            }),
          )
          .send(file.body);
      },
    );

    app.post(
      '/bills/:id/reveal',
      {
        preHandler: allow('regulator'),
        schema: {
          tags,
          summary: '查看账单户名和地址（留痕） / the household behind a bill, for a named case (audited)',
          params: ZIdParams,
          body: ZRevealInput,
          response: { 200: ZBillIdentity },
        },
      },
      async (req) => service.reveal(requireActor(req), req.params.id, req.body.reason),
    );

    app.post(
      '/bills/:id/corrections',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '更正账单（新单据，不修改原单） / correct a bill by a new document (G-6.2.5)',
          params: ZIdParams,
          body: ZCorrectionInput,
          response: { 201: ZBillDetail },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.correct(requireActor(req), req.params.id, req.body)),
    );
  };
