import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor, signedIn } from '../../../http/guard.ts';
import {
  ZCommunity,
  ZCustomerNotice,
  ZCustomerNoticeQuery,
  ZIdParams,
  ZNoticeDetail,
  ZNoticeInput,
  ZNoticeQuery,
  ZNoticeRestore,
  ZNoticeRevision,
  ZNoticeSummary,
  ZPublicNotice,
  ZPublicNoticeQuery,
} from './notices.schemas.ts';
import { NoticeService } from './notices.service.ts';

// Filling, commissioning and interruption notices (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12), and the public board.

export const noticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const notices = new NoticeService(ctx);
    const tags = ['notices'];
    const publisher = allow('enterprise_admin', 'dispatcher');
    const reader = allow('regulator', 'enterprise_admin', 'dispatcher', 'agent');

    app.get(
      '/public/notices',
      {
        schema: {
          tags,
          summary: '停供及注水公告（公开）/ current notices (public)',
          security: [],
          querystring: ZPublicNoticeQuery,
          response: { 200: z.object({ items: z.array(ZPublicNotice) }) },
        },
      },
      async (req) => notices.publicBoard(req.query.sector),
    );

    app.get(
      '/notices',
      {
        preHandler: reader,
        schema: {
          tags,
          summary: '公告列表 / notices',
          querystring: ZNoticeQuery,
          response: { 200: z.object({ items: z.array(ZNoticeSummary) }) },
        },
      },
      async (req) => notices.list(requireActor(req), req.query),
    );

    app.get(
      '/notices/for-customer',
      {
        // every desk that opens a customer's 360 view
        preHandler: allow('regulator', 'enterprise_admin', 'dispatcher', 'agent', 'billing_clerk'),
        schema: {
          tags,
          summary: '来电用户所在小区的当前公告及答复口径（H-7.3.7）/ current notices over a caller',
          querystring: ZCustomerNoticeQuery,
          response: { 200: z.object({ items: z.array(ZCustomerNotice) }) },
        },
      },
      async (req) => notices.forCustomer(requireActor(req), req.query.customerId),
    );

    app.get(
      '/notices/communities',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '本企业客户所在小区 / communities of our premises',
          response: { 200: z.object({ items: z.array(ZCommunity) }) },
        },
      },
      async (req) => notices.communities(requireActor(req)),
    );

    app.post(
      '/notices',
      {
        preHandler: publisher,
        schema: {
          tags,
          summary: '发布公告 / publish a notice',
          body: ZNoticeInput,
          response: { 201: ZNoticeDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const id = await notices.create(actor, req.body);
        return reply.status(201).send(await notices.detail(actor, id));
      },
    );

    app.get(
      '/notices/:id',
      {
        preHandler: reader,
        schema: {
          tags,
          summary: '公告详情 / notice detail',
          params: ZIdParams,
          response: { 200: ZNoticeDetail },
        },
      },
      async (req) => notices.detail(requireActor(req), req.params.id),
    );

    app.post(
      '/notices/:id/revisions',
      {
        preHandler: publisher,
        schema: {
          tags,
          summary: '更新公告（新版本，再次通知）/ revise a notice',
          params: ZIdParams,
          body: ZNoticeRevision,
          response: { 200: ZNoticeDetail },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await notices.revise(actor, req.params.id, req.body);
        return notices.detail(actor, req.params.id);
      },
    );

    app.post(
      '/notices/:id/restore',
      {
        preHandler: publisher,
        schema: {
          tags,
          summary: '登记恢复 / mark restored',
          params: ZIdParams,
          body: ZNoticeRestore,
          response: { 200: ZNoticeDetail },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await notices.restore(actor, req.params.id, req.body);
        return notices.detail(actor, req.params.id);
      },
    );
  };
