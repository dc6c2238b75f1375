import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZCallImport,
  ZCallIntakeResult,
  ZCallList,
  ZCallPush,
  ZCallQuery,
  ZThreshold,
  ZThresholdInput,
  ZThresholdQuery,
} from './calls.schemas.ts';
import { CallService } from './calls.service.ts';

const IMPORT_BODY_LIMIT = 15 * 1024 * 1024;

export const callRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new CallService(ctx);
    const tags = ['calls'];
    const readers = allow('regulator', 'enterprise_admin', 'agent', 'dispatcher');
    app.get(
      '/calls',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '热线来电记录 / hotline call records (G-12.4.1.1, H-3.13)',
          querystring: ZCallQuery,
          response: { 200: ZCallList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/calls/import',
      {
        preHandler: allow('enterprise_admin', 'agent'),
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary: '导入呼叫中心来电记录（Excel / CSV）/ import the call centre’s calls',
          body: ZCallImport,
          response: { 200: ZCallIntakeResult },
        },
      },
      async (req) => service.importFile(requireActor(req), req.body),
    );
    app.post(
      '/calls/push',
      {
        preHandler: allow('enterprise_admin', 'agent'),
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          summary:
            '呼叫中心推送来电记录（按呼叫编号幂等）/ the call centre pushes calls (idempotent by call id)',
          body: ZCallPush,
          response: { 200: ZCallIntakeResult },
        },
      },
      async (req) => service.push(requireActor(req), req.body),
    );
    app.get(
      '/calls/threshold',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '接通时限（秒）/ the "answered in time" threshold',
          querystring: ZThresholdQuery,
          response: { 200: ZThreshold },
        },
      },
      async (req) => service.threshold(requireActor(req), req.query),
    );
    app.post(
      '/calls/threshold',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '设置接通时限（自某时起生效）/ set the threshold from a moment on',
          body: ZThresholdInput,
          response: { 200: ZThreshold },
        },
      },
      async (req) => service.setThreshold(requireActor(req), req.body),
    );
  };
