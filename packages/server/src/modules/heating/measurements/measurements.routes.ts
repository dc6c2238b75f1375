import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZDashboardQuery, ZMeasurementInput, ZMeasurementQuery } from './measurements.schemas.ts';
import { MeasurementService } from './measurements.service.ts';

export const measurementRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new MeasurementService(ctx);
    const tags = ['room-temperature'];
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'technician', 'agent', 'regulator');

    app.post(
      '/measurements',
      {
        preHandler: allow('technician', 'inspector', 'dispatcher', 'enterprise_admin'),
        schema: { tags, summary: '入户测温记录 (H-5.4.5)', body: ZMeasurementInput },
      },
      async (req, reply) => reply.status(201).send(await service.record(requireActor(req), req.body)),
    );
    app.get(
      '/measurements/tasks',
      {
        preHandler: allow('technician', 'inspector', 'dispatcher', 'enterprise_admin'),
        schema: { tags, summary: '我的测温任务' },
      },
      async (req) => service.tasks(requireActor(req)),
    );
    app.get(
      '/measurements',
      { preHandler: readers, schema: { tags, summary: '测温记录', querystring: ZMeasurementQuery } },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.get(
      '/quality/dashboard',
      {
        preHandler: readers,
        schema: { tags, summary: '室温合格率 (H-10.5.3)', querystring: ZDashboardQuery },
      },
      async (req) => service.dashboard(requireActor(req), req.query),
    );
  };
