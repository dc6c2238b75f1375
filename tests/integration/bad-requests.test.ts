import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, type TestApp } from '../../packages/server/src/testing/harness.ts';

// Every route that takes a body or query, probed with the mistakes a user or a client makes. Each must get a 4xx with a
// code, and the database must be exactly as it was.
let t: TestApp;
let cookie: string;
const LARGE_BODY = /\/(attachments|customers\/import|payments\/bank-import|sensors\/readings)$/;
// Alipay posts its payment notifications as a form (the one route that takes no JSON): there a JSON body is the wrong
// media type, and a form without a notification's fields is a bad request.
const FORM_BODY = /\/payments\/callback\/alipay$/;
type Route = { method: string; url: string; hasBody: boolean; hasQuery: boolean };
let routes: Route[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  await seedTestWorld(t.database);
  cookie = await t.login('reg');
  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string }[] }>>;
  };
  for (const [p, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const url = p
        .replace(/\{date\}/g, '2026-03-03')
        .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      routes.push({
        method: method.toUpperCase(),
        url,
        hasBody: Boolean(op.requestBody),
        hasQuery: (op.parameters ?? []).some((x) => x.in === 'query'),
      });
    }
  }
  routes = routes.filter((r) => !r.url.startsWith('/api/auth/logout'));
});
afterAll(() => t.close());

async function snapshot(): Promise<string> {
  const { rows } = await t.database.executeSql(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: string[] = [];
  for (const r of rows) {
    const name = String(r.table_name);
    if (name === 'sessions') continue; // signing in is allowed to create sessions
    const c = await t.database.executeSql(`select count(*)::int as n from "${name}"`);
    counts.push(`${name}=${c.rows[0]!.n}`);
  }
  return counts.join(',');
}

describe('bad requests to every route get a 4xx with a code and write nothing', () => {
  it('covers the routes the API publishes', () => {
    expect(routes.filter((r) => r.hasBody).length).toBeGreaterThanOrEqual(5);
  });

  it('unknown field, wrong type, missing fields, oversize body, not JSON', async () => {
    const before = await snapshot();
    for (const r of routes.filter((x) => x.hasBody)) {
      const probes: { payload: string; contentType?: string; want: number[] }[] = [
        { payload: JSON.stringify({ unknownField: 1 }), want: [400] },
        { payload: JSON.stringify({ username: 123, name: 42, kind: [], year: 'x', start: 5 }), want: [400] },
        // A PATCH may have no required field; a well-formed empty body may then meet the role check (the regulator
        // reads but does not run an enterprise's jobs).
        { payload: '{}', want: [400, 403, 404, 422] },
        // Routes that take files (attachments, imports) allow bigger bodies: there the probe is just invalid.
        {
          payload: JSON.stringify({ x: 'y'.repeat(1_100_000) }),
          want: LARGE_BODY.test(r.url) ? [400] : [413],
        },
        { payload: '{not json', want: [400] },
        { payload: 'a=b', contentType: 'application/x-www-form-urlencoded', want: [415] },
      ];
      for (const p of probes) {
        if (FORM_BODY.test(r.url) && !p.payload.startsWith('{"x"')) p.want = p.contentType ? [400] : [415];
        const res = await t.app.inject({
          method: r.method as 'POST',
          url: r.url,
          headers: { cookie, 'content-type': p.contentType ?? 'application/json' },
          payload: p.payload,
        });
        expect(
          p.want,
          `${r.method} ${r.url} ${p.payload.slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
        ).toContain(res.statusCode);
        expect(typeof res.json().code).toBe('string');
        expect(res.json().messages.en.length).toBeGreaterThan(0);
      }
    }
    for (const r of routes.filter((x) => x.hasQuery)) {
      const sep = r.url.includes('?') ? '&' : '?';
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: `${r.url}${sep}unknownParam=1`,
        headers: { cookie },
      });
      expect(res.statusCode, `${r.method} ${r.url}?unknownParam`).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await snapshot()).toBe(before);
  });

  it('signed-out callers get AUTH_REQUIRED on every protected route', async () => {
    // Payment channels' notifications are anonymous by design: their signature is the credential.
    const PUBLIC = [
      '/api/health',
      '/api/auth/login',
      '/api/catalogue',
      '/api/public/',
      '/api/payments/callback/',
    ];
    for (const r of routes.filter((x) => !PUBLIC.some((p) => x.url.startsWith(p)))) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: r.url,
        ...(r.hasBody ? { payload: {} } : {}),
      });
      expect([400, 401], `${r.method} ${r.url} → ${res.statusCode}`).toContain(res.statusCode);
    }
  });
});
