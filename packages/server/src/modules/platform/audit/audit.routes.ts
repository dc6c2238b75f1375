import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { listAudit } from './audit.repository.ts';
import { ZAuditEvent, ZAuditQuery } from './audit.schemas.ts';

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        preHandler: allow('regulator', 'enterprise_admin'),
        schema: {
          tags: ['audit'],
          summary: '审计日志 / audit trail (append-only)',
          querystring: ZAuditQuery,
          response: { 200: z.object({ items: z.array(ZAuditEvent) }) },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const q = req.query;
        const rows = await listAudit(ctx.database.db, {
          ...q,
          enterpriseId: enterpriseScope(actor, q.enterpriseId),
        });
        return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
      },
    );
  };
