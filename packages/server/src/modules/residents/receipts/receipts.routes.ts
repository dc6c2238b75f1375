import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZReceipt } from '../../money/payments/payments.schemas.ts';
import { ZReceiptParams, ZResidentReceipts } from './receipts.schemas.ts';
import { ResidentReceiptService } from './receipts.service.ts';

export const residentReceiptRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new ResidentReceiptService(ctx);
    const tags = ['residents'];
    const resident = allow('resident');

    app.get(
      '/resident/accounts/:id/receipts',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '我的缴费及收费凭证号 / my payments and their receipts (G-6.2.8)',
          params: ZIdParams,
          response: { 200: ZResidentReceipts },
        },
      },
      async (req) => service.list(requireActor(req), req.params.id),
    );
    app.get(
      '/resident/accounts/:id/receipts/:paymentId',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '收费凭证 / a receipt of mine (G-6.2.8)',
          params: ZReceiptParams,
          response: { 200: ZReceipt },
        },
      },
      async (req) => service.receipt(requireActor(req), req.params.id, req.params.paymentId),
    );
  };
