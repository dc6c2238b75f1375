import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.ts';
import { paymentsTestWorld } from '../modules/money/payments/payments.fixtures.ts';
import { importBankFile } from '../modules/money/payments/bank-import.service.ts';
import { buildTestApp, seedTestWorld, TEST_PASSWORD, type TestApp } from '../testing/harness.ts';

// Issue 12, sign-in, sessions and the browser: lockout, cross-site writes, headers, rate limits, passwords; and the
// errors and period rules of "Input and errors" that need a whole app.

let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
beforeAll(async () => {
  w = await paymentsTestWorld(new Date('2026-12-05T02:00:00Z'));
}, 120_000);
afterAll(() => w.t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  w.t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { username, password } });

describe('sign-in lockout', () => {
  it('24 wrong passwords sent at once and the right one in the same burst: nobody gets in, the name is locked', async () => {
    const burst = [
      ...Array.from({ length: 24 }, () => login('gas_admin', 'Wrong#pass1')),
      login('gas_admin', TEST_PASSWORD),
    ];
    const answers = await Promise.all(burst);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses).not.toContain(200);
    // At most the limit (5) are checked and refused as wrong; the rest meet the lock.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(answers.at(-1)!.json().code).toBe('AUTH_LOCKED');
    expect((await login('gas_admin', TEST_PASSWORD)).json().code).toBe('AUTH_LOCKED');
    const { rows } = await w.t.database.executeSql(
      `select count(*)::int as n from audit_events a join users u on u.id::text = a.entity_id
       where a.action = 'user.locked' and u.username = 'gas_admin'`,
    );
    expect(rows[0]!.n).toBe(1);
    // The lock ends after LOGIN_LOCK_MINUTES (15).
    w.t.setNow(new Date(w.t.ctx.now().getTime() + 16 * 60_000));
    expect((await login('gas_admin', TEST_PASSWORD)).statusCode).toBe(200);
    w.t.setNow(new Date('2026-12-05T02:00:00Z'));
    await w.relogin();
  });

  it('an unknown user name is answered exactly like a known one, lockout included', async () => {
    const en = { 'accept-language': 'en' };
    for (let i = 0; i < 7; i++) {
      const known = await login('gas_dispatcher', 'Wrong#pass1', en);
      const unknown = await login('no_such_person', 'Wrong#pass1', en);
      expect(unknown.statusCode, `attempt ${i + 1}`).toBe(known.statusCode);
      expect(unknown.json(), `attempt ${i + 1}`).toEqual(known.json());
      expect(known.statusCode).toBe(i < 4 ? 401 : 423);
    }
    // Case and width variants of a name share its count.
    expect((await login('GAS_DISPATCHER', 'Wrong#pass1')).json().code).toBe('AUTH_LOCKED');
  });
});

describe('cross-site writes (CSRF)', () => {
  const logout = (headers: Record<string, string>, payload?: string) =>
    w.t.app.inject({ method: 'POST', url: '/api/auth/logout', headers, ...(payload ? { payload } : {}) });

  it('a body-less POST from a form on another port of the same host is refused; the same origin is served', async () => {
    const cookie = w.cookies.gas_agent!;
    const foreign = await logout(
      { cookie, origin: 'http://localhost:3001', 'content-type': 'text/plain' },
      '',
    );
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('CSRF_REJECTED');
    const sameSite = await logout({ cookie, 'sec-fetch-site': 'same-site' });
    expect(sameSite.json().code).toBe('CSRF_REJECTED');
    const plain = await logout({ cookie, 'content-type': 'text/plain' }, 'x');
    expect(plain.statusCode).toBe(415);
    // Our own page (Origin equals the host it was sent to) and non-browser clients without Origin.
    const me = (cookie: string) => w.t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect((await me(cookie)).statusCode).toBe(200);
    const own = await logout({ cookie, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(own.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
    const script = await login('gas_agent', TEST_PASSWORD, { origin: 'http://localhost:80' });
    expect(script.statusCode).toBe(200);
    await w.relogin();
  });

  it('payment gateway callbacks (server to server, no session) are not held to the browser rule', async () => {
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/payments/callback/alipay',
      headers: { origin: 'https://gateway.example', 'sec-fetch-site': 'cross-site' },
      payload: { x: 1 },
    });
    expect(res.json().code).not.toBe('CSRF_REJECTED');
  });
});

describe('headers', () => {
  it('every answer carries a CSP that forbids framing and foreign scripts, and nosniff', async () => {
    for (const url of ['/api/health', '/api/docs/static/index.html', '/api/nowhere']) {
      const res = await w.t.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
    }
  });
});

describe('passwords', () => {
  const change = (cookie: string, newPassword: string) =>
    w.t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie, 'accept-language': 'en' },
      payload: { currentPassword: TEST_PASSWORD, newPassword },
    });

  it('a common password is refused although it has enough kinds of characters', async () => {
    for (const pw of ['P@ssw0rd', 'Password1', 'Qwerty123', '1qaz@WSX']) {
      const res = await change(w.cookies.heat_admin!, pw);
      expect(res.statusCode, pw).toBe(422);
      expect(res.json()).toMatchObject({ code: 'PASSWORD_POLICY' });
      expect(res.json().message, pw).toMatch(/common/);
    }
  });
});

describe('input the database cannot store, and its errors', () => {
  it('GET /api/customers?q=abc%00def: 400 naming the parameter, in Chinese and English', async () => {
    const res = await w.call('gas_agent', 'GET', '/customers?q=abc%00def');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('TEXT_INVALID_CHARACTER');
    expect(res.json().messages.zh).toContain('query.q');
    expect(res.json().messages.en).toContain('query.q');
  });

  it('a bank-import line the database refuses reports a clean reason, never SQL', async () => {
    const me = (await w.call('gas_billing', 'GET', '/auth/me')).json().user as Actor;
    const cust = await w.customer();
    const acct = (await w.call('gas_agent', 'GET', `/customers/${cust}`)).json().account.accountNo;
    // Past the edge (a direct call): the row's write fails inside the database.
    const out = await importBankFile(w.t.ctx, me, {
      rows: [{ accountNo: acct, amountFen: 100, bankRef: 'REF\u0000-1', paidOn: '2026-12-01' }],
    });
    expect(out.rows[0]!.status).toBe('error');
    expect(out.rows[0]!.error).not.toMatch(/insert|select|\$\d|sql|invalid byte/i);
    expect(out.rows[0]!.error).not.toContain('\u0000');
    expect(out.rows[0]!.error).toContain('This line could not be recorded');
  });
});

describe('G-6.2.3: only a month that has ended is billed', () => {
  it('POST /api/bills for 2027-02 on 2026-12-05 is refused, naming when it can be billed', async () => {
    const cust = await w.customer();
    const res = await w.call('gas_billing', 'POST', '/bills', { customerId: cust, period: '2027-02' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('BILLING_PERIOD_NOT_ENDED');
    expect(res.json().messages.en).toContain('2027-03-01');
    const current = await w.call('gas_billing', 'POST', '/bills', { customerId: cust, period: '2026-12' });
    expect(current.json().code).toBe('BILLING_PERIOD_NOT_ENDED');
  });

  it('a billing run for the current month is refused; 1999-01 is refused for its date, not its format', async () => {
    const run = await w.call('gas_billing', 'POST', '/billing-runs', { period: '2026-12' });
    expect(run.statusCode).toBe(422);
    expect(run.json().code).toBe('BILLING_PERIOD_NOT_ENDED');
    const early = await w.call('gas_billing', 'POST', '/billing-runs', { period: '1999-01' });
    expect(early.json().code).toBe('BILLING_PERIOD_OUT_OF_RANGE');
    expect(early.json().messages.en).toContain('before 2000-01');
    const cust = await w.customer();
    const bill = await w.call('gas_billing', 'POST', '/bills', { customerId: cust, period: '1999-01' });
    expect(bill.json().code).toBe('BILLING_PERIOD_OUT_OF_RANGE');
    const { rows } = await w.t.database.executeSql(`select count(*)::int as n from billing_runs`);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('configured limits, proxy and mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({
      LOGIN_RATE_PER_USER: '3',
      LOGIN_RATE_PER_ADDRESS: '6',
      RATE_LIMIT_PER_MINUTE: '40',
      TRUST_PROXY: 'on',
      RANRE_MODE: 'production',
      SMS_PROVIDER: 'aliyun',
      ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test',
      ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret-test',
      ALIYUN_SMS_SIGN_NAME: '淄博燃热',
      ALIYUN_SMS_TEMPLATES: '{"default":"SMS_100000001"}',
    });
    await seedTestWorld(t.database);
  }, 60_000);
  afterAll(() => t.close());

  const tryLogin = (username: string, ip: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers,
      payload: { username, password: 'Wrong#pass1' },
    });

  it('sign-in is limited per user name across addresses, and per address across names', async () => {
    const perUser = [];
    for (let i = 0; i < 4; i++) perUser.push((await tryLogin('gas_agent', `10.0.0.${i + 1}`)).statusCode);
    expect(perUser).toEqual([401, 401, 401, 429]);
    const perAddress = [];
    for (let i = 0; i < 7; i++) perAddress.push((await tryLogin(`name_${i}`, '10.0.1.1')).statusCode);
    expect(perAddress).toEqual([401, 401, 401, 401, 401, 401, 429]);
    const limited = await tryLogin('name_x', '10.0.1.1');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('every route is limited per signed-in user or, signed out, per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      statuses.push((await t.app.inject({ url: '/api/health', remoteAddress: '10.0.2.1' })).statusCode);
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses[40]).toBe(429);
    const over = await t.app.inject({ url: '/api/health', remoteAddress: '10.0.2.1' });
    expect(over.json().code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await t.app.inject({ url: '/api/health', remoteAddress: '10.0.2.2' })).statusCode).toBe(200);
  });

  it('behind an HTTPS proxy (TRUST_PROXY) the session cookie is Secure; over plain HTTP it is not', async () => {
    const https = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.3.1',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'heat_admin', password: TEST_PASSWORD },
    });
    expect(https.cookies.find((c) => c.name === 'ranre_session')!.secure).toBe(true);
    const http = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '10.0.3.2',
      payload: { username: 'heat_admin', password: TEST_PASSWORD },
    });
    expect(http.cookies.find((c) => c.name === 'ranre_session')!.secure).toBeFalsy();
  });

  it('the published demo password is refused outside demo mode, allowed in it', async () => {
    const cookie = await t.login('heat_agent');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      remoteAddress: '10.0.4.1',
      headers: { cookie, 'accept-language': 'en' },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Ranre@2026' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/demo/);
    const demo = await w.t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: w.cookies.heat_agent! },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Ranre@2026' },
    });
    expect(demo.statusCode).toBe(204);
  });
});
