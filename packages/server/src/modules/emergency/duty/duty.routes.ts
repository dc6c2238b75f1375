import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZAlertParams,
  ZEmergencyAlert,
  ZEmergencyAlertList,
  ZEmergencyAlertQuery,
  ZOnDuty,
  ZOnDutyQuery,
  ZRoster,
  ZRosterQuery,
  ZShift,
  ZShiftInput,
} from './duty.schemas.ts';
import { DutyService } from './duty.service.ts';

export const dutyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new DutyService(ctx);
    const tags = ['emergency'];
    const readers = allow('regulator', 'enterprise_admin', 'dispatcher', 'agent', 'technician');
    app.get(
      '/duty/roster',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '值班表与缺口 / duty roster and its gaps (G-4.2.2, G-5.12.3, H-6.4.3)',
          querystring: ZRosterQuery,
          response: { 200: ZRoster },
        },
      },
      async (req) => service.roster(requireActor(req), req.query),
    );
    app.post(
      '/duty/shifts',
      {
        preHandler: allow('enterprise_admin', 'dispatcher'),
        schema: {
          tags,
          summary: '排班 / add a duty shift (G-4.2.2, G-5.12.3, H-6.4.3)',
          body: ZShiftInput,
          response: { 201: ZShift },
        },
      },
      async (req, reply) => reply.status(201).send(await service.createShift(requireActor(req), req.body)),
    );
    app.get(
      '/duty/on-duty',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '当班人员 / who is on duty (G-5.12.3)',
          querystring: ZOnDutyQuery,
          response: { 200: ZOnDuty },
        },
      },
      async (req) => service.onDuty(requireActor(req), req.query),
    );
    app.get(
      '/emergency/alerts',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '应急准备预警 / readiness alerts (roster gaps, plan reviews, drills)',
          querystring: ZEmergencyAlertQuery,
          response: { 200: ZEmergencyAlertList },
        },
      },
      async (req) => service.alerts(requireActor(req), req.query),
    );
    app.post(
      '/emergency/alerts/:id/ack',
      {
        preHandler: allow('regulator', 'enterprise_admin', 'dispatcher'),
        schema: {
          tags,
          summary: '确认预警 / acknowledge a readiness alert',
          params: ZAlertParams,
          response: { 200: ZEmergencyAlert },
        },
      },
      async (req) => service.acknowledge(requireActor(req), req.params.id),
    );
  };
