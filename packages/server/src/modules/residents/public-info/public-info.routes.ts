import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { ZPublicEnterprises, ZPublicInfo } from './public-info.schemas.ts';
import { PublicInfoService } from './public-info.service.ts';

/** Public, no sign-in: the same data the staff keep, published per enterprise (G-4.2.3, G-5.4.5). */
export const publicInfoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new PublicInfoService(ctx);
    const tags = ['public'];
    app.get(
      '/public/enterprises',
      {
        schema: {
          tags,
          summary: '供气供热企业（公开）/ service enterprises (public)',
          security: [],
          response: { 200: ZPublicEnterprises },
        },
      },
      async () => service.enterprises(),
    );
    app.get(
      '/public/enterprises/:id',
      {
        schema: {
          tags,
          summary:
            '服务信息公开：电话、营业网点、价格、时限与收费、停供计划 / public service information of an enterprise',
          security: [],
          params: ZIdParams,
          response: { 200: ZPublicInfo },
        },
      },
      async (req) => service.info(req.params.id),
    );
  };
