import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobHeartbeats } from '../../../db/schema.ts';
import type { AppContext } from '../../../core/context.ts';
import { HEARTBEAT_JOB, HEARTBEAT_EVERY_SECONDS } from '../../../jobs/runner.ts';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ ok: z.boolean(), engine: z.string() }),
  jobs: z.object({ ok: z.boolean(), enabled: z.boolean(), lastHeartbeatAt: z.string().nullable() }),
});

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: { tags: ['system'], summary: '健康检查 / health', response: { 200: ZHealth, 503: ZHealth } },
      },
      async (_req, reply) => {
        const { db, engine } = ctx.database;
        let dbOk = true;
        let last: Date | null = null;
        try {
          await db.execute(sql`select 1`);
          const [hb] = await db
            .select()
            .from(jobHeartbeats)
            .where(sql`${jobHeartbeats.name} = ${HEARTBEAT_JOB}`);
          last = hb?.at ?? null;
        } catch {
          dbOk = false;
        }
        // The runner is healthy when its heartbeat job ran within three intervals.
        const jobsOk =
          ctx.config.jobs &&
          last !== null &&
          ctx.now().getTime() - last.getTime() < 3 * HEARTBEAT_EVERY_SECONDS * 1000;
        const body = {
          status: dbOk && (jobsOk || !ctx.config.jobs) ? ('ok' as const) : ('degraded' as const),
          database: { ok: dbOk, engine },
          jobs: { ok: jobsOk, enabled: ctx.config.jobs, lastHeartbeatAt: last?.toISOString() ?? null },
        };
        return reply.status(dbOk ? 200 : 503).send(body);
      },
    );
  };
