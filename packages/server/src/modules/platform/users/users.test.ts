import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createEnterprise, seedTestWorld, type TestApp } from '../../../testing/harness.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedTestWorld>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  world = await seedTestWorld(t.database);
  for (const u of ['reg', 'gas_admin', 'gas_agent', 'heat_admin']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who]! }, payload });

const count = async (sql: string) => Number((await t.database.executeSql(sql)).rows[0]!.n);
const snapshot = async () => ({
  users: await count('select count(*)::int as n from users'),
  audit: await count('select count(*)::int as n from audit_events'),
});

const PASSWORD = 'Zibo#2026ok';
const account = (over: Record<string, unknown> = {}) => ({
  username: 'new_agent',
  displayName: '孙晓燕',
  role: 'agent',
  password: PASSWORD,
  ...over,
});

describe('user accounts', () => {
  it('an enterprise admin creates an account in his enterprise; it signs in; audited without the password', async () => {
    const res = await call('gas_admin', 'POST', '/users', account());
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toEqual({
      id: expect.any(String),
      username: 'new_agent',
      displayName: '孙晓燕',
      role: 'agent',
      enterpriseId: world.gas.id,
      enterpriseName: '测试燃气公司',
      enterpriseKind: 'pipeline_gas',
      staffId: null,
      staffName: null,
      badgeNo: null,
    });
    await t.login('new_agent', PASSWORD);
    const { rows } = await t.database.executeSql(
      `select actor_name, enterprise_id, after::text as after from audit_events where action = 'user.create' and entity_id = $1`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_name: 'gas_admin', enterprise_id: world.gas.id });
    expect(rows[0]!.after).toContain('new_agent');
    expect(rows[0]!.after).not.toMatch(/password|argon2|Zibo#2026ok/i);
  });

  it('lists are scoped — an admin sees his own enterprise, the regulator all; never a password hash', async () => {
    const own = await call('gas_admin', 'GET', '/users');
    expect(own.statusCode).toBe(200);
    const items = own.json().items as { enterpriseId: string; username: string }[];
    expect(items.every((u) => u.enterpriseId === world.gas.id)).toBe(true);
    expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(['gas_admin', 'gas_agent']));
    expect(own.body).not.toMatch(/passwordHash|argon2/);
    const all = (await call('reg', 'GET', '/users')).json().items as { username: string }[];
    expect(all.map((u) => u.username)).toEqual(expect.arrayContaining(['reg', 'gas_admin', 'heat_admin']));
    const heat = (await call('reg', 'GET', `/users?enterpriseId=${world.heat.id}`)).json().items as {
      username: string;
    }[];
    expect(heat.map((u) => u.username).sort()).toEqual(['heat_admin', 'heat_agent']);
    expect((await call('gas_admin', 'GET', `/users?enterpriseId=${world.heat.id}`)).statusCode).toBe(403);
    expect((await call('gas_agent', 'GET', '/users')).statusCode).toBe(403);
  });

  it('role checks: an agent cannot create accounts; an admin cannot create in another enterprise nor create a regulator', async () => {
    const before = await snapshot();
    expect((await call('gas_agent', 'POST', '/users', account({ username: 'user_x1' }))).statusCode).toBe(
      403,
    );
    expect(
      (
        await call(
          'gas_admin',
          'POST',
          '/users',
          account({ username: 'user_x2', enterpriseId: world.heat.id }),
        )
      ).statusCode,
    ).toBe(403);
    const reg = await call(
      'gas_admin',
      'POST',
      '/users',
      account({ username: 'user_x3', role: 'regulator' }),
    );
    expect(reg.statusCode).toBe(403);
    expect(reg.json().code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('the role regulator belongs to the regulator itself, and the regulator holds only regulators (422 ROLE_NOT_ALLOWED)', async () => {
    const before = await snapshot();
    const inGas = await call(
      'reg',
      'POST',
      '/users',
      account({ username: 'user_x4', role: 'regulator', enterpriseId: world.gas.id }),
    );
    expect(inGas.statusCode).toBe(422);
    expect(inGas.json()).toMatchObject({ code: 'ROLE_NOT_ALLOWED', details: { field: 'role' } });
    const other = await createEnterprise(t.database, 'regulator', '另一个主管部门');
    const elsewhere = await call(
      'reg',
      'POST',
      '/users',
      account({ username: 'user_x5', role: 'regulator', enterpriseId: other.id }),
    );
    expect(elsewhere.json().code).toBe('ROLE_NOT_ALLOWED');
    const agentAtRegulator = await call(
      'reg',
      'POST',
      '/users',
      account({ username: 'user_x6', role: 'agent' }),
    );
    expect(agentAtRegulator.json().code).toBe('ROLE_NOT_ALLOWED');
    expect(await snapshot()).toEqual(before);

    const colleague = await call('reg', 'POST', '/users', account({ username: 'reg2', role: 'regulator' }));
    expect(colleague.statusCode).toBe(201);
    expect(colleague.json()).toMatchObject({ role: 'regulator', enterpriseId: world.regulator.id });
    const heatAdmin = await call(
      'reg',
      'POST',
      '/users',
      account({ username: 'heat_admin2', role: 'enterprise_admin', enterpriseId: world.heat.id }),
    );
    expect(heatAdmin.statusCode).toBe(201);
  });

  it('the password policy applies (422 PASSWORD_POLICY) and a taken username is 409 DUPLICATE; nothing is written', async () => {
    const before = await snapshot();
    const weak = await call(
      'gas_admin',
      'POST',
      '/users',
      account({ username: 'weak_one', password: 'abcdefgh' }),
    );
    expect(weak.statusCode).toBe(422);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    const taken = await call('heat_admin', 'POST', '/users', account({ username: 'gas_agent' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'username' } });
    const unknown = await call(
      'reg',
      'POST',
      '/users',
      account({ username: 'user_x7', enterpriseId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('validation: unknown fields, unknown roles, bad usernames and wrong types are 400 VALIDATION_FAILED', async () => {
    const before = await snapshot();
    const bodies = [
      account({ username: 'v1', passwordHash: 'x' }),
      account({ username: 'v2', role: 'superuser' }),
      account({ username: 'a b' }),
      account({ username: 'v3', displayName: 42 }),
      { username: 'v4', password: PASSWORD },
    ];
    for (const body of bodies) {
      const res = await call('gas_admin', 'POST', '/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('a login linked to its staff record', () => {
  const record = async (enterpriseId: string, name: string, badge: string) =>
    String(
      (
        await t.database.executeSql(
          `insert into staff (enterprise_id, name, badge_no, employee_no, post) values ($1, $2, $3, $3, '维修工') returning id`,
          [enterpriseId, name, badge],
        )
      ).rows[0]!.id,
    );

  it('G-5.6.1 the expired certificate of the linked record blocks the dispatch; unlinked, the name alone proves nothing', async () => {
    const tech = (
      await call(
        'gas_admin',
        'POST',
        '/users',
        account({ username: 'tech_li', role: 'technician', displayName: '李强' }),
      )
    ).json();
    const li = await record(world.gas.id, '李强', 'RQ-301');
    await t.database.executeSql(
      `insert into certificates (staff_id, enterprise_id, name, number, issuer, issued_on, expires_on)
       values ($1, $2, '燃气作业人员证', 'RQ-EXP', '淄博市住建局', '2020-01-01', '2021-01-01')`,
      [li, world.gas.id],
    );
    const unavailable = async () =>
      (
        (await call('gas_admin', 'GET', '/work-orders/assignees?purpose=dispatch')).json().items as {
          id: string;
          unavailable: { zh: string } | null;
        }[]
      ).find((p) => p.id === tech.id)!.unavailable;
    expect(await unavailable()).toBeNull(); // same name, but not linked: not his record
    const linked = await call('gas_admin', 'PUT', `/users/${tech.id}/staff`, { staffId: li });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ staffId: li, staffName: '李强', badgeNo: 'RQ-301' });
    expect((await unavailable())?.zh).toContain('资格证书已过期');
    const { rows } = await t.database.executeSql(
      `select after::text as after from audit_events where action = 'user.staff_link' and entity_id = $1`,
      [tech.id],
    );
    expect(rows[0]!.after).toContain(li);
  });

  it('a record of another enterprise, or one already linked, is refused and nothing changes', async () => {
    const other = await record(world.heat.id, '赵敏', 'RR-1');
    const agent = (await call('gas_admin', 'GET', '/users'))
      .json()
      .items.find((u: { username: string }) => u.username === 'gas_agent');
    const foreign = await call('gas_admin', 'PUT', `/users/${agent.id}/staff`, { staffId: other });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({ code: 'STAFF_NOT_LINKABLE', details: { field: 'staffId' } });
    const taken = await call(
      'gas_admin',
      'POST',
      '/users',
      account({
        username: 'tech_li2',
        staffId: (await call('gas_admin', 'GET', '/users'))
          .json()
          .items.find((u: { username: string }) => u.username === 'tech_li').staffId,
      }),
    );
    expect(taken.statusCode).toBe(409);
    expect(await count(`select count(*)::int as n from users where username = 'tech_li2'`)).toBe(0);
    const other2 = await call('heat_admin', 'PUT', `/users/${agent.id}/staff`, { staffId: null });
    expect(other2.statusCode).toBe(403);
  });
});
