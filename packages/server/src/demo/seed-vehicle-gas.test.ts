import { parseShanghaiDateTime } from '@ranre/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createEnterprise, createUser, type TestApp } from '../testing/harness.ts';
import { seedVehicleGas } from './seed-vehicle-gas.ts';

const NOW = parseShanghaiDateTime('2026-12-05 10:00');
let t: TestApp;
let counts: Awaited<ReturnType<typeof seedVehicleGas>>;

beforeAll(async () => {
  t = await buildTestApp();
  t.setNow(NOW);
  const cng = await createEnterprise(t.database, 'vehicle_gas', '测试车用燃气公司');
  await createUser(t.database, cng.id, 'cng_admin', 'enterprise_admin');
  await createUser(t.database, cng.id, 'cng_attendant', 'technician');
  counts = await t.database.db.transaction((tx) => seedVehicleGas(tx, cng.id, NOW));
}, 120_000);
afterAll(() => t.close());

const get = async (url: string) => {
  const cookie = await t.login('cng_admin');
  return (await t.app.inject({ url: `/api${url}`, headers: { cookie } })).json();
};

describe('vehicle-gas demo data (issue 18)', () => {
  it('G-8.1.10 a season of fills with refusals for a wrong medium and an expired certificate, and reminders', async () => {
    expect(counts.vehicles).toBe(60);
    expect(counts.fills).toBeGreaterThan(1_500);
    const log = await get('/vehicle-fills?from=2026-09-06&to=2026-12-05');
    expect(log.counts.fills).toBe(counts.fills);
    expect(log.refusalCounts.map((r: { reason: string }) => r.reason)).toEqual([
      'certificate_expired',
      'medium_mismatch',
    ]);
    expect(log.counts.reminded).toBeGreaterThan(0);
    expect(log.counts.unregistered).toBeGreaterThan(0);
    expect(log.counts.leakFree).toBe(log.counts.fills - 1);
  });

  it('G-8.1.2 a dispenser near its due date, alerted; G-8.1.5 one leak being handled', async () => {
    const list = await get('/dispensers');
    expect(list.items.map((d: { state: string }) => d.state)).toEqual([
      'valid',
      'due_soon',
      'valid',
      'valid',
    ]);
    expect(list.alerts).toMatchObject([{ kind: 'dispenser_due' }]);
    const leaks = await get('/vehicle-leaks?state=open');
    expect(leaks.items).toHaveLength(1);
    expect(leaks.items[0]).toMatchObject({ state: 'owner_told', nextStep: 'handled', minutesToIsolate: 3 });
  });
});
