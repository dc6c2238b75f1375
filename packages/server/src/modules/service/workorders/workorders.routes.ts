import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../core/context.ts';
import { cachedRead } from '../../../http/cached-read.ts';
import { allow, requireActor, signedIn } from '../../../http/guard.ts';
import { fileResponse } from '../../../http/openapi.ts';
import { AttachmentService } from './attachments.service.ts';
import { ZEventBody } from './event.schemas.ts';
import { WorkOrderEventService } from './events.service.ts';
import { IntakeService } from './intake.service.ts';
import {
  ZAssignee,
  ZAssigneeQuery,
  ZAttachment,
  ZAttachmentInput,
  ZBoard,
  ZBoardQuery,
  ZIdParams,
  ZScript,
  ZScriptQuery,
  ZWorkOrderDetail,
  ZWorkOrderInput,
  ZWorkOrderQuery,
  ZWorkOrderSummary,
} from './workorders.schemas.ts';
import { WorkOrderReader } from './workorders.service.ts';

/** A signature or photo as a data URL: up to 2 MB of image, a third more as base64. */
const ATTACHMENT_BODY_LIMIT = 3 * 1024 * 1024;

export const workOrderRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const reader = new WorkOrderReader(ctx);
    const intake = new IntakeService(ctx);
    const events = new WorkOrderEventService(ctx);
    const files = new AttachmentService(ctx);
    const tags = ['work-orders'];
    const desk = allow('agent', 'dispatcher', 'enterprise_admin');

    app.post(
      '/work-orders',
      {
        preHandler: allow('agent', 'dispatcher', 'enterprise_admin', 'resident'),
        schema: {
          tags,
          summary: '受理工单 / take a request',
          body: ZWorkOrderInput,
          response: { 201: ZWorkOrderDetail },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const written = await intake.take(actor, req.body);
        return reply.status(201).send(await reader.freshDetail(actor, written));
      },
    );

    app.get(
      '/work-orders',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '工单列表 / work orders',
          querystring: ZWorkOrderQuery,
          response: {
            200: z.object({ items: z.array(ZWorkOrderSummary), nextCursor: z.string().nullable() }),
          },
        },
      },
      async (req, reply) => cachedRead(ctx, req, reply, () => reader.list(requireActor(req), req.query)),
    );

    app.get(
      '/work-orders/board',
      {
        preHandler: desk,
        schema: {
          tags,
          summary: '调度看板 / dispatcher board (first poll: all; with since: changes only)',
          querystring: ZBoardQuery,
          response: { 200: ZBoard },
        },
      },
      // A poll (since) is already an answer of what changed, and each one's cursor is new: not kept.
      async (req, reply) =>
        req.query.since === undefined
          ? cachedRead(ctx, req, reply, () => reader.board(requireActor(req)))
          : reader.board(requireActor(req), req.query.since),
    );

    app.get(
      '/work-orders/assignees',
      {
        preHandler: desk,
        schema: {
          tags,
          summary: '可派单人员 / people to dispatch to',
          querystring: ZAssigneeQuery,
          response: { 200: z.object({ items: z.array(ZAssignee) }) },
        },
      },
      async (req) => reader.assignees(requireActor(req), req.query.purpose, req.query.itemCode),
    );

    app.get(
      '/work-orders/script',
      {
        preHandler: allow('agent', 'dispatcher', 'enterprise_admin', 'technician'),
        schema: {
          tags,
          summary: '接待用语 / reception script (G-5.5.4)',
          querystring: ZScriptQuery,
          response: { 200: ZScript },
        },
      },
      async (req) => reader.scriptForIntake(requireActor(req), req.query.channel),
    );

    app.get(
      '/work-orders/:id',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '工单详情 / one work order',
          params: ZIdParams,
          response: { 200: ZWorkOrderDetail },
        },
      },
      async (req, reply) =>
        cachedRead(ctx, req, reply, () => reader.detail(requireActor(req), req.params.id)),
    );

    app.post(
      '/work-orders/:id/events',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '记录工单事件 / record an event',
          params: ZIdParams,
          body: ZEventBody,
          response: { 200: ZWorkOrderDetail },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await events.record(actor, req.params.id, req.body);
        return reader.detail(actor, req.params.id);
      },
    );

    app.post(
      '/work-orders/:id/attachments',
      {
        preHandler: allow('technician', 'agent', 'dispatcher', 'enterprise_admin'),
        bodyLimit: ATTACHMENT_BODY_LIMIT,
        schema: {
          tags,
          summary: '上传签名或照片 / add a signature or photo',
          params: ZIdParams,
          body: ZAttachmentInput,
          response: { 201: ZAttachment },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await files.add(requireActor(req), req.params.id, req.body)),
    );

    app.get(
      '/attachments/:id',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: '附件图片 / attachment image',
          params: ZIdParams,
          response: { 200: fileResponse(['image/jpeg', 'image/png', 'image/webp'], 'The image') },
        },
      },
      async (req, reply) => {
        const file = await files.get(requireActor(req), req.params.id);
        return reply.header('cache-control', 'private, max-age=3600').type(file.mime).send(file.bytes);
      },
    );
  };
