import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { premises } from '../../../db/schema.ts';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-12-05 09:00');
  const home = (customerId: string, community: string) => ({
    enterpriseId: w.world.gas.id,
    customerId,
    district: '张店区',
    community,
    address: `张店区${community}1号楼`,
  });
  await w.t.database.db
    .insert(premises)
    .values([home(w.customers.gas, '杏园小区'), home(w.customers.gas2, '华光小区')]);
});
afterAll(() => w.close());

const warning = (over: Record<string, unknown> = {}) => ({
  title: '寒潮用气高峰',
  body: '未来三天最低气温零下12度，请注意用气安全，勿私自改装燃气设施',
  communities: ['杏园小区'],
  channels: ['sms', 'web'],
  level: 4,
  ...over,
});
const messages = () =>
  w.count(`select count(*)::int as n from notifications where kind = 'emergency_warning'`);

describe('warnings to customers of an area (G-5.12.6)', () => {
  it('G-5.12.6 a warning reaches each household of the chosen communities once on the household channel', async () => {
    const res = await w.call('gas_admin', 'POST', '/emergency/warnings', warning());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ level: 4, important: false, reportedAt: null });
    expect(res.json().levels[0].households).toBe(1);
    expect(await messages()).toBe(1);
  });

  it('G-5.12.6 raising the level tells the households again, and a red warning is reported to the authority', async () => {
    const w1 = (
      await w.call('gas_admin', 'POST', '/emergency/warnings', warning({ communities: ['华光小区'] }))
    ).json();
    const before = await messages();
    const raised = await w.call('gas_admin', 'POST', `/emergency/warnings/${w1.id}/level`, {
      level: 1,
      reason: '气温再降',
    });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ level: 1, important: true });
    expect(raised.json().reportedAt).toBe(w.at('2026-12-05 09:00').toISOString());
    expect(await messages()).toBe(before + 1);
    const same = await w.call('gas_admin', 'POST', `/emergency/warnings/${w1.id}/level`, {
      level: 1,
      reason: '重复',
    });
    expect(same.json().code).toBe('WARNING_LEVEL_UNCHANGED');
    const lowered = await w.call('gas_admin', 'POST', `/emergency/warnings/${w1.id}/level`, {
      level: 3,
      reason: '回暖',
    });
    expect(lowered.json().levels.map((l: Detail) => l.level)).toEqual([4, 1, 3]);
    // The regulator sees it across enterprises; another enterprise neither sees nor changes it.
    expect(
      ((await w.call('reg', 'GET', '/emergency/warnings')).json().items as Detail[]).some(
        (x) => x.id === w1.id,
      ),
    ).toBe(true);
    expect((await w.call('heat_admin', 'GET', '/emergency/warnings')).json().items).toHaveLength(0);
    expect(
      (await w.call('heat_admin', 'POST', `/emergency/warnings/${w1.id}/level`, { level: 2, reason: 'x y' }))
        .statusCode,
    ).toBe(404);
    await expect(w.t.database.db.execute(sql`delete from emergency_warning_levels`)).rejects.toThrow();
  });
});
