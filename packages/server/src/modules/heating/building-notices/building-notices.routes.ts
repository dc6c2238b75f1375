import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { contentDisposition } from '../../service/customers/export.service.ts';
import {
  ZBuildingNotice,
  ZBuildingNoticeInput,
  ZBuildingNoticeList,
  ZNoticeParams,
  ZNoticeQuery,
} from './building-notices.schemas.ts';
import { BuildingNoticeService } from './building-notices.service.ts';

export const buildingNoticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new BuildingNoticeService(ctx);
    const tags = ['heating'];
    const readers = allow('regulator', 'enterprise_admin', 'dispatcher', 'agent');
    app.get(
      '/heating/building-notices',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '楼内公共供热系统通知 / building notices (H-6.3.4)',
          querystring: ZNoticeQuery,
          response: { 200: ZBuildingNoticeList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/heating/building-notices',
      {
        preHandler: allow('enterprise_admin', 'dispatcher'),
        schema: {
          tags,
          summary: '提前通知产权单位并楼前公告 / tell the owner ahead and post the notice (H-6.3.4)',
          body: ZBuildingNoticeInput,
          response: { 201: ZBuildingNotice },
        },
      },
      async (req, reply) => reply.status(201).send(await service.issue(requireActor(req), req.body)),
    );
    app.get(
      '/heating/building-notices/:id/notice.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '楼前公告 PDF（H-6.3.4）',
          params: ZNoticeParams,
          response: { 200: fileResponse(['application/pdf'], 'The building notice as PDF') },
        },
      },
      async (req, reply) => {
        const file = await service.pdf(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            contentDisposition({
              filename: file.fileName,
              zhName: `楼前公告-${file.fileName}`,
              contentType: '',
              body: file.body,
            }),
          )
          .send(file.body);
      },
    );
  };
