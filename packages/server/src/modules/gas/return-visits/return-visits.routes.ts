import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZInstallationVisits, ZVisitInput, ZVisitList, ZVisitQuery } from './return-visits.schemas.ts';
import { ReturnVisitService } from './return-visits.service.ts';

export const returnVisitRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new ReturnVisitService(ctx);
    const tags = ['return-visits'];
    const staff = allow('agent', 'dispatcher', 'technician', 'enterprise_admin');
    app.get(
      '/appliance-return-visits',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: '安装后定期回访 / return visits after installations, on their schedule (G-9.3.1)',
          querystring: ZVisitQuery,
          response: { 200: ZVisitList },
        },
      },
      async (req) => service.list(requireActor(req), req.query.due === 'true'),
    );
    app.post(
      '/work-orders/:id/return-visits',
      {
        preHandler: staff,
        schema: {
          tags,
          summary: '记录回访（安全指导与用户答复）/ record a return visit: advice given, answers (G-9.3.1)',
          params: ZIdParams,
          body: ZVisitInput,
          response: { 201: ZInstallationVisits },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.record(requireActor(req), req.params.id, req.body)),
    );
  };
