import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import {
  ZGasAreaList,
  ZModel,
  ZModelInput,
  ZModelList,
  ZModelPatch,
  ZModelQuery,
  ZSale,
  ZSaleInput,
  ZSaleList,
} from './appliance-sales.schemas.ts';
import { ApplianceSaleService } from './appliance-sales.service.ts';

export const applianceSaleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new ApplianceSaleService(ctx);
    const tags = ['appliance-sales'];
    const readers = allow('agent', 'dispatcher', 'technician', 'enterprise_admin', 'regulator');
    app.get(
      '/appliance-models',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '燃气具目录 / the appliance catalogue (G-9.1.1–G-9.1.3)',
          querystring: ZModelQuery,
          response: { 200: ZModelList },
        },
      },
      async (req) => service.models(requireActor(req), req.query.all === 'true'),
    );
    app.post(
      '/appliance-models',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '目录新增器具 / add an appliance to the catalogue (G-9.1.3)',
          body: ZModelInput,
          response: { 201: ZModel },
        },
      },
      async (req, reply) => reply.status(201).send(await service.addModel(requireActor(req), req.body)),
    );
    app.patch(
      '/appliance-models/:id',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '调价、保修条款、下架 / change price, warranty terms or withdraw',
          params: ZIdParams,
          body: ZModelPatch,
          response: { 200: ZModel },
        },
      },
      async (req) => service.changeModel(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/appliance-sales/gas-areas',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '小区供气气种 / the gas each declared community’s pipeline network carries',
          response: { 200: ZGasAreaList },
        },
      },
      async () => service.gasAreas(),
    );
    app.get(
      '/appliance-sales',
      {
        preHandler: readers,
        schema: { tags, summary: '燃气具销售记录 / appliance sales (G-9.1.3)', response: { 200: ZSaleList } },
      },
      async (req) => service.sales(requireActor(req)),
    );
    app.post(
      '/appliance-sales',
      {
        preHandler: allow('agent', 'enterprise_admin'),
        schema: {
          tags,
          summary:
            '门店销售（气种不符拒售）/ a sale at the counter, refused for the wrong gas type (G-9.1.3)',
          body: ZSaleInput,
          response: { 201: ZSale },
        },
      },
      async (req, reply) => reply.status(201).send(await service.sell(requireActor(req), req.body)),
    );
    app.get(
      '/appliance-sales/:id/receipt.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '销售凭证 PDF / the receipt of a sale as PDF (G-9.1.3)',
          params: ZIdParams,
          response: { 200: fileResponse(['application/pdf'], 'The sale receipt as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.receipt(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `inline; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
  };
