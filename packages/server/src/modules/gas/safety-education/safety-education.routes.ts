import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZCustomerParams, ZSafetyEducation, ZSafetyEducationInput } from './safety-education.schemas.ts';
import { SafetyEducationService } from './safety-education.service.ts';

export const safetyEducationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new SafetyEducationService(ctx);
    const tags = ['safety-education'];
    // Those who meet customers record it: counter and hotline agents, technicians, inspectors, admins.
    const givers = allow('agent', 'dispatcher', 'technician', 'inspector', 'enterprise_admin');
    app.get(
      '/customers/:id/safety-education',
      {
        preHandler: allow('agent', 'dispatcher', 'technician', 'inspector', 'enterprise_admin', 'regulator'),
        schema: {
          tags,
          summary: '安全用气宣传记录 / safety handbook and education given (G-5.10.1, G-5.10.6)',
          params: ZCustomerParams,
          response: { 200: ZSafetyEducation },
        },
      },
      async (req) => service.of(requireActor(req), req.params.id),
    );
    app.post(
      '/customers/:id/safety-education',
      {
        preHandler: givers,
        schema: {
          tags,
          summary: '登记安全用气宣传 / record the handbook given and the items explained',
          params: ZCustomerParams,
          body: ZSafetyEducationInput,
          response: { 201: ZSafetyEducation },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.record(requireActor(req), req.params.id, req.body)),
    );
  };
