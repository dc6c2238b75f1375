import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-11-26 09:00');
});
afterAll(() => w.close());

const report = (over: Record<string, unknown> = {}) => ({
  testedOn: '2026-11-20',
  gasType: '天然气',
  composition: [
    { name: '甲烷', basisPoints: 9612 },
    { name: '乙烷', basisPoints: 210 },
    { name: '氮气', basisPoints: 95 },
  ],
  calorificKjPerM3: 35_590,
  supplyPressurePa: 2_000,
  testedBy: '淄博市燃气质量检测中心',
  ...over,
});
const publicInfo = async (id: string) =>
  (await w.t.app.inject({ method: 'GET', url: `/api/public/enterprises/${id}` })).json() as Detail;

describe('gas quality published to customers (G-5.1.8)', () => {
  it('G-5.1.8 a gas enterprise publishes type, composition, calorific value and pressure; the public page shows the latest', async () => {
    expect((await publicInfo(w.world.gas.id)).gasQuality).toBeNull();
    const first = await w.call('gas_admin', 'POST', '/gas-quality', report());
    expect(first.statusCode, first.body).toBe(201);
    const later = await w.call(
      'gas_admin',
      'POST',
      '/gas-quality',
      report({ testedOn: '2026-11-25', calorificKjPerM3: 35_420 }),
    );
    expect(later.statusCode).toBe(201);
    const shown = (await publicInfo(w.world.gas.id)).gasQuality;
    expect(shown).toMatchObject({
      testedOn: '2026-11-25',
      gasType: '天然气',
      calorificKjPerM3: 35_420,
      supplyPressurePa: 2_000,
      composition: expect.arrayContaining([{ name: '甲烷', basisPoints: 9612 }]),
    });
    // Another enterprise's page shows none of it; its own list has both, latest first.
    expect((await publicInfo(w.world.heat.id)).gasQuality).toBeNull();
    const own = (await w.call('gas_admin', 'GET', '/gas-quality')).json().items as Detail[];
    expect(own.map((r) => r.testedOn)).toEqual(['2026-11-25', '2026-11-20']);
    // Reports are never edited: a correction is a new test result.
    await expect(
      w.t.database.db.execute(
        sql`update gas_quality_reports set calorific_kj_per_m3 = 1 where id = ${first.json().id}::uuid`,
      ),
    ).rejects.toThrow();
  });

  it('G-5.1.8 refuses what is not a gas enterprise’s result or not possible, writing nothing', async () => {
    const before = (await w.call('gas_admin', 'GET', '/gas-quality')).json().items.length;
    const over = await w.call(
      'gas_admin',
      'POST',
      '/gas-quality',
      report({
        composition: [
          { name: '甲烷', basisPoints: 9800 },
          { name: '乙烷', basisPoints: 300 },
        ],
      }),
    );
    expect(over.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(
      (await w.call('gas_admin', 'POST', '/gas-quality', report({ testedOn: '2026-11-27' }))).statusCode,
    ).toBe(400);
    expect((await w.call('gas_admin', 'POST', '/gas-quality', report({ extra: 1 }))).statusCode).toBe(400);
    expect((await w.call('heat_admin', 'POST', '/gas-quality', report())).json().code).toBe(
      'GAS_QUALITY_NOT_GAS',
    );
    expect((await w.call('gas_agent', 'POST', '/gas-quality', report())).statusCode).toBe(403);
    expect((await w.call('gas_admin', 'GET', '/gas-quality')).json().items.length).toBe(before);
  });
});
