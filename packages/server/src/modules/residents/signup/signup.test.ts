import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, seedTestWorld, type TestApp } from '../../../testing/harness.ts';

// G-5.8.1 / H-7.5.2 self-service begins with a login of the resident's own: his mobile, proved by an SMS code
// (G-5.8.3), never telling a stranger which numbers are registered.

let t: TestApp;
let world: Awaited<ReturnType<typeof seedTestWorld>>;
beforeAll(async () => {
  t = await buildTestApp();
  world = await seedTestWorld(t.database);
  t.setNow(new Date('2026-12-01T02:00:00Z'));
});
afterAll(() => t.close());

const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api${url}`, payload });
const lastCode = async (phone: string) => {
  const r = await t.database.executeSql(
    `select body from notifications where kind = 'signup_code' and recipient = $1 order by created_at desc limit 1`,
    [phone],
  );
  return String(r.rows[0]?.body ?? '');
};

describe('resident sign-up', () => {
  it('G-5.8.1 a resident signs up with his mobile and the SMS code, then signs in as a resident', async () => {
    const req = await post('/public/residents/sign-up', { enterpriseId: world.gas.id, phone: '13905337777' });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json()).toMatchObject({ sentTo: '139****7777' });
    const code = /验证码 (\d{6})/.exec(await lastCode('13905337777'))![1]!;
    const weak = await post(`/public/residents/sign-up/${req.json().id}/confirm`, {
      code,
      displayName: '韩梅梅',
      password: 'password1',
    });
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    const wrong = await post(`/public/residents/sign-up/${req.json().id}/confirm`, {
      code: code === '000000' ? '111111' : '000000',
      displayName: '韩梅梅',
      password: 'Zibo#Gas2026',
    });
    expect(wrong.json()).toMatchObject({ code: 'BINDING_CODE_WRONG', details: { triesLeft: 4 } });
    const done = await post(`/public/residents/sign-up/${req.json().id}/confirm`, {
      code,
      displayName: '韩梅梅',
      password: 'Zibo#Gas2026',
    });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toEqual({ username: '13905337777' });
    const login = await post('/auth/login', { username: '13905337777', password: 'Zibo#Gas2026' });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user).toMatchObject({ role: 'resident', enterpriseId: world.gas.id });
    // A login has no account until one is bound.
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const accounts = await t.app.inject({
      method: 'GET',
      url: '/api/resident/accounts',
      headers: { cookie },
    });
    expect(accounts.json().items).toEqual([]);
    // The code is spent.
    const again = await post(`/public/residents/sign-up/${req.json().id}/confirm`, {
      code,
      displayName: '韩梅梅',
      password: 'Zibo#Gas2026',
    });
    expect(again.json().code).toBe('BINDING_CODE_SPENT');
  });

  it('G-5.7.6 a registered mobile is answered like any other but is sent no code', async () => {
    await createUser(t.database, world.gas.id, '13905338888', 'resident');
    const req = await post('/public/residents/sign-up', { enterpriseId: world.gas.id, phone: '13905338888' });
    expect(req.statusCode).toBe(201);
    expect(Object.keys(req.json()).sort()).toEqual(['expiresAt', 'id', 'sentTo']);
    expect(await lastCode('13905338888')).toContain('已注册');
    const confirm = await post(`/public/residents/sign-up/${req.json().id}/confirm`, {
      code: '123456',
      displayName: '某人',
      password: 'Zibo#Gas2026',
    });
    expect(confirm.json().code).toBe('BINDING_CODE_SPENT');
  });

  it('G-5.8.1 one mobile is sent at most 3 codes an hour; the regulator takes no sign-ups', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await post('/public/residents/sign-up', { enterpriseId: world.gas.id, phone: '13905339999' }))
          .statusCode,
      ).toBe(201);
    }
    const fourth = await post('/public/residents/sign-up', {
      enterpriseId: world.gas.id,
      phone: '13905339999',
    });
    expect(fourth.statusCode).toBe(429);
    const reg = await post('/public/residents/sign-up', {
      enterpriseId: world.regulator.id,
      phone: '13905330099',
    });
    expect(reg.statusCode).toBe(404);
  });
});
