import { drawHouseholds } from '@ranre/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';
import { addHouseholds } from '../inspections/inspections.fixtures.ts';

let w: OrderWorld;
let near: string[];
let far: string[];
beforeAll(async () => {
  w = await orderWorld();
  const homes = (community: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({
      kind: 'pipeline_urban_resident' as const,
      community,
      building: `${i + 1}号楼`,
    }));
  near = await addHouseholds(w, homes('华侨城', 6));
  far = await addHouseholds(w, homes('西河村', 6));
  w.at('2026-11-10 09:00');
});
afterAll(() => w.close());

const station = {
  name: '华光路调压站',
  gasType: 'natural_gas',
  nearCommunities: ['华侨城'],
  farCommunities: ['西河村'],
};
let stationId: string;
let draw: { id: string; seed: string; households: { customerId: string; position: string; name: string }[] };

describe('inlet pressure checks (G-6.2.15)', () => {
  it('G-6.2.15 an admin registers a station; a second with the same name is a conflict, a heating company is refused', async () => {
    const res = await w.call('gas_admin', 'POST', '/network-checks/stations', station);
    expect(res.statusCode, res.body).toBe(201);
    stationId = res.json().items[0].id;
    expect(res.json().items[0].near.state).toBe('due');
    expect((await w.call('gas_admin', 'POST', '/network-checks/stations', station)).statusCode).toBe(409);
    const heat = await w.call('heat_admin', 'POST', '/network-checks/stations', station);
    expect(heat.json().code).toBe('NETWORK_CHECK_NOT_PIPELINE');
    const extra = await w.call('gas_admin', 'POST', '/network-checks/stations', {
      ...station,
      name: 'x站',
      kpa: 2,
    });
    expect(extra.statusCode).toBe(400);
  });

  it('G-6.2.15 b) the households are drawn by the server at each end, and the kept seed draws them again', async () => {
    const res = await w.call('gas_inspector', 'POST', `/network-checks/stations/${stationId}/draws`, {
      perSide: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    draw = res.json();
    const drawnNear = draw.households.filter((h) => h.position === 'near').map((h) => h.customerId);
    const drawnFar = draw.households.filter((h) => h.position === 'far').map((h) => h.customerId);
    expect(drawnNear).toHaveLength(2);
    expect(drawnFar).toHaveLength(2);
    expect(drawnNear.every((id) => near.includes(id))).toBe(true);
    expect(drawnFar.every((id) => far.includes(id))).toBe(true);
    // the audit: the same seed over the same households gives the same draw
    expect(drawHouseholds(`${draw.seed}:near`, near, 2)).toEqual(drawnNear);
    // a seed from the client is not taken
    const forged = await w.call('gas_inspector', 'POST', `/network-checks/stations/${stationId}/draws`, {
      perSide: 2,
      seed: 'mine',
    });
    expect(forged.statusCode).toBe(400);
  });

  it('G-12.4.2.1 each check is judged against the gas type band; only drawn households, once each, never in the future', async () => {
    w.at('2026-11-10 12:00');
    const [a, b] = draw.households;
    const ok = await w.call('gas_inspector', 'POST', '/network-checks/pressure', {
      drawId: draw.id,
      customerId: a!.customerId,
      measuredPa: 2100,
      checkedAt: '2026-11-10T10:00:00+08:00',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ passed: true, minPa: 1500, maxPa: 3000 });
    const low = await w.call('gas_inspector', 'POST', '/network-checks/pressure', {
      drawId: draw.id,
      customerId: b!.customerId,
      measuredPa: 1200,
      checkedAt: '2026-11-10T10:30:00+08:00',
    });
    expect(low.json()).toMatchObject({ passed: false });
    const again = await w.call('gas_inspector', 'POST', '/network-checks/pressure', {
      drawId: draw.id,
      customerId: a!.customerId,
      measuredPa: 2500,
      checkedAt: '2026-11-10T10:40:00+08:00',
    });
    expect(again.statusCode).toBe(409);
    const outsider = near.find((id) => !draw.households.some((h) => h.customerId === id))!;
    const notDrawn = await w.call('gas_inspector', 'POST', '/network-checks/pressure', {
      drawId: draw.id,
      customerId: outsider,
      measuredPa: 2000,
      checkedAt: '2026-11-10T10:40:00+08:00',
    });
    expect(notDrawn.json().code).toBe('NETWORK_CHECK_NOT_DRAWN');
    const future = await w.call('gas_inspector', 'POST', '/network-checks/pressure', {
      drawId: draw.id,
      customerId: draw.households[2]!.customerId,
      measuredPa: 2000,
      checkedAt: '2026-11-11T10:00:00+08:00',
    });
    expect(future.statusCode).toBe(400);
    const count = await w.t.database.executeSql('select count(*)::int as n from pressure_checks');
    expect(Number(count.rows[0]!.n)).toBe(2);
  });

  it('G-6.2.15 the round of the two-month period is done at an end once checked there; the other end is still owed', async () => {
    w.at('2026-12-26 09:00');
    const s = (await w.call('gas_admin', 'GET', '/network-checks/stations')).json().items[0];
    // both checks were near ones (the draw lists near first); far is owed and the period ends 2027-01-01
    expect(s.near).toMatchObject({ from: '2026-11-01', to: '2027-01-01', state: 'done' });
    expect(s.far).toMatchObject({ state: 'due_soon' });
    w.at('2026-11-10 12:00');
  });

  it('G-12.4.2.1 the pass rate counts the checks of the period: 1 of 2, and the drill-down lists them', async () => {
    const d = (await w.call('reg', 'GET', '/evaluation?period=2026-11')).json();
    const ind = d.indicators.find((i: { id: string }) => i.id === 'gas_inlet_pressure_pass');
    const fig = ind.figures.find((f: { enterpriseId: string }) => f.enterpriseId === w.world.gas.id);
    expect(fig).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(ind.figures.some((f: { enterpriseId: string }) => f.enterpriseId === w.world.heat.id)).toBe(false);
    const dd = await w.call(
      'reg',
      'GET',
      `/evaluation/drilldown?period=2026-11&indicator=gas_inlet_pressure_pass&enterpriseId=${w.world.gas.id}`,
    );
    expect(dd.statusCode, dd.body).toBe(200);
    expect(dd.json().total).toBe(2);
  });

  it('the regulator reads the draw with names masked; another company cannot read it', async () => {
    const reg = (await w.call('reg', 'GET', `/network-checks/draws/${draw.id}`)).json();
    expect(reg.households[0].name).toMatch(/\*/);
    expect((await w.call('heat_admin', 'GET', `/network-checks/draws/${draw.id}`)).statusCode).toBe(404);
    expect((await w.call('heat_admin', 'GET', '/network-checks/stations')).json().items).toEqual([]);
  });
});

describe('odorant checks (G-6.2.16)', () => {
  it('G-6.2.16 a check is judged against the threshold in force, which the admin sets with its source', async () => {
    const first = await w.call('gas_inspector', 'POST', '/network-checks/odorant', {
      location: '西河村末端调压箱',
      measuredMgPerM3: 18,
      checkedAt: '2026-11-10T11:00:00+08:00',
      checkedBy: '化验室 张工',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().items[0]).toMatchObject({ passed: false, minMgPerM3: 20 });
    expect(first.json().round.state).toBe('done');
    const set = await w.call('gas_admin', 'POST', '/network-checks/odorant/threshold', {
      minMgPerM3: 15,
      source: '企业加臭作业指导书 2026 版',
    });
    expect(set.json()).toMatchObject({ minMgPerM3: 15 });
    expect(
      (
        await w.call('gas_inspector', 'POST', '/network-checks/odorant/threshold', {
          minMgPerM3: 1,
          source: 'xxxx',
        })
      ).statusCode,
    ).toBe(403);
    const second = await w.call('gas_inspector', 'POST', '/network-checks/odorant', {
      location: '西河村末端调压箱',
      measuredMgPerM3: 18,
      checkedAt: '2026-11-10T11:30:00+08:00',
      checkedBy: '化验室 张工',
    });
    const items = second.json().items;
    expect(items[0]).toMatchObject({
      passed: true,
      minMgPerM3: 15,
      thresholdSource: '企业加臭作业指导书 2026 版',
    });
    // the earlier check keeps the verdict it was given
    expect(items[1]).toMatchObject({ passed: false, minMgPerM3: 20 });
  });

  it('G-6.2.16 a month without a check is owed, flagged in its last week', async () => {
    w.at('2026-12-27 09:00');
    const res = (await w.call('gas_admin', 'GET', '/network-checks/odorant')).json();
    expect(res.round).toMatchObject({ from: '2026-12-01', state: 'due_soon', previousMissed: false });
    w.at('2026-11-10 12:00');
  });
});
