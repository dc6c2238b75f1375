import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toShanghaiIso } from '../../../core/format.ts';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor, signedIn } from '../../../http/guard.ts';
import { noContent } from '../../../http/openapi.ts';
import { importNotice } from './import-notice.ts';
import {
  ZCalendarStatus,
  ZDueBody,
  ZDueResponse,
  ZImportResult,
  ZHolidayCnYear,
  ZOverride,
  ZOverrideBody,
  ZOverrideParams,
  ZYearQuery,
  ZYearView,
} from './calendar.schemas.ts';

const toOverride = (o: { date: string; kind: string; note: string; createdAt: Date }) => ({
  ...o,
  createdAt: o.createdAt.toISOString(),
});

export const calendarRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['calendar'];
    app.get(
      '/calendar',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '工作日历 / working calendar of a year',
          querystring: ZYearQuery,
          response: { 200: ZYearView },
        },
      },
      async (req) => ctx.calendar.yearView(req.query.year),
    );

    app.get(
      '/calendar/overrides',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '日历调整 / overrides',
          response: { 200: z.object({ items: z.array(ZOverride) }) },
        },
      },
      async () => ({ items: (await ctx.calendar.listOverrides()).map(toOverride) }),
    );

    app.put(
      '/calendar/overrides/:date',
      {
        preHandler: allow('regulator'),
        schema: {
          tags,
          summary: '设置调整 / set an override',
          params: ZOverrideParams,
          body: ZOverrideBody,
          response: { 200: ZOverride },
        },
      },
      async (req) =>
        toOverride(await ctx.calendar.setOverride(requireActor(req), { date: req.params.date, ...req.body })),
    );

    app.delete(
      '/calendar/overrides/:date',
      {
        preHandler: allow('regulator'),
        schema: {
          tags,
          summary: '删除调整 / remove an override',
          params: ZOverrideParams,
          response: { 204: noContent('Removed') },
        },
      },
      async (req, reply) => {
        await ctx.calendar.removeOverride(requireActor(req), req.params.date);
        return reply.status(204).send();
      },
    );

    app.post(
      '/calendar/import',
      {
        preHandler: allow('regulator'),
        schema: {
          tags,
          summary: '导入年度放假通知 / import a year notice (holiday-cn format)',
          body: ZHolidayCnYear,
          response: { 200: ZImportResult },
        },
      },
      async (req) => importNotice(ctx, requireActor(req), req.body, 'api'),
    );

    app.get(
      '/calendar/status',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '放假通知导入状态 / whether this and next year’s holiday notices are in',
          response: { 200: ZCalendarStatus },
        },
      },
      async () => ctx.calendar.status(),
    );

    app.post(
      '/calendar/due',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '计算期限 / compute a deadline',
          body: ZDueBody,
          response: { 200: ZDueResponse },
        },
      },
      async (req) => {
        const d = await ctx.calendar.due(new Date(req.body.start), req.body.limit);
        return {
          start: toShanghaiIso(d.start),
          due: toShanghaiIso(d.due),
          dueText: d.dueText,
          unit: d.unit,
          explanation: d.explanation.zh,
          explanationEn: d.explanation.en,
          skipped: d.skipped,
          provisional: d.provisional,
          provisionalYears: d.provisionalYears,
        };
      },
    );
  };
