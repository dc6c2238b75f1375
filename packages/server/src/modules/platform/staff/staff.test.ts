import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, type TestApp } from '../../../testing/harness.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedTestWorld>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await buildTestApp();
  world = await seedTestWorld(t.database);
  for (const u of ['reg', 'gas_admin', 'gas_agent', 'heat_admin', 'heat_agent'])
    cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who]! }, payload });

const count = async (sql: string) => Number((await t.database.executeSql(sql)).rows[0]!.n);
const snapshot = async () => ({
  staff: await count('select count(*)::int as n from staff'),
  certificates: await count('select count(*)::int as n from certificates'),
  audit: await count('select count(*)::int as n from audit_events'),
  versions: await count('select coalesce(sum(version), 0)::int as n from staff'),
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (bytes: number) => {
  const b = Buffer.alloc(bytes, 7);
  Buffer.from(PNG_SIGNATURE).copy(b);
  return `data:image/png;base64,${b.toString('base64')}`;
};

let badge = 0;
const person = (over: Record<string, unknown> = {}) => {
  badge += 1;
  return {
    name: '王海涛',
    badgeNo: `RQ${badge}`,
    employeeNo: `E${badge}`,
    post: '维修工',
    phone: '13805331234',
    ...over,
  };
};

async function addStaff(who: string, over: Record<string, unknown> = {}) {
  const res = await call(who, 'POST', '/staff', person(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('staff registry', () => {
  it('G-5.6.1, G-5.6.4, H-7.6.1.3: staff registry keeps badge number, employee number, post and photo', async () => {
    const photo = png(2000);
    const s = await addStaff('gas_admin', {
      name: '孙晓燕',
      badgeNo: 'RQ001',
      employeeNo: 'RQ2019001',
      post: '客服坐席',
      photo,
    });
    expect(s).toMatchObject({
      enterpriseId: world.gas.id,
      enterpriseName: '测试燃气公司',
      name: '孙晓燕',
      badgeNo: 'RQ001',
      employeeNo: 'RQ2019001',
      post: '客服坐席',
      photo,
      active: true,
      version: 1,
      certificates: [],
    });
    const listed = (await call('gas_agent', 'GET', '/staff')).json().items;
    expect(listed.find((x: { id: string }) => x.id === s.id)).toMatchObject({ badgeNo: 'RQ001', photo });
    const { rows } = await t.database.executeSql(
      `select after from audit_events where action = 'staff.create' and entity_id = $1`,
      [s.id],
    );
    expect(rows[0]!.after).toMatchObject({ badgeNo: 'RQ001', employeeNo: 'RQ2019001', post: '客服坐席' });
    expect((rows[0]!.after as { photo: string }).photo).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('G-5.7.6, H-7.6.6.3: an agent sees masked phones; the enterprise admin and the regulator see them in full', async () => {
    const s = await addStaff('gas_admin', { phone: '13905339876' });
    const phoneSeenBy = async (who: string) =>
      (await call(who, 'GET', `/staff/${s.id}`)).json().phone as string;
    expect(await phoneSeenBy('gas_agent')).toBe('139****9876');
    expect(await phoneSeenBy('gas_admin')).toBe('13905339876');
    expect(await phoneSeenBy('reg')).toBe('13905339876');
    const list = (await call('gas_agent', 'GET', '/staff')).json().items as { phone: string | null }[];
    expect(list.every((x) => x.phone === null || x.phone.includes('****'))).toBe(true);
  });

  it('scoping: a gas agent cannot read or patch heating staff; the regulator reads all and can filter', async () => {
    const heat = await addStaff('heat_admin', { name: '马振华' });
    expect((await call('gas_agent', 'GET', `/staff?enterpriseId=${world.heat.id}`)).statusCode).toBe(403);
    expect((await call('gas_agent', 'GET', `/staff/${heat.id}`)).statusCode).toBe(404);
    const own = (await call('gas_agent', 'GET', '/staff')).json().items as { enterpriseId: string }[];
    expect(own.every((x) => x.enterpriseId === world.gas.id)).toBe(true);
    const before = await snapshot();
    expect((await call('gas_admin', 'PATCH', `/staff/${heat.id}`, { post: '调度员' })).statusCode).toBe(404);
    expect((await call('gas_admin', 'POST', `/staff/${heat.id}/certificates`, cert())).statusCode).toBe(404);
    expect(await snapshot()).toEqual(before);
    const all = (await call('reg', 'GET', '/staff')).json().items as { enterpriseId: string }[];
    expect(new Set(all.map((x) => x.enterpriseId))).toEqual(new Set([world.gas.id, world.heat.id]));
    const heatOnly = (await call('reg', 'GET', `/staff?enterpriseId=${world.heat.id}`)).json().items;
    expect(heatOnly.map((x: { id: string }) => x.id)).toEqual([heat.id]);
  });

  it('role checks: an agent cannot create or edit staff (403); an admin cannot add staff to another enterprise', async () => {
    const s = await addStaff('gas_admin');
    const before = await snapshot();
    const agent = await call('gas_agent', 'POST', '/staff', person());
    expect(agent.statusCode).toBe(403);
    expect(agent.json().code).toBe('FORBIDDEN');
    expect((await call('gas_agent', 'PATCH', `/staff/${s.id}`, { active: false })).statusCode).toBe(403);
    expect((await call('gas_agent', 'POST', `/staff/${s.id}/certificates`, cert())).statusCode).toBe(403);
    expect(
      (await call('gas_admin', 'POST', '/staff', person({ enterpriseId: world.heat.id }))).statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
    const reg = await call('reg', 'POST', '/staff', person({ enterpriseId: world.heat.id, name: '吴丽娜' }));
    expect(reg.statusCode).toBe(201);
    expect(reg.json()).toMatchObject({ enterpriseId: world.heat.id, enterpriseName: '测试热力公司' });
  });

  it('validation: unknown fields and wrong types are 400 VALIDATION_FAILED; nothing is written', async () => {
    const before = await snapshot();
    for (const body of [
      person({ salary: 1 }),
      person({ active: 'yes' }),
      person({ badgeNo: 12 }),
      { name: '只有名字' },
    ]) {
      const res = await call('gas_admin', 'POST', '/staff', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const s = (await call('gas_admin', 'GET', '/staff')).json().items[0];
    const move = await call('gas_admin', 'PATCH', `/staff/${s.id}`, { enterpriseId: world.heat.id });
    expect(move.json().code).toBe('VALIDATION_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it('G-5.6.4: the badge photo is a PNG, JPEG or WebP of at most 300 KB; an oversize or fake image is refused', async () => {
    const before = await snapshot();
    const big = await call('gas_admin', 'POST', '/staff', person({ photo: png(301 * 1024) }));
    expect(big.statusCode).toBe(422);
    expect(big.json()).toMatchObject({ code: 'PHOTO_TOO_LARGE', details: { maxBytes: 300 * 1024 } });
    const fakes = [
      'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=',
      `data:image/jpeg;base64,${Buffer.from(PNG_SIGNATURE).toString('base64')}`,
      'https://example.com/a.png',
      'data:image/png;base64,@@@@',
    ];
    for (const photo of fakes) {
      const res = await call('gas_admin', 'POST', '/staff', person({ photo }));
      expect(res.statusCode, photo).toBe(422);
      expect(res.json().code).toBe('PHOTO_INVALID');
    }
    const phone = await call('gas_admin', 'POST', '/staff', person({ phone: '12' }));
    expect(phone.json()).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'phone' } });
    expect(await snapshot()).toEqual(before);
    expect((await call('gas_admin', 'POST', '/staff', person({ photo: png(300 * 1024) }))).statusCode).toBe(
      201,
    );
  });

  it('a badge number is unique within an enterprise (409 DUPLICATE) but may repeat in another', async () => {
    await addStaff('gas_admin', { badgeNo: 'DUP-1' });
    const dup = await call('gas_admin', 'POST', '/staff', person({ badgeNo: 'DUP-1' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('DUPLICATE');
    expect((await call('heat_admin', 'POST', '/staff', person({ badgeNo: 'DUP-1' }))).statusCode).toBe(201);
  });

  it('updates are versioned and audited with before/after; a stale version is 409 VERSION_CONFLICT', async () => {
    const s = await addStaff('gas_admin', { photo: png(500) });
    const res = await call('gas_admin', 'PATCH', `/staff/${s.id}`, {
      post: '抢修班长',
      photo: null,
      active: false,
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ post: '抢修班长', photo: null, active: false, version: 2 });
    const { rows } = await t.database.executeSql(
      `select before, after from audit_events where action = 'staff.update' and entity_id = $1`,
      [s.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.before).toMatchObject({ post: '维修工', active: true, version: 1 });
    expect(rows[0]!.after).toMatchObject({ post: '抢修班长', active: false, version: 2, photo: null });
    const before = await snapshot();
    const stale = await call('reg', 'PATCH', `/staff/${s.id}`, { post: '调度员', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect(await snapshot()).toEqual(before);
  });
});

let certSeq = 0;
function cert(over: Record<string, unknown> = {}) {
  certSeq += 1;
  return {
    name: '燃气经营企业从业人员专业培训考核合格证明',
    number: `RQ370303${certSeq}`,
    issuer: '山东省住房和城乡建设厅',
    issuedOn: '2023-03-20',
    expiresOn: '2026-03-20',
    ...over,
  };
}

describe('qualification certificates', () => {
  it('G-9.2.2: a certificate is registered against a staff member and shows on his record; audited', async () => {
    const s = await addStaff('gas_admin');
    const res = await call('gas_admin', 'POST', `/staff/${s.id}/certificates`, cert({ number: 'RQ-1' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      staffId: s.id,
      number: 'RQ-1',
      issuedOn: '2023-03-20',
      expiresOn: '2026-03-20',
    });
    const again = (await call('gas_agent', 'GET', `/staff/${s.id}`)).json();
    expect(again.certificates).toEqual([res.json()]);
    expect(
      await count(`select count(*)::int as n from audit_events where action = 'certificate.create'`),
    ).toBe(1);
  });

  it('a certificate must expire after it was issued (422), and dates must be real dates (400); nothing is written', async () => {
    const s = await addStaff('gas_admin');
    const before = await snapshot();
    const backwards = await call(
      'gas_admin',
      'POST',
      `/staff/${s.id}/certificates`,
      cert({ issuedOn: '2026-05-01', expiresOn: '2026-05-01' }),
    );
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('CERTIFICATE_DATES_INVALID');
    for (const expiresOn of ['2026-02-30', '2026/03/20', 20260320]) {
      const res = await call('gas_admin', 'POST', `/staff/${s.id}/certificates`, cert({ expiresOn }));
      expect(res.statusCode, String(expiresOn)).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });
});
