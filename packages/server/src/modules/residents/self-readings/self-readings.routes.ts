import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import {
  ZSelfReading,
  ZSelfReadingForm,
  ZSelfReadingInput,
  ZSelfReadingQuery,
  ZSelfReadingReview,
  ZStaffSelfReadingList,
} from './self-readings.schemas.ts';
import { SelfReadingService } from './self-readings.service.ts';

/** A photo as a data URL: up to 2 MB of image, a third more as base64 (as the work orders' attachments). */
const PHOTO_BODY_LIMIT = 3 * 1024 * 1024;
const images = fileResponse(['image/jpeg', 'image/png', 'image/webp'], 'The photo');

export const selfReadingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new SelfReadingService(ctx);
    const resident = allow('resident');
    const staff = allow('enterprise_admin', 'billing_clerk', 'technician', 'agent');
    const reviewers = allow('enterprise_admin', 'billing_clerk');

    app.get(
      '/resident/accounts/:id/self-readings',
      {
        preHandler: resident,
        schema: {
          tags: ['residents'],
          summary: '自助抄表：我的燃气表和自报记录 / my meters and self-readings',
          params: ZIdParams,
          response: { 200: ZSelfReadingForm },
        },
      },
      async (req) => service.form(requireActor(req), req.params.id),
    );
    app.post(
      '/resident/accounts/:id/self-readings',
      {
        preHandler: resident,
        bodyLimit: PHOTO_BODY_LIMIT,
        schema: {
          tags: ['residents'],
          summary: '自助抄表（读数+照片，高低值校验，异常待复核） / read my meter with a photo',
          params: ZIdParams,
          body: ZSelfReadingInput,
          response: { 201: ZSelfReading },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.submit(requireActor(req), req.params.id, req.body)),
    );
    app.get(
      '/resident/self-readings/:id/photo',
      {
        preHandler: resident,
        schema: {
          tags: ['residents'],
          summary: '自报照片 / my photo',
          params: ZIdParams,
          response: { 200: images },
        },
      },
      async (req, reply) => {
        const file = await service.photo(requireActor(req), req.params.id);
        return reply.header('cache-control', 'private, max-age=3600').type(file.mime).send(file.bytes);
      },
    );
    app.get(
      '/self-readings',
      {
        preHandler: staff,
        schema: {
          tags: ['readings'],
          summary: '居民自报读数（待复核） / residents’ self-readings to review',
          querystring: ZSelfReadingQuery,
          response: { 200: ZStaffSelfReadingList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.get(
      '/self-readings/:id/photo',
      {
        preHandler: staff,
        schema: {
          tags: ['readings'],
          summary: '自报照片 / the photo',
          params: ZIdParams,
          response: { 200: images },
        },
      },
      async (req, reply) => {
        const file = await service.photo(requireActor(req), req.params.id);
        return reply.header('cache-control', 'private, max-age=3600').type(file.mime).send(file.bytes);
      },
    );
    app.post(
      '/self-readings/:id/review',
      {
        preHandler: reviewers,
        schema: {
          tags: ['readings'],
          summary: '复核居民自报读数 / review a flagged self-reading',
          params: ZIdParams,
          body: ZSelfReadingReview,
          response: { 200: ZSelfReading },
        },
      },
      async (req) => service.review(requireActor(req), req.params.id, req.body),
    );
  };
