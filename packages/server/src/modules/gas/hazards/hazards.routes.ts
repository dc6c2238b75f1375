import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { contentDisposition } from '../../service/customers/export.service.ts';
import { ZHazardDetail, ZHazards } from './hazards.responses.ts';
import { ZHazardQuery, ZHazardStep, ZRepairOrderRequest } from './hazards.schemas.ts';
import { HazardService } from './hazards.service.ts';

export const hazardRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new HazardService(ctx);
    const tags = ['inspections'];
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'regulator');
    const writers = allow('enterprise_admin', 'dispatcher', 'inspector');

    app.get(
      '/hazards',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '隐患台账（逾期在前，G-5.11.6）',
          querystring: ZHazardQuery,
          response: { 200: ZHazards },
        },
      },
      async (req) => service.ledger(requireActor(req), req.query),
    );
    app.get(
      '/hazards/major',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '重大隐患上报队列（G-6.2.17）',
          querystring: ZHazardQuery,
          response: { 200: ZHazards },
        },
      },
      async (req) => service.majorQueue(requireActor(req), req.query),
    );
    app.get(
      '/hazards/:id',
      {
        preHandler: readers,
        schema: { tags, summary: '一患一档', params: ZIdParams, response: { 200: ZHazardDetail } },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );
    app.get(
      '/hazards/:id/rectification.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '整改通知书 PDF（G-5.11.6）',
          params: ZIdParams,
          response: { 200: fileResponse(['application/pdf'], 'The rectification notice as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.rectificationPdf(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            contentDisposition({
              filename: file.fileName,
              zhName: `整改通知书-${file.fileName}`,
              contentType: '',
              body: file.body,
            }),
          )
          .send(file.body);
      },
    );
    app.post(
      '/hazards/:id/steps',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '复查销号、延期或整改通知书签收',
          params: ZIdParams,
          body: ZHazardStep,
          response: { 200: ZHazardDetail },
        },
      },
      async (req) => service.step(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/hazards/:id/repair-order',
      {
        // The roles that take an order in (the work-order loop's "received").
        preHandler: allow('enterprise_admin', 'dispatcher', 'agent'),
        schema: {
          tags,
          summary: '用户委托企业维修隐患：生成维修工单，施工前出示价目并签字（G-5.11.7）',
          params: ZIdParams,
          body: ZRepairOrderRequest,
          response: { 200: ZHazardDetail },
        },
      },
      async (req) => service.repairOrder(requireActor(req), req.params.id, req.body),
    );
  };
