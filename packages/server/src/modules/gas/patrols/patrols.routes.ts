import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZHazard } from '../hazards/hazards.responses.ts';
import { ZPatrol, ZPatrolInput, ZPatrolItems, ZPatrolQuery, ZPatrols } from './patrols.schemas.ts';
import { PatrolService } from './patrols.service.ts';

const ZPatrolDetail = ZPatrol.extend({ hazards: z.array(ZHazard) });

export const patrolRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new PatrolService(ctx);
    const tags = ['inspections'];
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'regulator');
    const writers = allow('enterprise_admin', 'dispatcher', 'inspector');

    app.get(
      '/patrols/items',
      {
        preHandler: readers,
        schema: { tags, summary: '管网巡检项目（G-5.11.10）', response: { 200: ZPatrolItems } },
      },
      async () => service.items(),
    );
    app.get(
      '/patrols',
      {
        preHandler: readers,
        schema: { tags, summary: '管网巡检记录', querystring: ZPatrolQuery, response: { 200: ZPatrols } },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/patrols',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '登记管网巡检及发现的隐患（重大隐患即时上报，G-5.11.10、G-6.2.17）',
          body: ZPatrolInput,
          response: { 200: ZPatrolDetail },
        },
      },
      async (req) => service.record(requireActor(req), req.body),
    );
    app.get(
      '/patrols/:id',
      {
        preHandler: readers,
        schema: { tags, summary: '巡检记录及其隐患', params: ZIdParams, response: { 200: ZPatrolDetail } },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );
  };
