import { withIdCardCheckDigit } from '@ranre/domain';
import { expect } from 'vitest';
import { buildTestApp, createUser, seedTestWorld } from '../../../testing/harness.ts';

// Test data for the customer tests: a valid Zibo (张店区) ID number, complete contract terms, account builders.

export const ID = withIdCardCheckDigit('37030319850612123');
export const GAS_TERMS = {
  gasType: 'natural_gas',
  gasQuality: 'GB 17820-2018 一类天然气',
  calorificValueMJ: 35.6,
  pressureKPa: 2.0,
  flowM3h: 2.5,
  billingStandard: '居民阶梯气价（演示值）：一档 3.05 元/m³',
  settlementCycle: 'bimonthly',
  settlementMethod: 'prepaid_meter',
  facilityDuties: '表前设施由燃气公司维护，表后设施由用户负责',
  freeServices: '每年一次免费入户安检；免费提供安全用气咨询',
  dataProtection: '客户信息仅用于供气服务，未经同意不对外提供',
};
export const HEAT_TERMS = {
  medium: 'hot_water',
  supplyTempC: 85,
  returnTempC: 60,
  pressureMPa: 0.6,
  billingStandard: '按供热面积计费（演示值）：22.5 元/m²·采暖期',
  liability: '室温连续 24 小时低于 18℃ 时按日退费',
  penalty: '逾期缴费按日收取 0.05% 违约金',
  facilityDuties: '户内设施由用户维护，公共管网由热力公司维护',
  freeServices: '免费测温、免费维修户外管网',
  dataProtection: '客户信息仅用于供热服务',
};
let seq = 0;
export const account = (over: Record<string, unknown> = {}) => ({
  accountNo: `ZBG${String(++seq).padStart(6, '0')}`,
  kind: 'pipeline_urban_resident',
  name: '王海涛',
  idCard: ID,
  phone: '13805331234',
  premises: {
    district: '张店区',
    street: '华光路街道',
    community: '华光社区',
    building: '3',
    unit: '2',
    floor: 5,
    buildingFloors: 6,
    room: '502',
  },
  ...over,
});
export const heatAccount = (over: Record<string, unknown> = {}) =>
  account({
    accountNo: `ZBR${String(++seq).padStart(6, '0')}`,
    kind: 'heating_resident',
    premises: {
      district: '淄川区',
      street: '般阳路街道',
      community: '将军路社区',
      building: '7',
      unit: '1',
      floor: 2,
      buildingFloors: 6,
      room: '201',
      heatedAreaM2: 89.5,
      orientation: 'shaded',
      networkPosition: 'end',
      unitHeatUseRate: 85,
    },
    ...over,
  });

/** An app with the test world, every staff role of the gas company signed in, and helpers over the API. */
export async function customerTestWorld() {
  const t = await buildTestApp();
  const world = await seedTestWorld(t.database);
  const roles = [
    ['gas_dispatcher', 'dispatcher'],
    ['gas_tech', 'technician'],
    ['gas_inspector', 'inspector'],
    ['gas_billing', 'billing_clerk'],
    ['resident', 'resident'],
  ] as const;
  for (const [username, role] of roles) await createUser(t.database, world.gas.id, username, role);
  const cookies: Record<string, string> = {};
  for (const u of ['reg', 'gas_admin', 'gas_agent', 'heat_admin', 'heat_agent', ...roles.map((r) => r[0])]) {
    cookies[u] = await t.login(u);
  }
  const call = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who]! }, payload });
  const count = async (sql: string) => Number((await t.database.executeSql(sql)).rows[0]!.n);
  const snapshot = async () => ({
    customers: await count('select count(*)::int as n from customers'),
    premises: await count('select count(*)::int as n from premises'),
    contracts: await count('select count(*)::int as n from contracts'),
    audit: await count('select count(*)::int as n from audit_events'),
    versions: await count('select coalesce(sum(version), 0)::int as n from customers'),
  });
  /** POST /customers, expecting 201; the 360 view. */
  const open = async (who: string, body: object) => {
    const res = await call(who, 'POST', '/customers', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  return { t, world, call, snapshot, open };
}
