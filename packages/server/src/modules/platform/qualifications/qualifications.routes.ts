import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZItemParams, ZRequirement, ZRequirementInput, ZRequirementList } from './qualifications.schemas.ts';
import { QualificationService } from './qualifications.service.ts';

export const qualificationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new QualificationService(ctx);
    const tags = ['qualifications'];
    app.get(
      '/qualification-requirements',
      {
        preHandler: allow('enterprise_admin', 'dispatcher', 'agent'),
        schema: {
          tags,
          summary: '岗位资格要求 / the certificates each job requires (G-5.6.1, G-9.2.2)',
          response: { 200: ZRequirementList },
        },
      },
      async (req) => service.list(requireActor(req)),
    );
    app.put(
      '/qualification-requirements/:itemCode',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '设定岗位资格要求 / declare the certificates a job requires (G-5.6.1)',
          params: ZItemParams,
          body: ZRequirementInput,
          response: { 200: ZRequirement },
        },
      },
      async (req) => service.declare(requireActor(req), req.params.itemCode, req.body.certificates),
    );
  };
