import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor, signedIn } from '../../../http/guard.ts';
import {
  ZCertificate,
  ZCertificateInput,
  ZExpiringCertificate,
  ZExpiringQuery,
  ZIdParams,
  ZStaff,
  ZStaffInput,
  ZStaffPatch,
  ZStaffQuery,
} from './staff.schemas.ts';
import { StaffService } from './staff.service.ts';

export const staffRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new StaffService(ctx);
    const tags = ['staff'];
    const managers = allow('enterprise_admin', 'regulator');

    app.get(
      '/staff',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '员工名册 / staff registry',
          querystring: ZStaffQuery,
          response: { 200: z.object({ items: z.array(ZStaff) }) },
        },
      },
      async (req) => ({ items: await service.list(requireActor(req), req.query.enterpriseId) }),
    );

    app.get(
      '/staff/:id',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '员工详情 / one staff member',
          params: ZIdParams,
          response: { 200: ZStaff },
        },
      },
      async (req) => service.get(requireActor(req), req.params.id),
    );

    app.post(
      '/staff',
      {
        preHandler: managers,
        schema: {
          tags,
          summary: '登记员工 / add a staff member',
          body: ZStaffInput,
          response: { 201: ZStaff },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );

    app.patch(
      '/staff/:id',
      {
        preHandler: managers,
        schema: {
          tags,
          summary: '修改员工信息 / update a staff member',
          params: ZIdParams,
          body: ZStaffPatch,
          response: { 200: ZStaff },
        },
      },
      async (req) => service.update(requireActor(req), req.params.id, req.body),
    );

    app.post(
      '/staff/:id/certificates',
      {
        preHandler: managers,
        schema: {
          tags,
          summary: '登记资格证书 / add a qualification certificate',
          params: ZIdParams,
          body: ZCertificateInput,
          response: { 201: ZCertificate },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addCertificate(requireActor(req), req.params.id, req.body)),
    );

    app.get(
      '/certificates/expiring',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '即将到期的证书 / certificates expiring soon (G-9.2.2)',
          querystring: ZExpiringQuery,
          response: { 200: z.object({ items: z.array(ZExpiringCertificate) }) },
        },
      },
      async (req) => ({
        items: await service.expiring(requireActor(req), req.query.days, req.query.enterpriseId),
      }),
    );
  };
