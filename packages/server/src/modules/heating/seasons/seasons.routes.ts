import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { allow, requireActor } from '../../../http/guard.ts';
import { ZIdParams } from '../../../core/schemas.ts';
import {
  ZHeatingPriceRow,
  ZHeatingRulesRow,
  ZHeatingSetUp,
  ZPriceInput,
  ZRulesInput,
  ZScopeQuery,
  ZSeason,
  ZSeasonInput,
  ZSeasonPatch,
} from './seasons.schemas.ts';
import { HeatingSeasonService } from './seasons.service.ts';

export const HEATING_READERS = [
  'regulator',
  'enterprise_admin',
  'agent',
  'dispatcher',
  'billing_clerk',
] as const;

export const heatingSeasonRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const service = new HeatingSeasonService(ctx);
    const tags = ['heating'];
    const readers = allow(...HEATING_READERS);
    const writers = allow('enterprise_admin', 'billing_clerk');

    app.get(
      '/heating/seasons',
      {
        preHandler: readers,
        schema: {
          tags,
          summary: '供热期、热价与规则 / seasons, prices, rules',
          querystring: ZScopeQuery,
          response: { 200: ZHeatingSetUp },
        },
      },
      async (req) => service.list(requireActor(req), req.query.enterpriseId),
    );
    app.post(
      '/heating/seasons',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '新建供热期（H-5.2） / create a season',
          body: ZSeasonInput,
          response: { 201: ZSeason },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(requireActor(req), req.body)),
    );
    app.patch(
      '/heating/seasons/:id',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '实际起止日（H-5.2.2） / actual start and end',
          params: ZIdParams,
          body: ZSeasonPatch,
          response: { 200: ZSeason },
        },
      },
      async (req) => service.patch(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/heating/prices',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '新增热价（H-7.2.1） / add a price',
          body: ZPriceInput,
          response: { 201: ZHeatingPriceRow },
        },
      },
      async (req, reply) => reply.status(201).send(await service.addPrice(requireActor(req), req.body)),
    );
    app.put(
      '/heating/rules',
      {
        preHandler: writers,
        schema: {
          tags,
          summary: '热费规则（H-7.2.2） / heating rules',
          body: ZRulesInput,
          response: { 200: ZHeatingRulesRow },
        },
      },
      async (req) => service.putRules(requireActor(req), req.body),
    );
  };
