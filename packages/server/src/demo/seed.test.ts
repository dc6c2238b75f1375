import { creditCodeProblem, isValidPhone } from '@ranre/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { ENTERPRISE_KINDS } from '../modules/platform/enterprises/enterprises.schemas.ts';
import { seedDemo, type DemoLogin } from './seed.ts';

let t: TestApp;
let first: { created: boolean; logins: DemoLogin[] };
const messages: string[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  first = await seedDemo(t.database, t.ctx.now(), (m) => messages.push(m));
}, 240_000); // the whole demo (a year of readings and bills, a heating season) takes ~12 s on a quiet machine
afterAll(() => t.close());

const rows = async (sql: string) => (await t.database.executeSql(sql)).rows;
const counts = async () =>
  (
    await rows(`select (select count(*) from enterprises)::int as enterprises, (select count(*) from staff)::int as staff,
      (select count(*) from certificates)::int as certificates, (select count(*) from users)::int as users,
      (select count(*) from audit_events)::int as audit`)
  )[0];

describe('demo seed', () => {
  it('creates the regulator and an enterprise of every kind, each with a valid credit code, phones, address and service points', async () => {
    expect(first.created).toBe(true);
    expect(messages.join('\n')).toMatch(/demo data created/);
    const list = await rows(
      'select name, kind, credit_code, hotline, supervision_phone, address, service_points from enterprises',
    );
    expect(new Set(list.map((e) => e.kind))).toEqual(new Set(ENTERPRISE_KINDS));
    expect(list.filter((e) => e.kind === 'pipeline_gas')).toHaveLength(2);
    expect(list.filter((e) => e.kind === 'heating')).toHaveLength(2);
    expect(list.find((e) => e.kind === 'regulator')!.name).toBe('淄博市住房和城乡建设局');
    for (const e of list) {
      expect(creditCodeProblem(e.credit_code as string), `${e.name}`).toBeNull();
      expect(isValidPhone(e.hotline as string) && isValidPhone(e.supervision_phone as string)).toBe(true);
      expect(e.address).toMatch(/^淄博市(张店区|淄川区|博山区|临淄区|周村区|桓台县|高青县|沂源县|高新区)/);
      const points = e.service_points as { name: string; address: string; hours: string }[];
      expect(points.length).toBeGreaterThanOrEqual(1);
      expect(points.length).toBeLessThanOrEqual(3);
      expect(points.every((p) => p.name && p.address && p.hours)).toBe(true);
      if (e.kind !== 'regulator') {
        expect(e.name, 'fictional companies are labelled demo').toContain('示范');
        expect(e.hotline).toMatch(/^0533-/);
      }
    }
  });

  it('the demo: every company has 6–15 staff with unique badges, a post and a valid mobile phone', async () => {
    const perCompany =
      await rows(`select e.name, count(s.id)::int as n, count(distinct s.badge_no)::int as badges
      from enterprises e left join staff s on s.enterprise_id = e.id where e.kind <> 'regulator' group by e.name`);
    expect(perCompany).toHaveLength(8);
    for (const c of perCompany) {
      expect(c.n as number, `${c.name}`).toBeGreaterThanOrEqual(6);
      expect(c.n as number).toBeLessThanOrEqual(15);
      expect(c.badges).toBe(c.n);
    }
    const people = await rows('select name, post, phone from staff');
    expect(
      people.every(
        (p) =>
          /^[\u4e00-\u9fa5]{2,3}$/.test(p.name as string) &&
          p.post &&
          /^1[3-9]\d{9}$/.test(p.phone as string),
      ),
    ).toBe(true);
    expect(people.map((p) => p.post)).toEqual(
      expect.arrayContaining(['客服坐席', '调度员', '维修工', '安检员', '收费员']),
    );
  });

  it('the demo: every company has certificates expiring within 30 days and one already expired', async () => {
    const cookie = await t.login('regulator', 'Ranre@2026');
    const res = await t.app.inject({ url: '/api/certificates/expiring?days=30', headers: { cookie } });
    const items = res.json().items as {
      enterpriseName: string;
      daysLeft: number;
      issuedOn: string;
      expiresOn: string;
    }[];
    const companies = (await rows(`select name from enterprises where kind <> 'regulator'`)).map(
      (r) => r.name as string,
    );
    for (const name of companies) {
      const mine = items.filter((i) => i.enterpriseName === name);
      expect(
        mine.filter((i) => i.daysLeft < 0),
        name,
      ).toHaveLength(1);
      expect(mine.filter((i) => i.daysLeft >= 0 && i.daysLeft <= 30).length, name).toBeGreaterThanOrEqual(1);
    }
    expect(items.every((i) => i.issuedOn < i.expiresOn)).toBe(true);
    const later = await rows(`select count(*)::int as n from certificates where expires_on > '2026-04-30'`);
    expect(later[0]!.n as number).toBeGreaterThan(0);
  });

  it('the demo logins sign in with Ranre@2026, with the roles and enterprises they are listed with', async () => {
    expect(first.logins.map((l) => l.username)).toEqual([
      'regulator',
      'gas_admin',
      'gas_agent',
      'gas_dispatcher',
      'gas_tech',
      'gas_inspector',
      'gas_billing',
      'heat_admin',
      'heat_agent',
      'heat_dispatcher',
      'heat_tech',
      'lpg_admin',
      'lpg_agent',
      'lpg_courier',
      'resident',
      'heat_resident',
      'appl_admin',
      'appl_tech',
      'appl_tester',
      'cng_admin',
      'cng_attendant',
    ]);
    for (const l of first.logins) {
      expect(l.password).toBe('Ranre@2026');
      const cookie = await t.login(l.username, l.password);
      const me = (await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json().user;
      expect(me, l.username).toMatchObject({
        username: l.username,
        role: l.role,
        enterpriseName: l.enterprise,
      });
    }
    const hashes = await rows('select count(distinct password_hash)::int as n from users');
    expect(hashes[0]!.n).toBe(1);
  });

  it('records one seed.demo audit event, and running it again creates nothing', async () => {
    const audit = await rows(`select actor_name, after from audit_events where action = 'seed.demo'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_name: 'system', after: { label: '演示数据 / demo data' } });
    const before = await counts();
    const again = await seedDemo(t.database, t.ctx.now());
    expect(again).toEqual({ created: false, logins: [] });
    expect(await counts()).toEqual(before);
  });

  it('two processes seeding at once create the demo data once', async () => {
    const u = await buildTestApp();
    try {
      const results = await Promise.all([
        seedDemo(u.database, u.ctx.now()),
        seedDemo(u.database, u.ctx.now()),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const n = (
        await u.database.executeSql(`select count(*)::int as n from enterprises where kind = 'regulator'`)
      ).rows[0]!.n;
      expect(n).toBe(1);
    } finally {
      await u.close();
    }
  }, 240_000);
});
