import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZDailyQuery, ZIngest, ZSensorInput } from './sensors.schemas.ts';
import { SensorService } from './sensors.service.ts';

/** 5000 readings as JSON stay well under 1 MiB; allow 2 MiB for verbose gateways. */
const INGEST_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * H-5.4.1 remote monitoring. The gateway signs in as a user of its enterprise (a dispatcher or technician account
 * kept for the gateway, or the enterprise admin) and posts batches with the session cookie; readings go only to that
 * enterprise's sensors.
 */
export const sensorRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new SensorService(ctx);
    const tags = ['room-temperature'];
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'technician', 'agent', 'regulator');

    app.post(
      '/sensors/readings',
      {
        preHandler: allow('enterprise_admin', 'dispatcher', 'technician'),
        bodyLimit: INGEST_BODY_LIMIT,
        schema: { tags, summary: '室温远传数据接入 (H-5.4.1)', body: ZIngest },
      },
      async (req) => service.ingest(requireActor(req), req.body),
    );
    app.get('/sensors', { preHandler: readers, schema: { tags, summary: '室温传感器' } }, async (req) =>
      service.list(requireActor(req)),
    );
    app.post(
      '/sensors',
      {
        preHandler: allow('enterprise_admin', 'dispatcher'),
        schema: { tags, summary: '登记传感器', body: ZSensorInput },
      },
      async (req, reply) => reply.status(201).send(await service.register(requireActor(req), req.body)),
    );
    app.get(
      '/sensors/ingestions',
      { preHandler: readers, schema: { tags, summary: '接入日志' } },
      async (req) => service.ingestions(requireActor(req)),
    );
    app.get(
      '/sensors/daily',
      { preHandler: readers, schema: { tags, summary: '每户每日室温统计', querystring: ZDailyQuery } },
      async (req) => service.daily(requireActor(req), req.query),
    );
  };
