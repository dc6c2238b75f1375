import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { contentDisposition } from '../../service/customers/export.service.ts';
import { evaluationWorkbook } from './evaluation.export.ts';
import {
  ZClosed,
  ZDrilldown,
  ZDrilldownQuery,
  ZEvaluation,
  ZEvaluationQuery,
  ZPeriodParams,
  ZReopen,
  ZReopened,
  ZReportQuery,
  ZTrend,
  ZTrendQuery,
} from './evaluation.schemas.ts';
import { EvaluationService } from './evaluation.service.ts';

export const evaluationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new EvaluationService(ctx);
    const tags = ['evaluation'];
    const readers = allow('regulator', 'enterprise_admin');
    const regulator = allow('regulator');

    app.get(
      '/evaluation',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '评价考核指标 (G-12.4, H-10.5)',
          querystring: ZEvaluationQuery,
          response: { 200: ZEvaluation },
        },
      },
      async (req) => service.figures(requireActor(req), req.query),
    );
    app.get(
      '/evaluation/trend',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '指标趋势：最近若干考核期的数值',
          querystring: ZTrendQuery,
          response: { 200: ZTrend },
        },
      },
      async (req) => service.trend(requireActor(req), req.query),
    );
    app.get(
      '/evaluation/export.xlsx',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '评价结果导出 Excel / the evaluation as a workbook',
          querystring: ZEvaluationQuery,
          response: {
            200: fileResponse(
              ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
              'The figures, definitions and period',
            ),
          },
        },
      },
      async (req, reply) => {
        const file = await evaluationWorkbook(await service.figures(requireActor(req), req.query));
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            contentDisposition({
              filename: file.fileName,
              zhName: file.zhName,
              contentType: '',
              body: file.body,
            }),
          )
          .send(file.body);
      },
    );
    app.get(
      '/evaluation/report.pdf',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '企业评价报告 PDF：指标、目标、达标情况、趋势与监管意见',
          querystring: ZReportQuery,
          response: {
            200: fileResponse(['application/pdf'], 'The evaluation report of one enterprise and period'),
          },
        },
      },
      async (req, reply) => {
        const file = await service.report(requireActor(req), req.query);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            contentDisposition({
              filename: file.fileName,
              zhName: file.zhName,
              contentType: '',
              body: file.body,
            }),
          )
          .send(file.body);
      },
    );
    app.get(
      '/evaluation/drilldown',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '指标明细：计入分子或分母的记录',
          querystring: ZDrilldownQuery,
          response: { 200: ZDrilldown },
        },
      },
      async (req) => service.drilldown(requireActor(req), req.query),
    );
    app.post(
      '/evaluation/periods/:period/close',
      {
        preHandler: regulator,
        schema: {
          tags,
          summary: '考核期关账（数据不再变动）',
          params: ZPeriodParams,
          response: { 200: ZClosed },
        },
      },
      async (req) => service.close(requireActor(req), req.params.period),
    );
    app.post(
      '/evaluation/periods/:period/reopen',
      {
        preHandler: regulator,
        schema: {
          tags,
          summary: '监管部门说明理由重新开启考核期',
          params: ZPeriodParams,
          body: ZReopen,
          response: { 200: ZReopened },
        },
      },
      async (req) => service.reopen(requireActor(req), req.params.period, req.body.reason),
    );
  };
