import { idCardProblem, isValidPhone } from '@ranre/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccount, checkPremises, sectorOf } from '../modules/service/customers/customer-rules.ts';
import { checkContractTerms } from '../modules/service/customers/contract-terms.ts';
import { buildTestApp, createEnterprise, seedTestWorld, type TestApp } from '../testing/harness.ts';
import { demoAccounts, seedCustomers } from './seed-customers.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedTestWorld>>;
const NOW = new Date('2026-03-02T02:00:00Z');

beforeAll(async () => {
  t = await buildTestApp();
  world = await seedTestWorld(t.database);
});
afterAll(() => t.close());

describe('demo customers', () => {
  it('are deterministic: the same enterprises and date give the same accounts', () => {
    const e = { id: 'x', kind: 'pipeline_gas', name: '淄博临淄示范管道燃气有限公司' };
    expect(demoAccounts(e, 2, NOW)).toEqual(demoAccounts(e, 2, NOW));
    expect(demoAccounts(e, 1, NOW)).not.toEqual(demoAccounts(e, 2, NOW));
    const linzi = demoAccounts(e, 2, NOW).filter((a) => a.premises.district === '临淄区').length;
    expect(linzi).toBeGreaterThan(150); // the company's home district dominates
  });

  it('the demo: every account passes the rules the API applies; contracts complete; some special care', () => {
    for (const [kind, name] of [
      ['pipeline_gas', '淄博示范燃气有限公司'],
      ['heating', '淄博博山示范供热有限公司'],
    ] as const) {
      const accounts = demoAccounts({ id: 'x', kind, name }, 1, NOW);
      expect(accounts).toHaveLength(300);
      expect(new Set(accounts.map((a) => a.accountNo)).size).toBe(300);
      for (const a of accounts) {
        const { problems } = checkAccount(a, kind, NOW);
        expect([...problems, ...checkPremises(a.premises, sectorOf(a.kind))], a.accountNo).toEqual([]);
        expect(() => checkContractTerms(sectorOf(a.kind), a.contract.terms)).not.toThrow();
        if (a.idCard) expect(idCardProblem(a.idCard, NOW)).toBeNull();
        expect(isValidPhone(a.phone)).toBe(true);
      }
      expect(accounts.filter((a) => a.specialCare).length).toBeGreaterThan(3);
      expect(new Set(accounts.map((a) => a.kind)).size).toBe(kind === 'heating' ? 2 : 3);
    }
  });

  it('seedCustomers writes ~300 accounts per pipeline-gas and heating company, none for the others', async () => {
    const lpg = await createEnterprise(t.database, 'bottled_gas', '测试液化气公司');
    const counts = await t.database.db.transaction((tx) =>
      seedCustomers(tx, [world.regulator, world.gas, lpg, world.heat], NOW),
    );
    expect(counts).toEqual({ customers: 600, premises: 600, contracts: 600 });
    const { rows } = await t.database.executeSql(
      `select enterprise_id, count(*)::int as n from customers group by enterprise_id order by n`,
    );
    expect(rows.map((r) => r.n)).toEqual([300, 300]);
    const cookie = await t.login('gas_agent');
    const res = await t.app.inject({ url: '/api/customers?q=RQ00000123', headers: { cookie } });
    expect(res.json().items[0]).toMatchObject({
      accountNo: 'RQ00000123',
      idCard: expect.stringContaining('****'),
    });
    const view = await t.app.inject({ url: `/api/customers/${res.json().items[0].id}`, headers: { cookie } });
    expect(view.json().contracts[0].terms).toMatchObject({ calorificValueMJ: 35.59 });
  });
});
