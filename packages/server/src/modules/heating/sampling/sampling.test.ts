import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHouseholds, qualityWorld, type HouseholdSpec } from '../measurements/quality.fixtures.ts';
import type { OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
let seasons: Record<string, string>;
beforeAll(async () => {
  w = await qualityWorld();
  const { rows } = await w.t.database.executeSql('select id, period from heating_seasons');
  seasons = Object.fromEntries(rows.map((r) => [String(r.period), String(r.id)]));
  // An ample population: 3 positions × 2 orientations × 6 floors, 8 units of each position.
  const specs: HouseholdSpec[] = [];
  for (const networkPosition of ['near', 'middle', 'end'] as const)
    for (let u = 0; u < 8; u++)
      for (let floor = 1; floor <= 6; floor++)
        for (const orientation of ['sunny', 'shaded'] as const)
          specs.push({
            networkPosition,
            orientation,
            floor,
            buildingFloors: 6,
            unit: `${networkPosition}-${u}`,
          });
  await addHouseholds(w, specs);
});
afterAll(() => w.close());

const plan = async (body: object, who = 'heat_admin') => {
  const res = await w.call(who, 'POST', '/sampling/plans', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const householdsOf = async (id: string) =>
  (await w.call('heat_admin', 'GET', `/sampling/plans/${id}/households?limit=2000`)).json().items as {
    id: string;
    premisesId: string;
    networkPosition: string;
    orientation: string;
    floorBand: string;
    address: string;
    assignedOn: string | null;
    measurerId: string | null;
  }[];

describe('room-temperature sampling plan through the API', () => {
  it('H-5.4.2: the plan meets near 20 / middle 30 / end 50, shaded 60 / sunny 40, upper 30 / middle 30 / lower 40', async () => {
    const p = await plan({ seasonId: seasons['2025-2026'], size: 40, seed: 7 });
    expect(p.selectedCount).toBe(40);
    expect(p.shortfalls).toEqual([]);
    const got = (dim: string, value: string) =>
      p.quotas.find((q: { dimension: string; value: string }) => q.dimension === dim && q.value === value);
    expect(got('networkPosition', 'near')).toMatchObject({ target: 8, achieved: 8 });
    expect(got('networkPosition', 'end')).toMatchObject({ target: 20, achieved: 20 });
    expect(got('orientation', 'shaded')).toMatchObject({ target: 24, achieved: 24 });
    expect(got('floorBand', 'lower')).toMatchObject({ target: 16, achieved: 16 });
    const hh = await householdsOf(p.id);
    expect(hh).toHaveLength(40);
    expect(hh.filter((h) => h.floorBand === 'upper')).toHaveLength(12);
  });

  it('H-5.4.3: at most 3 per building unit, and none sampled in the previous season', async () => {
    const previous = await w.call('heat_admin', 'GET', `/sampling/plans?seasonId=${seasons['2025-2026']}`);
    const prevPlan = previous.json().items[0];
    const before = new Set((await householdsOf(prevPlan.id)).map((h) => h.premisesId));
    const p = await plan({ size: 60, seed: 11 }); // default: the season today (2026-12-10) falls in
    expect(p.seasonId).toBe(seasons['2026-2027']);
    expect(p.excludedLastSeason).toBe(40);
    const hh = await householdsOf(p.id);
    expect(hh.some((h) => before.has(h.premisesId))).toBe(false);
    const perUnit = new Map<string, number>();
    for (const h of hh) {
      const unit = h.address.replace(/单元.*/, '');
      perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
    }
    expect(Math.max(...perUnit.values())).toBeLessThanOrEqual(3);
  });

  it('H-5.4.2: a quota the population cannot meet is reported with the missing amount, not bent', async () => {
    // 24 units × 3 = 72 at most; ask for 100 → the total and every mix fall short, each said with its number.
    const p = await plan({ size: 100, seed: 3 });
    expect(p.selectedCount).toBeLessThanOrEqual(72);
    const total = p.shortfalls.find((s: { dimension: string }) => s.dimension === 'total');
    expect(total).toMatchObject({ target: 100, achieved: p.selectedCount, missing: 100 - p.selectedCount });
    expect(total.zh).toMatch(/H-5\.4\.3\/H-5\.4\.4/);
    for (const s of p.shortfalls) expect(s.missing).toBe(s.target - s.achieved);
  });

  it('H-5.4.4: households get dates and measurers, one by one or spread over the days', async () => {
    const p = await plan({ size: 12, seed: 5 });
    const hh = await householdsOf(p.id);
    const bad = await w.call('heat_admin', 'POST', `/sampling/plans/${p.id}/assign`, {
      householdIds: [hh[0]!.id],
      assignedOn: '2026-12-12',
      measurerId: w.ids.heat_agent,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('MEASURER_INVALID');
    const one = await w.call('heat_admin', 'POST', `/sampling/plans/${p.id}/assign`, {
      householdIds: [hh[0]!.id, hh[1]!.id],
      assignedOn: '2026-12-12',
      measurerId: w.ids.heat_tech,
    });
    expect(one.json()).toEqual({ updated: 2 });
    const auto = await w.call('heat_admin', 'POST', `/sampling/plans/${p.id}/auto-assign`, {
      measurerIds: [w.ids.heat_tech],
      startOn: '2026-12-13',
      perDay: 4,
    });
    expect(auto.json()).toEqual({ updated: 10, lastDay: '2026-12-15' });
    const after = await householdsOf(p.id);
    expect(after.every((h) => h.measurerId === w.ids.heat_tech && h.assignedOn)).toBe(true);
    const tasks = await w.call('heat_tech', 'GET', '/measurements/tasks');
    expect(tasks.json().sampled).toHaveLength(12);
  });

  it('other enterprises do not see the plan; a technician may not make one', async () => {
    const list = await w.call('gas_admin', 'GET', '/sampling/plans');
    expect(list.json().items).toEqual([]);
    const res = await w.call('heat_tech', 'POST', '/sampling/plans', { size: 5 });
    expect(res.statusCode).toBe(403);
  });
});
