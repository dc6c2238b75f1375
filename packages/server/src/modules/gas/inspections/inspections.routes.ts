import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { contentDisposition } from '../../service/customers/export.service.ts';
import { AnnouncementService } from './announcements.service.ts';
import { ZRenovation, ZRenovationResult, markRenovation } from './renovations.ts';
import {
  ZAgreeInput,
  ZAgreeResult,
  ZAnnouncementInput,
  ZAnnouncementResult,
  ZAnnouncements,
  ZFollowUp,
  ZScope,
  ZPlanRequest,
  ZProgressQuery,
  ZRecord,
  ZVisitQuery,
  ZYearQuery,
} from './inspections.schemas.ts';
import {
  ZFollowUpResult,
  ZInspectors,
  ZMinimums,
  ZMyRoute,
  ZPlanMade,
  ZPlans,
  ZProgress,
  ZRecordResult,
  ZVisits,
} from './inspections.responses.ts';
import { InspectionService } from './inspections.service.ts';
import { RecordService } from './records.service.ts';

export const inspectionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new InspectionService(ctx);
    const records = new RecordService(ctx);
    const tags = ['inspections'];
    const planners = allow('enterprise_admin', 'dispatcher');
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'regulator');
    const field = allow('inspector', 'enterprise_admin');

    app.get(
      '/inspections/minimums',
      {
        preHandler: readers,
        schema: { tags, summary: '每年最少安检次数（G-5.11.1）', response: { 200: ZMinimums } },
      },
      async () => service.minimums(),
    );
    app.get(
      '/inspections/inspectors',
      { preHandler: planners, schema: { tags, summary: '本企业在岗安检员', response: { 200: ZInspectors } } },
      async (req) => service.inspectors(requireActor(req)),
    );
    app.post(
      '/inspections/plans',
      {
        preHandler: planners,
        schema: {
          tags,
          summary: '生成年度安检计划（G-5.11.1）',
          body: ZPlanRequest,
          response: { 201: ZPlanMade },
        },
      },
      async (req, reply) => reply.status(201).send(await service.generate(requireActor(req), req.body)),
    );
    app.get(
      '/inspections/plans',
      {
        preHandler: readers,
        schema: { tags, summary: '年度安检计划', querystring: ZYearQuery, response: { 200: ZPlans } },
      },
      async (req) => service.plan(requireActor(req), req.query),
    );
    app.get(
      '/inspections/progress',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '计划进度：按社区、安检员或企业',
          querystring: ZProgressQuery,
          response: { 200: ZProgress },
        },
      },
      async (req) => service.progress(requireActor(req), req.query),
    );
    app.get(
      '/inspections/visits',
      {
        preHandler: readers,
        schema: { tags, summary: '计划入户清单', querystring: ZVisitQuery, response: { 200: ZVisits } },
      },
      async (req) => service.visits(requireActor(req), req.query),
    );
    app.get(
      '/inspections/my',
      { preHandler: field, schema: { tags, summary: '安检员今日路线', response: { 200: ZMyRoute } } },
      async (req) => service.myRoute(requireActor(req)),
    );
    app.post(
      '/inspections/renovations',
      {
        preHandler: allow('enterprise_admin', 'dispatcher', 'agent', 'inspector'),
        schema: {
          tags,
          summary: '登记用户房屋装修（装修后须重新安检合格方可通气、开阀，G-5.11.3）',
          body: ZRenovation,
          response: { 200: ZRenovationResult },
        },
      },
      async (req) => markRenovation(ctx, requireActor(req), req.body),
    );
    app.post(
      '/inspections/records',
      {
        preHandler: field,
        schema: {
          tags,
          summary: '登记入户安检结果（按客户端编号幂等）',
          body: ZRecord,
          response: { 200: ZRecordResult },
        },
      },
      async (req) => records.record(requireActor(req), req.body),
    );
    app.post(
      '/inspections/visits/:id/follow-up',
      {
        preHandler: field,
        schema: {
          tags,
          summary: '到访不遇：社区联动记录（G-5.11.9）',
          params: ZIdParams,
          body: ZFollowUp,
          response: { 200: ZFollowUpResult },
        },
      },
      async (req) => records.followUp(requireActor(req), req.params.id, req.body),
    );
    const announcements = new AnnouncementService(ctx);
    app.post(
      '/inspections/announcements',
      {
        preHandler: planners,
        schema: {
          tags,
          summary: '安检提前告知：楼栋、日期、时段、安检员工号（G-5.11.2）',
          body: ZAnnouncementInput,
          response: { 201: ZAnnouncementResult },
        },
      },
      async (req, reply) => reply.status(201).send(await announcements.announce(requireActor(req), req.body)),
    );
    app.get(
      '/inspections/announcements',
      {
        preHandler: readers,
        schema: { tags, summary: '安检告知记录', querystring: ZScope, response: { 200: ZAnnouncements } },
      },
      async (req) => announcements.list(requireActor(req), req.query),
    );
    app.get(
      '/inspections/announcements/:id/notice.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '楼道张贴的安检告知 PDF',
          params: ZIdParams,
          response: { 200: fileResponse(['application/pdf'], 'The building notice as PDF') },
        },
      },
      async (req, reply) => {
        const file = await announcements.noticePdf(requireActor(req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            contentDisposition({
              filename: file.fileName,
              zhName: file.fileName,
              contentType: '',
              body: file.body,
            }),
          )
          .send(file.body);
      },
    );
    app.post(
      '/inspections/visits/:id/appointment',
      {
        preHandler: planners,
        schema: {
          tags,
          summary: '按用户要求约定安检时间（G-5.11.2）',
          params: ZIdParams,
          body: ZAgreeInput,
          response: { 200: ZAgreeResult },
        },
      },
      async (req) => announcements.agree(requireActor(req), req.params.id, req.body.agreedAt),
    );
  };
