import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { importBankFile, ZBankImport, ZBankImportResult } from './bank-import.service.ts';
import { GatewayService } from './gateway.service.ts';
import {
  ZCallbackBody,
  ZCallbackParams,
  ZGatewayOrder,
  ZGatewayOrderInput,
  ZPayment,
  ZPaymentInput,
  ZPaymentList,
  ZPaymentListQuery,
  ZPrepaidDraw,
  ZPrepaidDrawInput,
  ZReceipt,
  ZSimulateInput,
} from './payments.schemas.ts';
import { PaymentService } from './payments.service.ts';
import { PrepaidService } from './prepaid.service.ts';

export const paymentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new PaymentService(ctx);
    const gateway = new GatewayService(ctx);
    const prepaid = new PrepaidService(ctx);
    const tags = ['payments'];
    const cashiers = allow('enterprise_admin', 'agent', 'billing_clerk');
    const readers = allow('regulator', 'enterprise_admin', 'agent', 'billing_clerk');

    app.post(
      '/payments',
      {
        preHandler: cashiers,
        schema: {
          tags,
          summary: '收费（柜台、银行、预付费充值） / take a payment (G-6.2.8)',
          body: ZPaymentInput,
          headers: z.looseObject({ 'idempotency-key': z.string().max(100).optional() }),
          response: { 200: ZPayment, 201: ZPayment },
        },
      },
      async (req, reply) => {
        const p = await service.create(requireActor(req), req.body, req.headers['idempotency-key']);
        return reply.status(p.replayed ? 200 : 201).send(p);
      },
    );

    app.post(
      '/payments/bank-import',
      {
        preHandler: allow('enterprise_admin', 'billing_clerk'),
        bodyLimit: 2 * 1024 * 1024,
        schema: {
          tags,
          summary: '导入银行代收明细 / import a bank collection file (one payment per bank reference)',
          body: ZBankImport,
          response: { 200: ZBankImportResult },
        },
      },
      async (req) => importBankFile(ctx, requireActor(req), req.body),
    );

    app.get(
      '/payments',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '收费记录 / payments',
          querystring: ZPaymentListQuery,
          response: { 200: ZPaymentList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );

    app.get(
      '/payments/:id',
      {
        preHandler: readers,
        schema: { tags, summary: '收费详情 / payment', params: ZIdParams, response: { 200: ZPayment } },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );

    app.get(
      '/payments/:id/receipt',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '收费凭证 / receipt (G-6.2.8)',
          params: ZIdParams,
          response: { 200: ZReceipt },
        },
      },
      async (req) => service.receipt(requireActor(req), req.params.id),
    );

    app.post(
      '/payments/gateway/orders',
      {
        preHandler: cashiers,
        schema: {
          tags,
          summary: '微信/支付宝下单 / create a WeChat Pay or Alipay order',
          body: ZGatewayOrderInput,
          response: { 201: ZGatewayOrder },
        },
      },
      async (req, reply) => reply.status(201).send(await gateway.createOrder(requireActor(req), req.body)),
    );

    app.post(
      '/payments/gateway/simulate',
      {
        preHandler: cashiers,
        schema: {
          tags,
          summary: '测试网关：模拟用户支付，返回已签名回调 / test gateway: simulate the customer paying',
          body: ZSimulateInput,
          response: { 200: ZCallbackBody },
        },
      },
      async (req) => gateway.simulate(requireActor(req), req.body),
    );

    // The channel's server calls this: no session; the signature is the credential. The old path, which reads like
    // `/payments/:id/…`, is kept undocumented for channels still configured with it.
    for (const [url, hide] of [
      ['/payment-callbacks/:channel', false],
      ['/payments/callback/:channel', true],
    ] as const) {
      app.post(
        url,
        {
          schema: {
            tags,
            hide,
            security: [],
            summary: '支付渠道回调（验签） / payment channel callback (signature verified)',
            params: ZCallbackParams,
            body: ZCallbackBody,
            response: { 200: ZPayment },
          },
        },
        async (req) => gateway.callback(req.params.channel, req.body),
      );
    }

    app.post(
      '/prepaid/:id/draws',
      {
        preHandler: allow('enterprise_admin', 'billing_clerk'),
        schema: {
          tags,
          summary: '预付费表扣费（表端上报） / prepaid meter draw (G-6.2.2)',
          params: ZIdParams,
          body: ZPrepaidDrawInput,
          response: { 200: ZPrepaidDraw },
        },
      },
      async (req) => prepaid.draw(requireActor(req), req.params.id, req.body),
    );
  };
