import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { importBankFile, ZBankImport, ZBankImportResult } from './bank-import.service.ts';
import { GatewayService } from './gateway.service.ts';
import { callbackRoutes } from './payments.callback.routes.ts';
import {
  ZGatewayChannels,
  ZIntent,
  ZIntentInput,
  ZOutTradeNoParams,
  ZPayment,
  ZPaymentInput,
  ZPaymentList,
  ZPaymentListQuery,
  ZPrepaidDraw,
  ZPrepaidDrawInput,
  ZReceipt,
  ZSimulateInput,
  ZSimulateResult,
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

    app.get(
      '/payments/gateway/channels',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '已启用的线上支付渠道 / online payment channels enabled here (demo, live or off)',
          response: { 200: ZGatewayChannels },
        },
      },
      async () => ({
        gateway: ctx.config.payments.gateway,
        channels: Object.keys(gateway.channels.adapters) as ('wechat' | 'alipay')[],
        intentMinutes: ctx.config.payments.intentMinutes,
      }),
    );

    app.post(
      '/payments/gateway/orders',
      {
        preHandler: cashiers,
        schema: {
          tags,
          summary:
            '微信/支付宝支付订单（服务端先建单） / create a WeChat Pay or Alipay payment order (intent)',
          body: ZIntentInput,
          response: { 201: ZIntent },
        },
      },
      async (req, reply) => reply.status(201).send(await gateway.createIntent(requireActor(req), req.body)),
    );

    app.get(
      '/payments/gateway/orders/:outTradeNo',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '支付订单状态 / a payment order and its status',
          params: ZOutTradeNoParams,
          response: { 200: ZIntent },
        },
      },
      async (req) => gateway.getIntent(requireActor(req), req.params.outTradeNo),
    );

    // The demo gateway exists only in demo mode (PAYMENT_GATEWAY=demo); elsewhere this route is not there at all.
    if (gateway.channels.demo) {
      app.post(
        '/payments/gateway/simulate',
        {
          preHandler: cashiers,
          schema: {
            tags,
            summary:
              '演示网关：模拟客户支付本企业的订单（回调验签后记账） / demo gateway: the customer pays one of your orders',
            body: ZSimulateInput,
            response: { 200: ZSimulateResult },
          },
        },
        async (req) => gateway.simulate(requireActor(req), req.body.outTradeNo),
      );
    }

    await app.register(callbackRoutes(gateway));

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
