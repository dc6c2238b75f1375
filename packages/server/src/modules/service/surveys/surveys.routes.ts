import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZSurveyEntry,
  ZSurveyImport,
  ZSurveyImportResult,
  ZSurveyList,
  ZSurveyQuery,
  ZSurveyResult,
} from './surveys.schemas.ts';
import { SurveyService } from './surveys.service.ts';

export const surveyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new SurveyService(ctx);
    const tags = ['satisfaction-surveys'];
    app.get(
      '/satisfaction-surveys',
      {
        preHandler: allow('regulator', 'enterprise_admin', 'agent'),
        schema: {
          tags,
          summary: '满意度调查答卷 / satisfaction survey answers (G-12.4.5, H-3.14)',
          querystring: ZSurveyQuery,
          response: { 200: ZSurveyList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/satisfaction-surveys',
      {
        preHandler: allow('enterprise_admin', 'agent'),
        bodyLimit: 5 * 1024 * 1024,
        schema: {
          tags,
          summary: '录入抽样或第三方满意度调查结果 / record sample or third-party survey answers',
          body: ZSurveyEntry,
          response: { 201: ZSurveyResult },
        },
      },
      async (req, reply) => reply.status(201).send(await service.record(requireActor(req), req.body)),
    );
    app.post(
      '/satisfaction-surveys/import',
      {
        preHandler: allow('enterprise_admin', 'agent'),
        bodyLimit: 15 * 1024 * 1024,
        schema: {
          tags,
          summary: '导入抽样或第三方满意度调查答卷（Excel / CSV，先检查）/ import survey answers from a file',
          body: ZSurveyImport,
          response: { 200: ZSurveyImportResult },
        },
      },
      async (req) => service.importFile(requireActor(req), req.body),
    );
  };
