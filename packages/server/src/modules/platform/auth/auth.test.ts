import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, seedTestWorld, TEST_PASSWORD, type TestApp } from '../../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await seedTestWorld(t.database);
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in with an http-only session cookie and reports who the caller is', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gas_agent', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ranre_session')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `ranre_session=${cookie.value}` },
    });
    expect(me.json().user).toMatchObject({
      username: 'gas_agent',
      role: 'agent',
      enterpriseName: '测试燃气公司',
    });
  });

  it('refuses a wrong password with a bilingual error and no session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'heat_agent', password: 'wrong' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH_INVALID', message: 'Wrong username or password' });
    expect(res.json().messages.zh).toBe('用户名或密码错误');
    expect(res.cookies).toHaveLength(0);
  });

  it('locks the account after repeated failures, even for the right password, and audits the lock', async () => {
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'heat_admin', password: 'bad' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'heat_admin', password: 'bad' },
    });
    expect(fifth.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'heat_admin', password: TEST_PASSWORD },
    });
    expect(right.json().code).toBe('AUTH_LOCKED');
    const { rows } = await t.database.executeSql(
      `select count(*)::int as n from audit_events where action = 'user.locked'`,
    );
    expect(rows[0]!.n).toBe(1);
    // After the lock period it opens again.
    t.setNow(new Date(t.ctx.now().getTime() + 16 * 60_000));
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'heat_admin', password: TEST_PASSWORD },
    });
    expect(later.statusCode).toBe(200);
  });

  it('expires sessions after the configured time', async () => {
    const cookie = await t.login('gas_admin');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    t.setNow(new Date(t.ctx.now().getTime() + 13 * 3_600_000));
    const res = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH_REQUIRED');
  });

  it('enforces the password policy on change and ends other sessions', async () => {
    const cookie = await t.login('gas_agent');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'New#Passw0rd' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    await t.login('gas_agent', 'New#Passw0rd');
  });

  it('rejects unknown fields and wrong types with VALIDATION_FAILED', async () => {
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'gas_agent', password: 'x', admin: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('VALIDATION_FAILED');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 1, password: 'x' },
    });
    expect(wrongType.json().code).toBe('VALIDATION_FAILED');
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(notJson.statusCode).toBe(400);
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('BODY_TOO_LARGE');
  });
});

describe('audit trail is append-only', () => {
  it('the database refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    await t.login('gas_admin');
    const { db } = t.database;
    await expect(db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const { rows } = await t.database.executeSql(
      `select count(*)::int as n from audit_events where action = 'user.login'`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
