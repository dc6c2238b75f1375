import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZCheck,
  ZCheckInput,
  ZCheckList,
  ZCloseFinding,
  ZCommitment,
  ZCommitmentInput,
  ZCommitmentList,
  ZIdParams,
  ZOpsQuery,
  ZPlan,
  ZPlanInput,
  ZPlanList,
  ZReportPlan,
} from './operations.schemas.ts';
import { HeatingOperationsService } from './operations.service.ts';

export const heatingOperationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new HeatingOperationsService(ctx);
    const tags = ['heating'];
    const readers = allow('regulator', 'enterprise_admin', 'dispatcher', 'agent');
    const writers = allow('enterprise_admin', 'dispatcher');
    app.get(
      '/heating/facility-checks',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '供热设施巡检 / patrols and inspections (H-6.3.1)',
          querystring: ZOpsQuery,
          response: { 200: ZCheckList },
        },
      },
      async (req) => service.checks(requireActor(req), req.query),
    );
    app.post(
      '/heating/facility-checks',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '记录巡检及发现的隐患 / record a check and its findings (H-6.3.1)',
          body: ZCheckInput,
          response: { 201: ZCheck },
        },
      },
      async (req, reply) => reply.status(201).send(await service.recordCheck(requireActor(req), req.body)),
    );
    app.post(
      '/heating/findings/:id/close',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '隐患处理关闭 / close a finding (H-6.3.1)',
          params: ZIdParams,
          body: ZCloseFinding,
          response: { 200: ZCheck },
        },
      },
      async (req) => service.closeFinding(requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/heating/maintenance-plans',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '年度检修计划 / annual maintenance plans (H-6.3.2)',
          querystring: ZOpsQuery,
          response: { 200: ZPlanList },
        },
      },
      async (req) => service.plans(requireActor(req), req.query),
    );
    app.post(
      '/heating/maintenance-plans',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '录入年度检修计划 / record the annual maintenance plan (H-6.3.2)',
          body: ZPlanInput,
          response: { 201: ZPlan },
        },
      },
      async (req, reply) => reply.status(201).send(await service.addPlan(requireActor(req), req.body)),
    );
    app.post(
      '/heating/maintenance-plans/:id/report',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '检修计划报告主管部门 / report the plan to the authority (H-6.3.2)',
          params: ZIdParams,
          body: ZReportPlan,
          response: { 200: ZPlan },
        },
      },
      async (req) => service.reportPlan(requireActor(req), req.params.id, req.body.reportedTo),
    );
    app.get(
      '/heating/maintenance-commitments',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '入网小区维保承诺 / maintenance commitments (H-6.1.7)',
          querystring: ZOpsQuery,
          response: { 200: ZCommitmentList },
        },
      },
      async (req) => service.commitments(requireActor(req), req.query),
    );
    app.post(
      '/heating/maintenance-commitments',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '维保承诺备案或物业继承 / file a commitment or record the inheritance (H-6.1.7)',
          body: ZCommitmentInput,
          response: { 201: ZCommitment },
        },
      },
      async (req, reply) => reply.status(201).send(await service.fileCommitment(requireActor(req), req.body)),
    );
  };
