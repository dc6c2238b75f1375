import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, testCreditCode, type TestApp } from '../../../testing/harness.ts';
import { eq } from 'drizzle-orm';
import { enterprises } from '../../../db/schema.ts';
import { noticeBaseOf } from '../../gas/billing-runs/context.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedTestWorld>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  world = await seedTestWorld(t.database);
  for (const u of ['reg', 'gas_admin', 'gas_agent', 'heat_admin']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, lang = 'zh') =>
  t.app.inject({
    method,
    url: `/api${url}`,
    headers: { cookie: cookies[who]!, 'accept-language': lang },
    payload,
  });

const count = async (sql: string) => Number((await t.database.executeSql(sql)).rows[0]!.n);
const snapshot = async () => ({
  enterprises: await count('select count(*)::int as n from enterprises'),
  audit: await count('select count(*)::int as n from audit_events'),
  versions: await count('select sum(version)::int as n from enterprises'),
});

const input = (over: Record<string, unknown> = {}) => ({
  name: '淄博示范热力销售有限公司',
  kind: 'heating_reseller',
  creditCode: testCreditCode(),
  hotline: '0533-3168000',
  supervisionPhone: '0533-3186000',
  address: '淄博市高新区青龙山路 17 号',
  servicePoints: [
    { name: '高新区客服中心', address: '高新区青龙山路 17 号', hours: '周一至周日 8:30-17:30' },
  ],
  ...over,
});

describe('enterprise register', () => {
  it('G-4.2.3, H-7.1.1: the regulator registers an enterprise with hotline, supervision phone and service points, audited', async () => {
    const res = await call('reg', 'POST', '/enterprises', input());
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      kind: 'heating_reseller',
      hotline: '0533-3168000',
      supervisionPhone: '0533-3186000',
      version: 1,
    });
    expect(e.servicePoints).toEqual([
      {
        name: '高新区客服中心',
        address: '高新区青龙山路 17 号',
        hours: '周一至周日 8:30-17:30',
        takesPayments: true,
      },
    ]);
    const { rows } = await t.database.executeSql(
      `select actor_name, enterprise_id, before, after from audit_events where action = 'enterprise.create' and entity_id = $1`,
      [e.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_name: 'reg', enterprise_id: e.id, before: null });
    expect(rows[0]!.after).toMatchObject({ name: e.name, creditCode: e.creditCode });
  });

  it('accepts a lower-case credit code and stores it in capitals', async () => {
    const code = testCreditCode();
    const res = await call('reg', 'POST', '/enterprises', input({ creditCode: ` ${code.toLowerCase()} ` }));
    expect(res.statusCode).toBe(201);
    expect(res.json().creditCode).toBe(code);
  });

  it('scoping: the regulator reads every enterprise, others only their own', async () => {
    const all = (await call('reg', 'GET', '/enterprises')).json().items;
    expect(all.map((e: { id: string }) => e.id)).toEqual(
      expect.arrayContaining([world.regulator.id, world.gas.id, world.heat.id]),
    );
    expect(all[0].kind).toBe('regulator');
    const own = (await call('gas_agent', 'GET', '/enterprises')).json().items;
    expect(own.map((e: { id: string }) => e.id)).toEqual([world.gas.id]);
    expect((await call('gas_agent', 'GET', `/enterprises/${world.gas.id}`)).json().name).toBe('测试燃气公司');
    expect((await call('reg', 'GET', `/enterprises/${world.heat.id}`)).statusCode).toBe(200);
  });

  it('scoping: a gas agent cannot read or patch the heating company (404, as if it did not exist)', async () => {
    const read = await call('gas_agent', 'GET', `/enterprises/${world.heat.id}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().code).toBe('NOT_FOUND');
    const before = await snapshot();
    expect(
      (await call('gas_admin', 'PATCH', `/enterprises/${world.heat.id}`, { hotline: '0533-1111111' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('gas_agent', 'PATCH', `/enterprises/${world.heat.id}`, { hotline: '0533-1111111' }))
        .statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('role checks: only the regulator registers; an agent cannot edit even his own enterprise', async () => {
    const before = await snapshot();
    const admin = await call('gas_admin', 'POST', '/enterprises', input());
    expect(admin.statusCode).toBe(403);
    expect(admin.json().code).toBe('FORBIDDEN');
    const agent = await call('gas_agent', 'PATCH', `/enterprises/${world.gas.id}`, {
      hotline: '0533-1111111',
    });
    expect(agent.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('CREDIT_CODE_INVALID (GB 32100) says what is wrong: length, character or check character; nothing is written', async () => {
    const before = await snapshot();
    const good = testCreditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const cases: [string, string, RegExp][] = [
      [good.slice(0, 17), 'length', /18 characters; this one has 17/],
      [good.slice(0, 16) + 'I' + good[17], 'character', /may not contain: I/],
      [wrongCheck, 'check', /check character/],
    ];
    for (const [creditCode, problem, message] of cases) {
      const res = await call('reg', 'POST', '/enterprises', input({ creditCode }), 'en');
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'CREDIT_CODE_INVALID',
        details: { field: 'creditCode', problem },
      });
      expect(res.json().message).toMatch(message);
      expect(res.json().messages.zh).toContain('统一社会信用代码');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a duplicate credit code is refused with 409 DUPLICATE', async () => {
    const res = await call('reg', 'POST', '/enterprises', input({ creditCode: world.gas.creditCode }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'creditCode' } });
  });

  it('G-4.2.3: hotline and supervision phone must be dialable numbers (422 PHONE_INVALID)', async () => {
    const before = await snapshot();
    const bad = await call('reg', 'POST', '/enterprises', input({ hotline: '2345' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'hotline' } });
    const sup = await call('gas_admin', 'PATCH', `/enterprises/${world.gas.id}`, {
      supervisionPhone: 'call us',
    });
    expect(sup.json()).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'supervisionPhone' } });
    expect(await snapshot()).toEqual(before);
  });

  it('validation: unknown fields, wrong types, unknown kinds and bad ids are 400 VALIDATION_FAILED; nothing is written', async () => {
    const before = await snapshot();
    const bodies = [
      input({ owner: 'x' }),
      input({ kind: 'water' }),
      input({ hotline: 5331234567 }),
      input({ servicePoints: [{ name: 'a', address: 'b', hours: 'c', manager: 'd' }] }),
      input({ servicePoints: 'none' }),
      { name: '只有名字' },
    ];
    for (const body of bodies) {
      const res = await call('reg', 'POST', '/enterprises', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
      expect(res.json().details.length).toBeGreaterThan(0);
    }
    const patch = await call('gas_admin', 'PATCH', `/enterprises/${world.gas.id}`, {
      hotline: '0533-2222222',
      version: '1',
    });
    expect(patch.json().code).toBe('VALIDATION_FAILED');
    expect((await call('reg', 'GET', '/enterprises/not-a-uuid')).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});

describe('enterprise updates', () => {
  it('G-4.2.3: the enterprise admin keeps his published contacts current; the version goes up; audited with before/after', async () => {
    const res = await call('gas_admin', 'PATCH', `/enterprises/${world.gas.id}`, {
      hotline: '0533-2961000',
      servicePoints: [
        { name: '张店营业厅', address: '张店区共青团西路 58 号', hours: '周一至周日 8:30-17:30' },
      ],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hotline: '0533-2961000', version: 2 });
    const { rows } = await t.database.executeSql(
      `select before, after from audit_events where action = 'enterprise.update' and entity_id = $1`,
      [world.gas.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before).toMatchObject({ hotline: '0533-1234567', version: 1, servicePoints: [] });
    expect(rows[0]!.after).toMatchObject({ hotline: '0533-2961000', version: 2 });
  });

  it('G-6.2.7: a service point that takes no payments (a repair duty room) is kept as such and left off the notice', async () => {
    const res = await call(
      'reg',
      'POST',
      '/enterprises',
      input({
        kind: 'pipeline_gas',
        servicePoints: [
          { name: '张店营业厅', address: '张店区共青团西路 58 号', hours: '周一至周日 8:30-17:30' },
          {
            name: '24 小时抢修值班室',
            address: '张店区柳泉路 166 号',
            hours: '全天 24 小时',
            takesPayments: false,
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    expect(e.servicePoints.map((p: { takesPayments: boolean }) => p.takesPayments)).toEqual([true, false]);
    const [row] = await t.database.db.select().from(enterprises).where(eq(enterprises.id, e.id));
    const base = noticeBaseOf(row!);
    expect(base.payWhere).toBe('张店营业厅（张店区共青团西路 58 号）');
    expect(base.payWhen).not.toContain('值班室');
    // The notice is a customer's document in Chinese: no English beside the channels.
    expect(base.payHow).not.toMatch(/[A-Za-z]/);
  });

  it('a stale version is refused with 409 VERSION_CONFLICT and nothing is written', async () => {
    const before = await snapshot();
    const res = await call('gas_admin', 'PATCH', `/enterprises/${world.gas.id}`, {
      address: '张店区',
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2, sentVersion: 1 },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('name, kind and credit code are changed by the regulator only', async () => {
    const before = await snapshot();
    const res = await call('gas_admin', 'PATCH', `/enterprises/${world.gas.id}`, {
      name: '别的名字',
      kind: 'heating',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().details).toEqual({ fields: ['name', 'kind'] });
    expect(await snapshot()).toEqual(before);
    const reg = await call('reg', 'PATCH', `/enterprises/${world.heat.id}`, { name: '测试热力有限公司' });
    expect(reg.statusCode).toBe(200);
    expect(reg.json()).toMatchObject({ name: '测试热力有限公司', version: 2 });
  });

  it('an enterprise cannot be turned into the regulator (422), and a bad credit code is refused on update too', async () => {
    const before = await snapshot();
    const kind = await call('reg', 'PATCH', `/enterprises/${world.heat.id}`, { kind: 'regulator' });
    expect(kind.statusCode).toBe(422);
    expect(kind.json().code).toBe('ENTERPRISE_KIND_LOCKED');
    const code = await call('reg', 'PATCH', `/enterprises/${world.heat.id}`, { creditCode: '123' });
    expect(code.json().code).toBe('CREDIT_CODE_INVALID');
    const dup = await call('reg', 'PATCH', `/enterprises/${world.heat.id}`, {
      creditCode: world.gas.creditCode,
    });
    expect(dup.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it('an empty patch changes nothing and writes no audit event', async () => {
    const before = await snapshot();
    const res = await call('gas_admin', 'PATCH', `/enterprises/${world.gas.id}`, {});
    expect(res.statusCode).toBe(200);
    expect(await snapshot()).toEqual(before);
  });
});
