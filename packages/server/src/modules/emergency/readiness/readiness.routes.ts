import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZExercise,
  ZExerciseInput,
  ZExerciseList,
  ZPlan,
  ZPlanInput,
  ZPlanList,
  ZReadinessQuery,
} from './readiness.schemas.ts';
import { ReadinessService } from './readiness.service.ts';

export const readinessRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new ReadinessService(ctx);
    const tags = ['emergency'];
    const readers = allow('regulator', 'enterprise_admin', 'dispatcher');
    app.get(
      '/emergency/plans',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '应急预案 / emergency plans (G-5.12.1, G-5.12.2, H-6.4.1)',
          querystring: ZReadinessQuery,
          response: { 200: ZPlanList },
        },
      },
      async (req) => service.plans(requireActor(req), req.query),
    );
    app.post(
      '/emergency/plans',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '备案应急预案或修订 / file a plan or its revision (G-5.12.1, G-5.12.2)',
          body: ZPlanInput,
          response: { 201: ZPlan },
        },
      },
      async (req, reply) => reply.status(201).send(await service.filePlan(requireActor(req), req.body)),
    );
    app.get(
      '/emergency/exercises',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '演练与宣传及年度缺口 / drills, publicity and the year’s shortfalls (G-5.12.4, G-5.12.5)',
          querystring: ZReadinessQuery,
          response: { 200: ZExerciseList },
        },
      },
      async (req) => service.exercises(requireActor(req), req.query),
    );
    app.post(
      '/emergency/exercises',
      {
        preHandler: allow('enterprise_admin'),
        // Up to four phone photos (each ≤ 700,000 characters) travel with the record.
        bodyLimit: 3 * 1024 * 1024,
        schema: {
          tags,
          summary: '记录演练或宣传 / record a drill or publicity (G-5.12.4, G-5.12.5, H-6.4.2)',
          body: ZExerciseInput,
          response: { 201: ZExercise },
        },
      },
      async (req, reply) => reply.status(201).send(await service.recordExercise(requireActor(req), req.body)),
    );
  };
