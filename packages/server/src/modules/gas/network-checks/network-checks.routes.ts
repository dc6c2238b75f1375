import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import {
  ZDraw,
  ZDrawInput,
  ZDraws,
  ZOdorant,
  ZOdorantCheckInput,
  ZOdorantThresholdInput,
  ZPressureCheckInput,
  ZPressureCheckView,
  ZScopeQuery,
  ZStationInput,
  ZStations,
  ZThreshold,
} from './network-checks.schemas.ts';
import { NetworkCheckService } from './network-checks.service.ts';

export const networkCheckRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new NetworkCheckService(ctx);
    const tags = ['network-checks'];
    const readers = allow('enterprise_admin', 'dispatcher', 'inspector', 'regulator');
    const checkers = allow('enterprise_admin', 'dispatcher', 'inspector');

    app.get(
      '/network-checks/stations',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '调压站及本期燃具前压力检查（G-6.2.15）',
          querystring: ZScopeQuery,
          response: { 200: ZStations },
        },
      },
      async (req) => service.stations(requireActor(req), req.query),
    );
    app.post(
      '/network-checks/stations',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '登记调压站及近端、远端小区',
          body: ZStationInput,
          response: { 201: ZStations },
        },
      },
      async (req, reply) => reply.status(201).send(await service.addStation(requireActor(req), req.body)),
    );
    app.post(
      '/network-checks/stations/:id/draws',
      {
        preHandler: checkers,
        schema: {
          tags,
          summary: '随机抽取检测户（G-6.2.15 b）',
          params: ZIdParams,
          body: ZDrawInput,
          response: { 201: ZDraw },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.draw(requireActor(req), req.params.id, req.body.perSide)),
    );
    app.get(
      '/network-checks/draws',
      {
        preHandler: readers,
        schema: { tags, summary: '抽检批次', querystring: ZScopeQuery, response: { 200: ZDraws } },
      },
      async (req) => service.draws(requireActor(req), req.query),
    );
    app.get(
      '/network-checks/draws/:id',
      {
        preHandler: readers,
        schema: { tags, summary: '抽检批次的检测户与结果', params: ZIdParams, response: { 200: ZDraw } },
      },
      async (req) => service.drawDetail(requireActor(req), req.params.id),
    );
    app.post(
      '/network-checks/pressure',
      {
        preHandler: checkers,
        schema: {
          tags,
          summary: '记录燃具前压力检查（G-6.2.15、G-12.4.2.1）',
          body: ZPressureCheckInput,
          response: { 201: ZPressureCheckView },
        },
      },
      async (req, reply) => reply.status(201).send(await service.recordPressure(requireActor(req), req.body)),
    );
    app.get(
      '/network-checks/odorant',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '管网末端加臭检查（G-6.2.16）',
          querystring: ZScopeQuery,
          response: { 200: ZOdorant },
        },
      },
      async (req) => service.odorant(requireActor(req), req.query),
    );
    app.post(
      '/network-checks/odorant',
      {
        preHandler: checkers,
        schema: {
          tags,
          summary: '记录加臭检查（G-6.2.16）',
          body: ZOdorantCheckInput,
          response: { 201: ZOdorant },
        },
      },
      async (req, reply) => reply.status(201).send(await service.recordOdorant(requireActor(req), req.body)),
    );
    app.post(
      '/network-checks/odorant/threshold',
      {
        preHandler: allow('enterprise_admin'),
        schema: {
          tags,
          summary: '设定加臭剂最低浓度及依据',
          body: ZOdorantThresholdInput,
          response: { 200: ZThreshold },
        },
      },
      async (req) => service.setThreshold(requireActor(req), req.body),
    );
  };
