import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZCodeParams,
  ZCylinder,
  ZCylinderDetail,
  ZCylinderEventInput,
  ZCylinderInput,
  ZCylinderList,
  ZCylinderQuery,
  ZPublicCylinder,
} from './cylinders.schemas.ts';
import { CylinderService } from './cylinders.service.ts';

const STAFF = ['enterprise_admin', 'agent', 'dispatcher', 'technician', 'inspector'] as const;

export const cylinderRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new CylinderService(ctx);
    const tags = ['cylinders'];
    app.get(
      '/cylinders',
      {
        preHandler: allow('regulator', ...STAFF),
        schema: {
          tags,
          summary: '气瓶档案 / the cylinder register (G-7.1.4, G-7.1.5)',
          querystring: ZCylinderQuery,
          response: { 200: ZCylinderList },
        },
      },
      async (req) => service.list(requireActor(req), req.query),
    );
    app.post(
      '/cylinders',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '登记自有气瓶（编码终身唯一）/ register a cylinder (code never reused)',
          body: ZCylinderInput,
          response: { 201: ZCylinder },
        },
      },
      async (req, reply) => reply.status(201).send(await service.register(requireActor(req), req.body)),
    );
    app.get(
      '/cylinders/:code',
      {
        preHandler: allow('regulator', ...STAFF),
        schema: {
          tags,
          summary: '气瓶全生命周期追溯 / a cylinder and its timeline (G-7.1.5)',
          params: ZCodeParams,
          response: { 200: ZCylinderDetail },
        },
      },
      async (req) => service.detail(requireActor(req), req.params.code),
    );
    app.post(
      '/cylinders/:code/events',
      {
        preHandler: allow(...STAFF),
        schema: {
          tags,
          summary: '记录气瓶流转（处理、出站、送达、回收、检验、报废、处置）/ record a life event',
          params: ZCodeParams,
          body: ZCylinderEventInput,
          response: { 201: ZCylinderDetail },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.record(requireActor(req), req.params.code, req.body)),
    );
    app.get(
      '/public/cylinders/:code',
      {
        schema: {
          tags,
          summary: '扫码查询气瓶（公开）/ public cylinder lookup (G-7.1.13)',
          security: [],
          params: ZCodeParams,
          response: { 200: ZPublicCylinder },
        },
      },
      async (req) => service.publicLookup(req.params.code),
    );
  };
