import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { z } from 'zod';
import {
  ZDashboardQuery,
  ZMeasurementInput,
  ZMeasurementQuery,
  ZMeasurementRecorded,
  ZMeasurementRow,
  ZMeasurementTasks,
  ZQualityDashboard,
} from './measurements.schemas.ts';
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
        schema: {
          tags,
          summary: '入户测温记录 (H-5.4.5)',
          body: ZMeasurementInput,
          response: { 201: ZMeasurementRecorded },
        },
      },
      async (req, reply) => reply.status(201).send(await service.record(requireActor(req), req.body)),
    );
    app.get(
      '/measurements/tasks',
      {
        preHandler: allow('technician', 'inspector', 'dispatcher', 'enterprise_admin'),
        schema: { tags, summary: '我的测温任务', response: { 200: ZMeasurementTasks } },
      },
      async (req) => service.tasks(requireActor(req)),
    );
    app.get(
      '/measurements',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '测温记录',
          querystring: ZMeasurementQuery,
          response: { 200: z.object({ items: z.array(ZMeasurementRow) }) },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.get(
      '/quality/dashboard',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '室温合格率 (H-10.5.3)',
          querystring: ZDashboardQuery,
          response: { 200: ZQualityDashboard },
        },
      },
      async (req) => service.dashboard(requireActor(req), req.query),
    );
  };
