import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import {
  ZClaim,
  ZClaimAct,
  ZClaimInput,
  ZClaimList,
  ZClaimMedia,
  ZClaimMediaInput,
  ZClaimMediaParams,
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
    app.post(
      '/insurance/claims/:id/media',
      {
        preHandler: admin,
        // One photo (≤ 2 MB) or one phone video (≤ 8 MB) as a data URL: a third more as base64.
        bodyLimit: 12 * 1024 * 1024,
        schema: {
          tags,
          summary: '上传损失照片或视频 / a photo or video of the loss (G-11.2, H-9.3)',
          params: ZClaimParams,
          body: ZClaimMediaInput,
          response: { 201: ZClaimMedia },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addMedia(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/insurance/claims/:id/media/:mediaId',
      {
        // The enterprise's staff; the regulator reads only the list (the pictures are personal data).
        preHandler: allow(
          'enterprise_admin',
          'agent',
          'dispatcher',
          'technician',
          'inspector',
          'billing_clerk',
        ),
        schema: {
          tags,
          summary: '理赔照片或视频 / a photo or video of the loss',
          params: ZClaimMediaParams,
          response: { 200: media },
        },
      },
      async (req, reply) => {
        const file = await service.media(requireActor(req), req.params.id, req.params.mediaId);
        return reply.header('cache-control', 'private, max-age=3600').type(file.mime).send(file.bytes);
      },
    );
  };

const media = fileResponse(
  ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/quicktime', 'video/webm'],
  'The photo or video',
);
