import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../core/context.ts';
import { heatingBillRoutes } from '../bills/bills.routes.ts';
import { heatMeterDisputeRoutes } from '../disputes/disputes.routes.ts';
import { heatingRefundRoutes } from '../refunds/refunds.routes.ts';
import { heatingSeasonRoutes } from './seasons.routes.ts';

/** Issue 5's heating money routes: seasons and prices, season bills and reminders, meter disputes, refunds. */
export const heatingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(heatingSeasonRoutes(ctx));
    await app.register(heatingBillRoutes(ctx));
    await app.register(heatMeterDisputeRoutes(ctx));
    await app.register(heatingRefundRoutes(ctx));
  };
