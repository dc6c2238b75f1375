import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import fs from 'node:fs';
import path from 'node:path';
import { alertRoutes } from '../modules/service/alerts/alerts.routes.ts';
import { auditRoutes } from '../modules/platform/audit/audit.routes.ts';
import { billRoutes } from '../modules/gas/bills/bills.routes.ts';
import { billingRunRoutes } from '../modules/gas/billing-runs/billing-runs.routes.ts';
import { SESSION_COOKIE, authRoutes } from '../modules/platform/auth/auth.routes.ts';
import { AuthService } from '../modules/platform/auth/auth.service.ts';
import { calendarRoutes } from '../modules/platform/calendar/calendar.routes.ts';
import { catalogueRoutes } from '../modules/service/catalogue/catalogue.routes.ts';
import { customerRoutes } from '../modules/service/customers/customers.routes.ts';
import { enterpriseRoutes } from '../modules/platform/enterprises/enterprises.routes.ts';
import { healthRoutes } from '../modules/platform/health/health.routes.ts';
import { heatingRoutes } from '../modules/heating/seasons/heating.routes.ts';
import { ledgerRoutes } from '../modules/money/ledger/ledger.routes.ts';
import { meterRoutes } from '../modules/gas/meters/meters.routes.ts';
import { priceRoutes } from '../modules/gas/prices/prices.routes.ts';
import { readingRoutes } from '../modules/gas/readings/readings.routes.ts';
import { meterDisputeRoutes } from '../modules/gas/meter-disputes/meter-disputes.routes.ts';
import { notificationRoutes } from '../modules/platform/notifications/notifications.routes.ts';
import { paymentRoutes } from '../modules/money/payments/payments.routes.ts';
import { noticeRoutes } from '../modules/service/notices/notices.routes.ts';
import { staffRoutes } from '../modules/platform/staff/staff.routes.ts';
import { userRoutes } from '../modules/platform/users/users.routes.ts';
import { workOrderRoutes } from '../modules/service/workorders/workorders.routes.ts';
import { lowTemperatureRoutes } from '../modules/heating/low-temperature/low-temperature.routes.ts';
import { measurementRoutes } from '../modules/heating/measurements/measurements.routes.ts';
import { samplingRoutes } from '../modules/heating/sampling/sampling.routes.ts';
import { evaluationRoutes } from '../modules/oversight/evaluation/evaluation.routes.ts';
import { statementRoutes } from '../modules/oversight/statements/statements.routes.ts';
import { gasQualityRoutes } from '../modules/gas/gas-quality/gas-quality.routes.ts';
import { safetyEducationRoutes } from '../modules/gas/safety-education/safety-education.routes.ts';
import { networkCheckRoutes } from '../modules/gas/network-checks/network-checks.routes.ts';
import { repairConsentRoutes } from '../modules/gas/repair-consents/repair-consents.routes.ts';
import { qualificationRoutes } from '../modules/platform/qualifications/qualifications.routes.ts';
import { applianceSaleRoutes } from '../modules/gas/appliance-sales/appliance-sales.routes.ts';
import { repairSlipRoutes } from '../modules/gas/repair-slips/repair-slips.routes.ts';
import { cessationRoutes } from '../modules/oversight/cessations/cessations.routes.ts';
import { returnVisitRoutes } from '../modules/gas/return-visits/return-visits.routes.ts';
import { qualityCertificateRoutes } from '../modules/gas/quality-certificates/quality-certificates.routes.ts';
import { warrantyRoutes } from '../modules/gas/warranties/warranties.routes.ts';
import { cylinderRoutes } from '../modules/gas/cylinders/cylinders.routes.ts';
import { cylinderFillRoutes } from '../modules/gas/cylinder-fills/cylinder-fills.routes.ts';
import { vehicleRoutes } from '../modules/gas/vehicles/vehicles.routes.ts';
import { dispenserRoutes } from '../modules/gas/dispensers/dispensers.routes.ts';
import { vehicleFillRoutes } from '../modules/gas/vehicle-fills/vehicle-fills.routes.ts';
import { vehicleFillReceiptRoutes } from '../modules/gas/vehicle-fill-receipts/vehicle-fill-receipts.routes.ts';
import { vehicleLeakRoutes } from '../modules/gas/vehicle-leaks/vehicle-leaks.routes.ts';
import { cylinderDeliveryRoutes } from '../modules/gas/cylinder-deliveries/cylinder-deliveries.routes.ts';
import { cylinderPriceRoutes } from '../modules/gas/cylinder-prices/cylinder-prices.routes.ts';
import { sensorRoutes } from '../modules/heating/sensors/sensors.routes.ts';
import { gatewayKeyRoutes } from '../modules/heating/gateway-keys/gateway-keys.routes.ts';
import { residentRoutes } from '../modules/residents/routes.ts';
import { publicPageRoutes } from '../modules/residents/public-pages/public-pages.routes.ts';
import { inspectionRoutes } from '../modules/gas/inspections/inspections.routes.ts';
import { hazardRoutes } from '../modules/gas/hazards/hazards.routes.ts';
import { patrolRoutes } from '../modules/gas/patrols/patrols.routes.ts';
import { coverageRoutes } from '../modules/gas/supply-coverage/supply-coverage.routes.ts';
import { callRoutes } from '../modules/service/calls/calls.routes.ts';
import { windowWaitRoutes } from '../modules/service/window-waits/window-waits.routes.ts';
import { outageRoutes } from '../modules/heating/outages/outages.routes.ts';
import { surveyRoutes } from '../modules/service/surveys/surveys.routes.ts';
import { dutyRoutes } from '../modules/emergency/duty/duty.routes.ts';
import { readinessRoutes } from '../modules/emergency/readiness/readiness.routes.ts';
import { incidentRoutes } from '../modules/emergency/incidents/incidents.routes.ts';
import { warningRoutes } from '../modules/emergency/warnings/warnings.routes.ts';
import { heatingOperationsRoutes } from '../modules/heating/operations/operations.routes.ts';
import { buildingNoticeRoutes } from '../modules/heating/building-notices/building-notices.routes.ts';
import { insuranceRoutes } from '../modules/emergency/insurance/insurance.routes.ts';
import type { AppContext } from '../core/context.ts';
import { rejectCrossSite } from './csrf.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { CONTENT_SECURITY_POLICY, rateLimitKey } from './protections.ts';
import { keepCachedReads } from './cached-read.ts';
import { rejectInvalidText } from './text-guard.ts';
import { deriveOperationIds, openApiTransform, openApiTransformObject } from './openapi.ts';

/** 1 MiB: enough for a staff photo as a data URL; larger bodies get BODY_TOO_LARGE. */
const BODY_LIMIT = 1024 * 1024;

export async function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: BODY_LIMIT,
    ajv: { customOptions: { removeAdditional: false } },
    // Behind an HTTPS proxy, request.protocol and request.ip come from X-Forwarded-* (TRUST_PROXY).
    // (A hop count is accepted at run time; Fastify's types omit it.)
    trustProxy: ctx.config.trustProxy as boolean | string,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The API and UI are one origin; nothing is meant to be embedded or read by other sites.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // X-Frame-Options for browsers without frame-ancestors: no framing at all, as the CSP says.
    frameguard: { action: 'deny' },
  });
  await app.register(rateLimit, {
    global: true,
    max: ctx.config.rateLimitPerMinute,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_req, c) => ({
      statusCode: c.statusCode,
      code: 'RATE_LIMITED',
      message: 'rate limited',
    }),
  });
  // Issue 12 protections for every route at once: cross-site and non-JSON writes refused before the body is read;
  // text the database cannot store refused after parsing, before validation.
  app.addHook('onRequest', rejectCrossSite);
  app.addHook('preValidation', rejectInvalidText);
  // Issue 21: the busiest reads' answers kept as sent, for the read cache (http/cached-read.ts).
  keepCachedReads(app, ctx);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'ranre 燃热 API', version: '0.1.0', description: '淄博市燃气、供热客户服务平台接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
      // Paths carry their /api prefix, so the one server is the origin that serves the document.
      servers: [{ url: '/', description: 'The server that serves this document' }],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  deriveOperationIds(app);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const auth = new AuthService(ctx);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    req.actor = req.url.startsWith('/api/') ? await auth.resolve(req.cookies[SESSION_COOKIE]) : null;
  });

  await app.register(
    async (api) => {
      api.setNotFoundHandler(notFoundHandler);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes(ctx));
      await api.register(authRoutes(ctx, auth));
      await api.register(auditRoutes(ctx));
      await api.register(enterpriseRoutes(ctx));
      await api.register(staffRoutes(ctx));
      await api.register(userRoutes(ctx));
      await api.register(calendarRoutes(ctx));
      await api.register(catalogueRoutes(ctx));
      await api.register(workOrderRoutes(ctx));
      await api.register(evaluationRoutes(ctx));
      await api.register(statementRoutes(ctx));
      await api.register(gasQualityRoutes(ctx));
      await api.register(safetyEducationRoutes(ctx));
      await api.register(networkCheckRoutes(ctx));
      await api.register(repairConsentRoutes(ctx));
      await api.register(qualificationRoutes(ctx));
      await api.register(applianceSaleRoutes(ctx));
      await api.register(repairSlipRoutes(ctx));
      await api.register(cessationRoutes(ctx));
      await api.register(returnVisitRoutes(ctx));
      await api.register(qualityCertificateRoutes(ctx));
      await api.register(warrantyRoutes(ctx));
      await api.register(alertRoutes(ctx));
      await api.register(customerRoutes(ctx));
      await api.register(heatingRoutes(ctx));
      await api.register(meterRoutes(ctx));
      await api.register(readingRoutes(ctx));
      await api.register(priceRoutes(ctx));
      await api.register(billRoutes(ctx));
      await api.register(billingRunRoutes(ctx));
      await api.register(paymentRoutes(ctx));
      await api.register(ledgerRoutes(ctx));
      await api.register(meterDisputeRoutes(ctx));
      await api.register(notificationRoutes(ctx));
      await api.register(noticeRoutes(ctx));
      await api.register(samplingRoutes(ctx));
      await api.register(measurementRoutes(ctx));
      await api.register(sensorRoutes(ctx));
      await api.register(lowTemperatureRoutes(ctx));
      await api.register(residentRoutes(ctx));
      await api.register(inspectionRoutes(ctx));
      await api.register(hazardRoutes(ctx));
      await api.register(patrolRoutes(ctx));
      await api.register(coverageRoutes(ctx));
      await api.register(callRoutes(ctx));
      await api.register(windowWaitRoutes(ctx));
      await api.register(outageRoutes(ctx));
      await api.register(surveyRoutes(ctx));
      await api.register(gatewayKeyRoutes(ctx));
      await api.register(dutyRoutes(ctx));
      await api.register(readinessRoutes(ctx));
      await api.register(incidentRoutes(ctx));
      await api.register(warningRoutes(ctx));
      await api.register(insuranceRoutes(ctx));
      await api.register(heatingOperationsRoutes(ctx));
      await api.register(buildingNoticeRoutes(ctx));
      await api.register(cylinderRoutes(ctx));
      await api.register(cylinderFillRoutes(ctx));
      await api.register(vehicleRoutes(ctx));
      await api.register(dispenserRoutes(ctx));
      await api.register(vehicleFillRoutes(ctx));
      await api.register(vehicleFillReceiptRoutes(ctx));
      await api.register(vehicleLeakRoutes(ctx));
      await api.register(cylinderDeliveryRoutes(ctx));
      await api.register(cylinderPriceRoutes(ctx));
    },
    { prefix: '/api' },
  );

  // Issue 16: the public enterprise pages as server-rendered HTML (before the web app's index.html fallback).
  await publicPageRoutes(app, ctx);
  await serveWeb(app, ctx.config.webDist);
  return app;
}

/** The built web UI, with every non-API path falling back to index.html for client-side routing. */
async function serveWeb(app: FastifyInstance, dist: string) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.setNotFoundHandler((req, reply) =>
      req.url.startsWith('/api/')
        ? notFoundHandler(req, reply)
        : reply
            .status(404)
            .type('text/plain; charset=utf-8')
            .send('Web UI not built: run `npm run build -w @ranre/web`'),
    );
    return;
  }
  // Issue 16 (pages fast on a slow phone network): the Brotli/gzip twins the web build writes are sent to browsers
  // that accept them, and the hashed assets are cached for good (a next visit loads only index.html and the API).
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    preCompressed: true,
    setHeaders: (res, file) => {
      res.setHeader(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.setNotFoundHandler((req, reply) =>
    req.method === 'GET' && !req.url.startsWith('/api/')
      ? reply.sendFile('index.html')
      : notFoundHandler(req, reply),
  );
}
