import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { z } from 'zod';
import {
  ZDailyQuery,
  ZDailyStats,
  ZIngest,
  ZIngested,
  ZIngestion,
  ZSensor,
  ZSensorInput,
  ZSensorRow,
} from './sensors.schemas.ts';
import { SensorService } from './sensors.service.ts';
import { GatewayKeyService, invalidKey, personSource } from '../gateway-keys/gateway-keys.service.ts';

/** The key of `Authorization: Bearer <key>`; null without the header; GATEWAY_KEY_INVALID for another scheme. */
function bearerKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw invalidKey();
  return m[1]!;
}

/** 5000 readings as JSON stay well under 1 MiB; allow 2 MiB for verbose gateways. */
const INGEST_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * H-5.4.1 remote monitoring. A gateway posts batches with its own key (`Authorization: Bearer rgk_…`, issued by the
 * enterprise admin, good for ingestion only); a signed-in dispatcher, technician or admin may still post by hand.
 * Readings go only to the key's (or the person's) enterprise's sensors.
 */
export const sensorRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new SensorService(ctx);
    const keys = new GatewayKeyService(ctx);
    const people = allow('enterprise_admin', 'dispatcher', 'technician');
    const tags = ['room-temperature'];
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'technician', 'agent', 'regulator');

    app.post(
      '/sensors/readings',
      {
        bodyLimit: INGEST_BODY_LIMIT,
        schema: {
          tags,
          summary: '室温远传数据接入 (H-5.4.1)：网关密钥 Authorization: Bearer rgk_… 或登录会话',
          body: ZIngest,
          response: { 200: ZIngested },
        },
      },
      async (req) => {
        const key = bearerKey(req.headers.authorization);
        if (key !== null) return service.ingest(await keys.authenticate(key), req.body);
        await people(req);
        return service.ingest(personSource(requireActor(req)), req.body);
      },
    );
    app.get(
      '/sensors',
      {
        preHandler: readers,
        schema: { tags, summary: '室温传感器', response: { 200: z.object({ items: z.array(ZSensorRow) }) } },
      },
      async (req) => service.list(requireActor(req)),
    );
    app.post(
      '/sensors',
      {
        preHandler: allow('enterprise_admin', 'dispatcher'),
        schema: { tags, summary: '登记传感器', body: ZSensorInput, response: { 201: ZSensor } },
      },
      async (req, reply) => reply.status(201).send(await service.register(requireActor(req), req.body)),
    );
    app.get(
      '/sensors/ingestions',
      {
        preHandler: readers,
        schema: { tags, summary: '接入日志', response: { 200: z.object({ items: z.array(ZIngestion) }) } },
      },
      async (req) => service.ingestions(requireActor(req)),
    );
    app.get(
      '/sensors/daily',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '每户每日室温统计',
          querystring: ZDailyQuery,
          response: { 200: ZDailyStats },
        },
      },
      async (req) => service.daily(requireActor(req), req.query),
    );
  };
