import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZGasQualityInput,
  ZGasQualityList,
  ZGasQualityQuery,
  ZGasQualityReport,
} from './gas-quality.schemas.ts';
import { GasQualityService } from './gas-quality.service.ts';

export const gasQualityRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new GasQualityService(ctx);
    const tags = ['gas-quality'];
    app.get(
      '/gas-quality',
      {
        preHandler: allow('regulator', 'enterprise_admin'),
        schema: {
          tags,
          summary: '燃气质量检测信息 / gas-quality reports (G-5.1.8)',
          querystring: ZGasQualityQuery,
          response: { 200: ZGasQualityList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/gas-quality',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '公布燃气质量检测结果 / publish a gas-quality test result (G-5.1.8)',
          body: ZGasQualityInput,
          response: { 201: ZGasQualityReport },
        },
      },
      async (req, reply) => reply.status(201).send(await service.publish(requireActor(req), req.body)),
    );
  };
