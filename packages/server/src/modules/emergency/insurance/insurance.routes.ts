import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZClaim,
  ZClaimAct,
  ZClaimInput,
  ZClaimList,
  ZClaimParams,
  ZInsuranceQuery,
  ZPolicy,
  ZPolicyInput,
  ZPolicyList,
} from './insurance.schemas.ts';
import { InsuranceService } from './insurance.service.ts';

export const insuranceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new InsuranceService(ctx);
    const tags = ['emergency'];
    const readers = allow('regulator', 'enterprise_admin');
    const admin = allow('enterprise_admin');
    app.get(
      '/insurance/policies',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '保险保单 / policies (G-11.1, H-9.1)',
          querystring: ZInsuranceQuery,
          response: { 200: ZPolicyList },
        },
      },
      async (req) => service.policies(requireActor(req), req.query),
    );
    app.post(
      '/insurance/policies',
      {
        preHandler: admin,
        schema: {
          tags,
          summary: '登记保单 / add a policy (G-11.1)',
          body: ZPolicyInput,
          response: { 201: ZPolicy },
        },
      },
      async (req, reply) => reply.status(201).send(await service.addPolicy(requireActor(req), req.body)),
    );
    app.get(
      '/insurance/claims',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '理赔 / claims (G-11.2–G-11.4, H-9)',
          querystring: ZInsuranceQuery,
          response: { 200: ZClaimList },
        },
      },
      async (req) => service.claims(requireActor(req), req.query),
    );
    app.post(
      '/insurance/claims',
      {
        preHandler: admin,
        schema: {
          tags,
          summary: '受理理赔 / open a claim (H-9.6 checked)',
          body: ZClaimInput,
          response: { 201: ZClaim },
        },
      },
      async (req, reply) => reply.status(201).send(await service.openClaim(requireActor(req), req.body)),
    );
    app.post(
      '/insurance/claims/:id/events',
      {
        preHandler: admin,
        schema: {
          tags,
          summary: '理赔进展 / a step of a claim (G-11.2–G-11.4, H-9.5)',
          params: ZClaimParams,
          body: ZClaimAct,
          response: { 200: ZClaim },
        },
      },
      async (req) => service.act(requireActor(req), req.params.id, req.body),
    );
  };
