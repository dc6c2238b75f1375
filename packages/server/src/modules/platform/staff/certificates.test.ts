import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, type TestApp } from '../../../testing/harness.ts';

// The harness clock starts at 2026-03-02T02:00Z, which is 2026-03-02 10:00 in Zibo.
let t: TestApp;
let world: Awaited<ReturnType<typeof seedTestWorld>>;
const cookies: Record<string, string> = {};
const staffIds: Record<string, string> = {};

const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who]! }, payload });

async function addStaff(who: string, name: string) {
  const res = await call(who, 'POST', '/staff', { name, badgeNo: name, employeeNo: name, post: '维修工' });
  expect(res.statusCode, res.body).toBe(201);
  return (staffIds[name] = res.json().id as string);
}

async function addCert(
  who: string,
  staff: string,
  number: string,
  expiresOn: string,
  name = '燃气从业人员合格证明',
) {
  const res = await call(who, 'POST', `/staff/${staffIds[staff]}/certificates`, {
    name,
    number,
    issuer: '山东省住房和城乡建设厅',
    issuedOn: '2020-01-01',
    expiresOn,
  });
  expect(res.statusCode, res.body).toBe(201);
}

type Item = {
  number: string;
  daysLeft: number;
  staffName: string;
  enterpriseName: string;
  enterpriseId: string;
};
const expiring = async (who: string, query = '') => {
  const res = await call(who, 'GET', `/certificates/expiring${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Item[];
};

beforeAll(async () => {
  t = await buildTestApp();
  world = await seedTestWorld(t.database);
  for (const u of ['reg', 'gas_admin', 'gas_agent', 'heat_admin', 'heat_agent'])
    cookies[u] = await t.login(u);
  await addStaff('gas_admin', '王海涛');
  await addStaff('gas_admin', '张志强');
  await addStaff('heat_admin', '马振华');
  await addCert('gas_admin', '王海涛', 'in-18', '2026-03-20');
  await addCert('gas_admin', '王海涛', 'expired-10', '2026-02-20', '特种作业操作证');
  await addCert('gas_admin', '张志强', 'today-0', '2026-03-02');
  await addCert('gas_admin', '张志强', 'in-30', '2026-04-01', '特种设备作业人员证');
  await addCert('gas_admin', '张志强', 'in-31', '2026-04-02', '燃气燃烧器具安装维修人员培训合格证');
  await addCert('gas_admin', '张志强', 'next-year', '2027-03-02', '低压电工作业');
  await addCert('heat_admin', '马振华', 'heat-8', '2026-03-10');
});
afterAll(() => t.close());

describe('G-9.2.2: certificate expiry watch', () => {
  it('G-9.2.2: certificates expiring within 30 days are listed, expired ones with negative daysLeft, soonest first', async () => {
    const items = await expiring('gas_agent');
    expect(items.map((i) => [i.number, i.daysLeft])).toEqual([
      ['expired-10', -10],
      ['today-0', 0],
      ['in-18', 18],
      ['in-30', 30],
    ]);
    expect(items[0]).toMatchObject({
      staffName: '王海涛',
      enterpriseName: '测试燃气公司',
      enterpriseId: world.gas.id,
    });
  });

  it('the window is ?days= (0–365); outside it is 400', async () => {
    expect((await expiring('gas_agent', '?days=31')).map((i) => i.number)).toContain('in-31');
    expect((await expiring('gas_agent', '?days=0')).map((i) => i.number)).toEqual(['expired-10', 'today-0']);
    expect((await expiring('gas_agent', '?days=365')).map((i) => i.number)).toContain('next-year');
    for (const q of ['?days=366', '?days=-1', '?days=soon', '?days=3&x=1']) {
      const res = await call('gas_agent', 'GET', `/certificates/expiring${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('scoping: each enterprise sees its own; the regulator sees all, or one enterprise', async () => {
    expect((await expiring('heat_agent')).map((i) => i.number)).toEqual(['heat-8']);
    const all = await expiring('reg');
    expect(all.map((i) => i.number)).toEqual(['expired-10', 'today-0', 'heat-8', 'in-18', 'in-30']);
    expect((await expiring('reg', `?enterpriseId=${world.heat.id}`)).map((i) => i.number)).toEqual([
      'heat-8',
    ]);
    expect(
      (await call('gas_agent', 'GET', `/certificates/expiring?enterpriseId=${world.heat.id}`)).statusCode,
    ).toBe(403);
  });

  it('days are counted on the Zibo calendar (Asia/Shanghai), not UTC', async () => {
    const saved = t.ctx.now();
    try {
      t.setNow(new Date('2026-03-01T16:30:00Z')); // 2026-03-02 00:30 in Zibo, still 03-01 in UTC
      expect((await expiring('gas_agent')).find((i) => i.number === 'today-0')!.daysLeft).toBe(0);
      t.setNow(new Date('2026-03-01T15:59:00Z')); // 2026-03-01 23:59 in Zibo
      const items = await expiring('gas_agent');
      expect(items.find((i) => i.number === 'today-0')!.daysLeft).toBe(1);
      expect(items.find((i) => i.number === 'in-30')).toBeUndefined(); // 31 days away on 03-01
    } finally {
      t.setNow(saved);
    }
  });

  it('a renewed certificate replaces the expired one, and staff who left are not listed', async () => {
    await addCert('gas_admin', '王海涛', 'renewed', '2029-02-20', '特种作业操作证');
    expect((await expiring('gas_agent')).map((i) => i.number)).not.toContain('expired-10');
    const leaver = (
      await call('gas_admin', 'PATCH', `/staff/${staffIds['张志强']}`, { active: false })
    ).json();
    expect(leaver.active).toBe(false);
    expect((await expiring('gas_agent')).map((i) => i.number)).toEqual(['in-18']);
  });
});
