import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZCreated } from '../orders/orders.schemas.ts';
import { ZBookingInput, ZBookingList, ZBookingOptions } from './bookings.schemas.ts';
import { ResidentBookingService } from './bookings.service.ts';

export const residentBookingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new ResidentBookingService(ctx);
    const tags = ['residents'];
    const resident = allow('resident');

    app.get(
      '/resident/booking-options',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '可预约的上门服务 / what each bound account may book',
          response: { 200: ZBookingOptions },
        },
      },
      async (req) => service.options(requireActor(req)),
    );
    app.post(
      '/resident/bookings',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '预约上门：入户测温、安检时间、送气 / book a visit at a proposed time (G-5.9.2)',
          body: ZBookingInput,
          response: { 201: ZCreated },
        },
      },
      async (req, reply) => reply.status(201).send(await service.book(requireActor(req), req.body)),
    );
    app.get(
      '/resident/bookings',
      {
        preHandler: resident,
        schema: {
          tags,
          summary: '我的预约：约定时间、时限与过程 / my bookings: agreed time, deadline, history',
          response: { 200: ZBookingList },
        },
      },
      async (req) => service.list(requireActor(req)),
    );
  };
