import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { deriveOperationIds, errorStatuses, operationIdFor } from './openapi.ts';

describe('OpenAPI operation ids', () => {
  it('derive from method and path, camelCase, parameters as By…', () => {
    expect(operationIdFor('GET', '/api/notices/:id/revisions')).toBe('getNoticesByIdRevisions');
    expect(operationIdFor('POST', '/api/payment-callbacks/:channel')).toBe('postPaymentCallbacksByChannel');
    expect(operationIdFor('DELETE', '/api/calendar/overrides/:date')).toBe('deleteCalendarOverridesByDate');
  });

  it('a route that names its own id keeps it; two routes with one id stop the start-up', async () => {
    const app = Fastify();
    deriveOperationIds(app);
    app.get('/api/a', { schema: { operationId: 'custom' } }, async () => ({}));
    app.get('/api/a-b', async () => ({}));
    expect(() => app.get('/api/a/b', async () => ({}))).toThrow(/Duplicate OpenAPI operationId "getAB"/);
    await app.close();
  });

  it('documents 401/403 only on signed-in routes, 404 on a path with a parameter, 409/422 on writes', () => {
    expect(errorStatuses('GET', '/api/public/notices', true)).toEqual([400]);
    expect(errorStatuses('POST', '/api/bills/:id/pay', false)).toEqual([400, 401, 403, 404, 409, 422]);
  });
});
