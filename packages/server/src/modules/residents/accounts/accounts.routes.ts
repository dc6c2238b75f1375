import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { GatewayService } from '../../money/payments/gateway.service.ts';
import { contentDisposition } from '../../service/customers/export.service.ts';
import {
  ZAccountBillParams,
  ZAccountDetail,
  ZPayInput,
  ZResidentIntent,
  ZResidentNotices,
  ZTradeParams,
} from './accounts.schemas.ts';
import { ResidentAccountService } from './accounts.service.ts';

export const residentAccountRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const gateway = new GatewayService(ctx);
    const service = new ResidentAccountService(ctx, gateway);
    const tags = ['residents'];
    const resident = allow('resident');

    app.get(
      '/resident/notices',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '我家地址的停气停热及注水公告 / notices over my addresses (G-6.2.12, H-6.4.5)',
          response: { 200: ZResidentNotices },
        },
      },
      async (req) => service.notices(requireActor(req)),
    );
    app.get(
      '/resident/accounts/:id',
      {
        preHandler: resident,
        schema: {
          tags,
          summary:
            '户号详情：余额欠费、账单、用量、缴费记录 / a bound account: balance, bills, usage, payments',
          params: ZIdParams,
          response: { 200: ZAccountDetail },
        },
      },
      async (req) => service.detail(requireActor(req), req.params.id),
    );
    app.get(
      '/resident/accounts/:id/bills/:billId/notice.pdf',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '缴费通知单 PDF / the payment notice as PDF',
          params: ZAccountBillParams,
          response: { 200: fileResponse(['application/pdf'], 'The notice as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.noticePdf(requireActor(req), req.params.id, req.params.billId);
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
      '/resident/accounts/:id/payments',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '线上缴纳账单（微信/支付宝下单） / pay a bill online (payment order)',
          params: ZIdParams,
          body: ZPayInput,
          response: { 201: ZResidentIntent },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.pay(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/resident/payments/:outTradeNo',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '支付订单状态 / a payment order of mine',
          params: ZTradeParams,
          response: { 200: ZResidentIntent },
        },
      },
      async (req) => service.intent(requireActor(req), req.params.outTradeNo),
    );
    // Demo mode only, like the staff's simulate route: the resident completes the payment on the demo gateway.
    if (gateway.channels.demo) {
      app.post(
        '/resident/payments/:outTradeNo/demo-pay',
        {
          preHandler: resident,
          schema: {
            tags,
            summary: '演示网关：完成支付 / demo gateway: complete my payment',
            params: ZTradeParams,
            response: { 200: ZResidentIntent },
          },
        },
        async (req) => service.demoPay(requireActor(req), req.params.outTradeNo),
      );
    }
  };
