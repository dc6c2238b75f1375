import { parseShanghaiDateTime } from '@ranre/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createEnterprise, createUser, type TestApp } from '../testing/harness.ts';
import { seedCylinders } from './seed-cylinders.ts';
import { seedDeliveries } from './seed-deliveries.ts';

// Late in the evening, after the day's last fill: the demo still has work for the filling line and the couriers.
const NOW = parseShanghaiDateTime('2026-12-05 23:30');
let t: TestApp;
let counts: Awaited<ReturnType<typeof seedCylinders>>;
let delivered: Awaited<ReturnType<typeof seedDeliveries>>;
const one = async (q: string) => (await t.database.executeSql(q)).rows[0] as Record<string, number>;

beforeAll(async () => {
  t = await buildTestApp();
  t.setNow(NOW);
  const lpg = await createEnterprise(t.database, 'bottled_gas', '测试液化气公司');
  await createUser(t.database, lpg.id, 'lpg_admin', 'enterprise_admin');
  await createUser(t.database, lpg.id, 'lpg_agent', 'agent');
  await createUser(t.database, lpg.id, 'lpg_courier', 'technician');
  counts = await t.database.db.transaction((tx) => seedCylinders(tx, lpg.id, NOW));
  delivered = await t.database.db.transaction((tx) => seedDeliveries(tx, lpg.id, NOW));
}, 400_000);
afterAll(() => t.close());

describe('bottled-gas demo data (issue 18)', () => {
  it('a register of thousands, a season of fills, scrapped codes and every kind of refusal', async () => {
    expect(counts.cylinders).toBe(3_000);
    expect(counts.fills).toBeGreaterThan(2_000);
    const s = await one(`select count(*) filter (where state in ('scrapped', 'disposed'))::int as scrapped,
      count(*) filter (where state = 'full')::int as full, count(*) filter (where next_inspection_on < '2026-12-05')::int as overdue
      from cylinders`);
    expect(s.scrapped).toBeGreaterThan(20);
    expect(s.full).toBeGreaterThan(10);
    expect(s.overdue).toBeGreaterThan(10);
    // Returned empties wait for tomorrow's fill, whatever the hour the demo was made; others are with customers.
    const out = await one(`select count(*) filter (where state = 'returned')::int as returned,
      count(*) filter (where state = 'with_customer')::int as with_customer from cylinders`);
    expect(out.returned).toBeGreaterThan(10);
    expect(out.with_customer).toBeGreaterThan(10);
    const reasons = (
      await t.database.executeSql(`select distinct reason from cylinder_fill_scans where outcome = 'refused'`)
    ).rows.map((r) => r.reason);
    expect(reasons.sort()).toEqual(['inspection_overdue', 'not_treated', 'scrapped', 'unregistered']);
    const rates =
      await one(`select count(*)::int as tested, count(*) filter (where outcome = 'pass')::int as passed
      from cylinder_fills where filled_at <= '${NOW.toISOString()}'`);
    expect(rates.passed! / rates.tested!).toBeGreaterThan(0.95);
    expect(rates.passed!).toBeLessThan(rates.tested!);
  });

  it('G-7.1.6 the demo’s full cylinders pass the fill check and its scrapped ones are refused', async () => {
    const cookie = await t.login('lpg_admin');
    const code = async (state: string) =>
      (
        await t.database.executeSql(
          `select code from cylinders where state = '${state}' order by code limit 1`,
        )
      ).rows[0]!.code as string;
    const scan = async (c: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/cylinder-fills/scans',
          headers: { cookie },
          payload: { code: c, station: '1号秤' },
        })
      ).json();
    expect(await scan(await code('returned'))).toMatchObject({ ok: true });
    expect(await scan(await code('scrapped'))).toMatchObject({ ok: false, reason: 'scrapped' });
  });

  it('G-7.2.1, G-7.1.14 a season of delivered orders with their cylinders, residue credits and today’s orders', async () => {
    expect(delivered.deliveries).toBeGreaterThan(30);
    expect(delivered.credited).toBeGreaterThan(0);
    const d = await one(`select count(*)::int as n, count(*) filter (where not installed)::int as declined,
      count(*) filter (where not on_time)::int as late, count(*) filter (where empty_cylinder_id is not null)::int as returns
      from cylinder_deliveries`);
    expect(d.declined).toBeGreaterThan(0);
    expect(d.late).toBeGreaterThan(0);
    expect(d.returns).toBeGreaterThan(10);
    const orders = await one(`select count(*) filter (where state = 'completed')::int as done,
      count(*) filter (where state = 'accepted')::int as open from work_orders where item_code = 'bottled_gas_delivery'`);
    expect(orders.done).toBe(delivered.deliveries);
    expect(orders.open).toBe(2);
    const credits = await one(`select count(*)::int as n, sum(amount_fen)::int as fen from ledger_entries
      where ref_type = 'cylinder_residue'`);
    expect(credits.n).toBe(delivered.credited);
    expect(credits.fen).toBeLessThan(0);
    // The courier's phone and the residue screen read them through the API.
    const cookie = await t.login('lpg_admin');
    const list = await t.app.inject({
      url: '/api/cylinder-deliveries?pendingResidue=true',
      headers: { cookie },
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().counts.deliveries).toBe(delivered.deliveries);
  });
});
