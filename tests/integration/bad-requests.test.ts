import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, type TestApp } from '../../packages/server/src/testing/harness.ts';

// Every route that takes a body or query, probed with the mistakes a user or a client makes. Each must get a 4xx with a
// code, and the database must be exactly as it was.
let t: TestApp;
let cookie: string;
const LARGE_BODY =
  /\/(attachments|customers\/import|payments\/bank-import|sensors\/readings|calls\/import|calls\/push|satisfaction-surveys|satisfaction-surveys\/import|self-readings|emergency\/exercises|window-waits\/import|claims\/[0-9a-f-]+\/media)$/;
// Alipay posts its payment notifications as a form (the one route that takes no JSON): there a JSON body is the wrong
// media type, and a form without a notification's fields is a bad request.
const FORM_BODY = /\/payments\/callback\/alipay$/;
type Route = {
  method: string;
  url: string;
  /** The path template with `{id}` etc., to put bad text in a path parameter. */
  template: string;
  hasBody: boolean;
  hasQuery: boolean;
  /** Its first text query parameter, if any. */
  queryName: string | undefined;
};
let routes: Route[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  await seedTestWorld(t.database);
  cookie = await t.login('reg');
  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: unknown; parameters?: { in: string; name: string; schema?: { type?: string } }[] }
      >
    >;
  };
  for (const [p, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const url = p
        .replace(/\{date\}/g, '2026-03-03')
        .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const query = (op.parameters ?? []).filter((x) => x.in === 'query');
      routes.push({
        method: method.toUpperCase(),
        url,
        template: p,
        hasBody: Boolean(op.requestBody),
        hasQuery: query.length > 0,
        queryName: (query.find((x) => x.schema?.type === 'string') ?? query[0])?.name,
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

  // Every published route is called: minutes on a loaded machine.
  it('unknown field, wrong type, missing fields, oversize body, not JSON', { timeout: 180_000 }, async () => {
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

  // Issue 12: PostgreSQL refuses NUL in text and jsonb, and jsonb refuses a lone UTF-16 surrogate; each used to
  // answer 500 from the routes that stored them. One hook refuses both for every route, naming the field.
  // Every published route is called: minutes on a loaded machine.
  it(
    'a NUL character or a lone surrogate anywhere in a body, query or path is refused with 400 and a code',
    { timeout: 180_000 },
    async () => {
      const before = await snapshot();
      const refused = (r: Route, what: string, res: { statusCode: number; body: string }, field: RegExp) => {
        expect(
          res.statusCode,
          `${r.method} ${r.url} ${what} → ${res.statusCode} ${res.body.slice(0, 200)}`,
        ).toBe(400);
        const body = JSON.parse(res.body);
        expect(body.code, `${r.method} ${r.url} ${what}`).toBe('TEXT_INVALID_CHARACTER');
        expect(body.messages.en).toMatch(field);
        expect(body.messages.zh).toMatch(field);
      };
      for (const r of routes.filter((x) => x.hasBody)) {
        // Raw JSON text, so the escapes reach the server as written: \u0000 and an unpaired \ud800 / \udc00.
        const bodies = [
          ['NUL', '{"name":"abc\\u0000def","note":"x"}', /body\.name/],
          ['high surrogate', '{"name":"\\ud800x"}', /body\.name/],
          ['low surrogate in an array', '{"rows":[{"bankRef":"x\\udc00"}]}', /body\.rows\.0\.bankRef/],
          ['NUL in a key', '{"a\\u0000b":1}', /body\.a\?b/],
        ] as const;
        if (FORM_BODY.test(r.url)) {
          // The Alipay notification is a form: the same characters, percent-encoded.
          const forms = [
            ['NUL', 'out_trade_no=abc%00def&sign=x', /body\.out_trade_no/],
            ['lone surrogate', 'out_trade_no=x%ED%A0%80&sign=x', /body\.out_trade_no/],
          ] as const;
          for (const [what, payload, field] of forms) {
            const res = await t.app.inject({
              method: 'POST',
              url: r.url,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              payload,
            });
            if (what === 'NUL') refused(r, what, res, field);
            // A lone surrogate cannot be percent-encoded as valid UTF-8: it decodes to U+FFFD, which is storable.
            else expect(res.statusCode, `${r.url} ${what}`).toBeLessThan(500);
          }
          continue;
        }
        for (const [what, payload, field] of bodies) {
          const res = await t.app.inject({
            method: r.method as 'POST',
            url: r.url,
            headers: { cookie, 'content-type': 'application/json' },
            payload,
          });
          refused(r, what, res, field);
        }
      }
      for (const r of routes.filter((x) => x.queryName)) {
        const sep = r.url.includes('?') ? '&' : '?';
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: `${r.url}${sep}${r.queryName}=abc%00def`,
          headers: { cookie },
        });
        refused(r, `?${r.queryName}=abc%00def`, res, new RegExp(`query\\.${r.queryName}`));
      }
      for (const r of routes.filter((x) => /\{[^}]+\}/.test(x.template))) {
        const name = /\{([^}]+)\}/.exec(r.template)![1]!;
        const url = r.template
          .replace(`{${name}}`, 'a%00b')
          .replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.app.inject({
          method: r.method as 'GET',
          url,
          headers: { cookie },
          ...(r.hasBody ? { payload: {} } : {}),
        });
        refused(r, `path ${name}`, res, new RegExp(`params\\.${name}`));
      }
      expect(await snapshot()).toBe(before);
    },
  );

  // Issue 12: an HTML form (text/plain or form data, no preflight) on another origin must not change anything.
  // Every published route is called: minutes on a loaded machine.
  it(
    'every state-changing route refuses text/plain bodies and requests from a foreign origin',
    { timeout: 180_000 },
    async () => {
      const before = await snapshot();
      for (const r of routes.filter(
        (x) => x.method !== 'GET' && !x.url.startsWith('/api/payments/callback/'),
      )) {
        const plain = await t.app.inject({
          method: r.method as 'POST',
          url: r.url,
          headers: { cookie, 'content-type': 'text/plain' },
          payload: '{"name":"x"}',
        });
        expect(plain.statusCode, `${r.method} ${r.url} text/plain → ${plain.body.slice(0, 200)}`).toBe(415);
        expect(plain.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
        // A body-less form post, as a same-site page on another port sends it.
        for (const headers of [
          { origin: 'http://localhost:3001', 'content-type': 'text/plain' },
          { 'sec-fetch-site': 'same-site', origin: 'http://localhost:3001' },
          {
            'sec-fetch-site': 'cross-site',
            origin: 'https://evil.example',
            'content-type': 'application/json',
          },
        ]) {
          const res = await t.app.inject({
            method: r.method as 'POST',
            url: r.url,
            headers: { cookie, ...headers },
            ...(headers['content-type'] === 'application/json' ? { payload: '{}' } : {}),
          });
          expect(
            res.statusCode,
            `${r.method} ${r.url} ${JSON.stringify(headers)} → ${res.body.slice(0, 200)}`,
          ).toBe(403);
          expect(res.json().code).toBe('CSRF_REJECTED');
        }
      }
      expect(await snapshot()).toBe(before);
    },
  );

  // Every published route is called: minutes on a loaded machine.
  it('signed-out callers get AUTH_REQUIRED on every protected route', { timeout: 180_000 }, async () => {
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
