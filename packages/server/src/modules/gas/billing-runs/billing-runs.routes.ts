import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { SKIP_REASONS } from './engine.plan.ts';
import { BillingRunService, type RunRow, type RunSummary } from './billing-runs.service.ts';
import { ZIdParams, ZRun, ZRunList, ZRunListQuery, ZRunStart, type TRun } from './billing-runs.schemas.ts';

export function toRun(r: RunRow): TRun {
  const s = (r.summary ?? {}) as RunSummary;
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    sector: r.sector,
    period: r.period,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    status: r.status,
    total: r.total,
    processed: r.processed,
    billed: r.billed,
    estimated: r.estimated,
    skipped: r.skipped,
    corrected: s.corrected ?? 0,
    reasons: s.reasons ?? {},
    reasonLabels: SKIP_REASONS,
    samples: s.samples ?? [],
    error: r.error,
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export const billingRunRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new BillingRunService(ctx);
    const tags = ['billing'];
    const readers = allow('regulator', 'enterprise_admin', 'billing_clerk', 'agent');
    const writers = allow('enterprise_admin', 'billing_clerk');

    app.post(
      '/billing-runs',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '启动计费批次（作业） / start a billing run for a month (G-6.2.3)',
          body: ZRunStart,
          response: { 202: ZRun },
        },
      },
      async (req, reply) => reply.status(202).send(toRun(await service.start(requireActor(req), req.body))),
    );

    app.get(
      '/billing-runs',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '计费批次 / billing runs',
          querystring: ZRunListQuery,
          response: { 200: ZRunList },
        },
      },
      async (req) => ({ items: (await service.list(requireActor(req), req.query)).map(toRun) }),
    );

    app.get(
      '/billing-runs/:id',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '计费批次进度与汇总 / run progress and summary',
          params: ZIdParams,
          response: { 200: ZRun },
        },
      },
      async (req) => toRun(await service.read(requireActor(req), req.params.id)),
    );

    app.post(
      '/billing-runs/:id/resume',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '继续中断的批次 / resume an interrupted run',
          params: ZIdParams,
          response: { 202: ZRun },
        },
      },
      async (req, reply) =>
        reply.status(202).send(toRun(await service.resume(requireActor(req), req.params.id))),
    );
  };
