import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderWorld } from '../../service/workorders/testing.ts';
import { snapshot } from '../../service/workorders/testing.ts';
import { addHouseholds, CONDITIONS, FULL_PROTOCOL, measurement, qualityWorld } from './quality.fixtures.ts';

let w: OrderWorld;
let full: string; // heat-use rate 80 %
let partial: string; // 50 %
let low: string; // 20 %
let gasPremises: string;
beforeAll(async () => {
  w = await qualityWorld();
  [full, partial, low] = (await addHouseholds(w, [{ rate: 80 }, { rate: 50 }, { rate: 20 }])) as [
    string,
    string,
    string,
  ];
  const { rows } = await w.t.database.executeSql(
    `insert into premises (enterprise_id, customer_id, district, address)
     values ($1, $2, '张店区', '燃气用户地址') returning id`,
    [w.world.gas.id, w.customers.gas],
  );
  gasPremises = String(rows[0]!.id);
});
afterAll(() => w.close());

let minute = 0;
/** Each measurement a minute after the last, so "the latest per household" is well defined. */
const record = async (body: object, who = 'heat_tech') => {
  minute += 1;
  w.at(
    `2026-12-10 ${String(10 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
  );
  return w.call(who, 'POST', '/measurements', body);
};
const outcome = async (body: object) => {
  const res = await record(body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('H-5.1 pass/fail from the unit heat-use rate', () => {
  it('H-5.1: ≥ 70 % needs 18 °C in bedroom and living room: 18.0 passes, 17.9 fails', async () => {
    expect((await outcome(measurement(full, [180, 185]))).outcome).toBe('pass');
    const fail = await outcome(measurement(full, [200, 179]));
    expect(fail).toMatchObject({
      outcome: 'fail',
      band: 'full',
      requiredTenths: 180,
      minDecisiveTenths: 179,
    });
    expect(fail.reasons.map((r: { code: string }) => r.code)).toContain('BELOW_REQUIRED');
  });
  it('H-5.1: 30–70 % uses the contract temperature, 18 °C where there is none', async () => {
    const withContract = await outcome(measurement(partial, [195], { contractTenths: 200 }));
    expect(withContract).toMatchObject({ outcome: 'fail', band: 'partial', requiredTenths: 200 });
    expect((await outcome(measurement(partial, [180]))).requiredTenths).toBe(180);
  });
  it('H-5.1: < 30 % — if the company heats, the contract temperature; if it declined, analysis only', async () => {
    expect(await outcome(measurement(low, [170], { contractTenths: 160 }))).toMatchObject({
      outcome: 'pass',
      band: 'low',
      requiredTenths: 160,
    });
    expect((await outcome(measurement(low, [120], { heatingProvided: false }))).outcome).toBe(
      'analysis_only',
    );
  });
  it('H-5.1: premises without a heat-use rate on file are refused with a reason', async () => {
    await w.t.database.executeSql('update premises set unit_heat_use_rate = null where id = $1', [low]);
    const res = await record(measurement(low, [190]));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('HEAT_USE_RATE_MISSING');
    await w.t.database.executeSql('update premises set unit_heat_use_rate = 20 where id = $1', [low]);
  });
});

describe('H-5.4.5 protocol and H-5.4.7 analysis only', () => {
  it('H-5.4.5: the checklist is stored; a missed item (sensor at 1.35 m) makes the reading analysis only', async () => {
    const res = await outcome(
      measurement(full, [150], { protocol: { ...FULL_PROTOCOL, sensorHeightMm: 1350, modifications: true } }),
    );
    expect(res.outcome).toBe('analysis_only');
    expect(res.reasons.map((r: { code: string }) => r.code)).toContain('PROTOCOL_SENSOR_HEIGHT');
    expect(res.protocol).toMatchObject({ modifications: true, customerSigned: true });
  });
  it('H-5.4.5: the customer signs, or the refusal is recorded; neither is refused and nothing is written', async () => {
    const before = await snapshot(w);
    const { signature: _s, ...unsigned } = measurement(full, [190]);
    const res = await record(unsigned);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SIGNATURE_REQUIRED');
    expect(await snapshot(w)).toEqual(before);
    const refused = await outcome({ ...unsigned, signatureRefusedReason: '用户外出，家属拒签' });
    expect(refused).toMatchObject({ outcome: 'analysis_only', signed: false });
  });
  it('H-5.4.7: outdoor temperature below the design minimum → analysis only, never pass or fail', async () => {
    const res = await outcome(
      measurement(full, [150], { conditions: { ...CONDITIONS, outdoorNotBelowDesign: false } }),
    );
    expect(res.outcome).toBe('analysis_only');
    expect(res.reasons[0].zh).toMatch(/H-5\.4\.7/);
  });
  it('premises of another enterprise, unknown fields and wrong roles are refused', async () => {
    expect((await record(measurement(gasPremises, [190]))).statusCode).toBe(404);
    expect((await record({ ...measurement(full, [190]), extra: 1 })).statusCode).toBe(400);
    expect((await record(measurement(full, [190]), 'heat_agent')).statusCode).toBe(403);
  });
});

describe('H-10.5.3 dashboard', () => {
  it('H-10.5.3: pass rate = passing ÷ measured households (latest decisive reading each), analysis only left out', async () => {
    const res = await w.call('heat_admin', 'GET', '/quality/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    // full: latest decisive is the fail (17.9); partial: latest is the 18.0 pass; low: 17.0 vs contract 16 pass.
    expect(d.households).toMatchObject({ measured: 3, passing: 2, percent: 66.67, meetsTarget: false });
    expect(d.target).toBe(99);
    expect(d.outcomes.analysis_only).toBe(4);
    expect(d.histogram.length).toBeGreaterThan(0);
    expect(d.districts).toEqual([
      expect.objectContaining({ district: '张店区', measured: 3, passing: 2, meetsTarget: false }),
    ]);
    const gas = await w.call('gas_admin', 'GET', '/quality/dashboard');
    expect(gas.json().households.measured).toBe(0);
  });
});
