import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../core/context.ts';
import { residentAccountRoutes } from './accounts/accounts.routes.ts';
import { residentBindingRoutes } from './bindings/bindings.routes.ts';
import { residentOrderRoutes } from './orders/orders.routes.ts';
import { selfReadingRoutes } from './self-readings/self-readings.routes.ts';
import { residentReceiptRoutes } from './receipts/receipts.routes.ts';
import { stepNoticeRoutes } from './step-notices/step-notices.routes.ts';
import { publicInfoRoutes } from './public-info/public-info.routes.ts';
import { signupRoutes } from './signup/signup.routes.ts';
import { residentBookingRoutes } from './bookings/bookings.routes.ts';

/** The residents' area: self-service routes and the public service information. */
export const residentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(residentBindingRoutes(ctx));
    await app.register(residentAccountRoutes(ctx));
    await app.register(residentOrderRoutes(ctx));
    await app.register(publicInfoRoutes(ctx));
    await app.register(signupRoutes(ctx));
    await app.register(selfReadingRoutes(ctx));
    await app.register(residentReceiptRoutes(ctx));
    await app.register(stepNoticeRoutes(ctx));
    await app.register(residentBookingRoutes(ctx));
  };
