import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterReadings } from '../../../db/schema.ts';
import { AREA_PRICE, heatingWorld, TWO_PART_PRICE, type HeatingWorld } from '../seasons/heating.fixtures.ts';

let w: HeatingWorld;
let seasonId: string;

beforeAll(async () => {
  w = await heatingWorld();
  w.at('2026-10-20 09:00');
  seasonId = (await w.season()).id;
  await w.json(
    'heat_admin',
    'POST',
    '/heating/prices',
    { customerClass: 'heating_resident', effectiveFrom: '2026-10-01', heating: AREA_PRICE },
    201,
  );
  await w.json(
    'heat_admin',
    'POST',
    '/heating/prices',
    {
      customerClass: 'heating_non_resident',
      effectiveFrom: '2026-10-01',
      heating: { method: 'area', fenPerM2PerSeason: 3000 },
    },
    201,
  );
  await w.json(
    'heat_admin',
    'POST',
    '/heating/prices',
    { customerClass: 'heating_non_resident', effectiveFrom: '2026-10-01', heating: TWO_PART_PRICE },
    201,
  );
  // Heat in Wh (kWh × 1000): 1000 kWh read on 12-10 and 2000 kWh on 12-20, inside the disputed period.
  await w.t.database.db.insert(meterReadings).values([
    {
      enterpriseId: w.world.heat.id,
      customerId: w.acc.metered,
      meterId: w.meterId,
      readOn: '2026-12-10',
      kind: 'remote',
      register: 1_000_000,
      usage: 1_000_000,
    },
    {
      enterpriseId: w.world.heat.id,
      customerId: w.acc.metered,
      meterId: w.meterId,
      readOn: '2026-12-20',
      kind: 'remote',
      register: 3_000_000,
      usage: 2_000_000,
    },
  ]);
  w.at('2026-11-01 09:00');
  await w.json('heat_admin', 'POST', `/heating/seasons/${seasonId}/billing-runs`, undefined, 201);
});
afterAll(() => w.close());

const dispute = (over: Record<string, unknown> = {}) => ({
  customerId: w.acc.metered,
  meterId: w.meterId,
  seasonId,
  disputedBy: 'customer',
  disputeFrom: '2026-12-01',
  disputeTo: '2026-12-30',
  description: '热表读数异常偏高',
  ...over,
});

describe('H-7.2.4 heat-meter disputes', () => {
  it('H-7.2.4: customer disputes, the meter fails → company pays the test; disputed days billed by area', async () => {
    w.at('2027-01-05 09:00');
    const d = await w.json('heat_admin', 'POST', '/heating/meter-disputes', dispute(), 201);
    const r = await w.json(
      'heat_admin',
      'POST',
      `/heating/meter-disputes/${d.id}/resolve`,
      {
        version: d.version,
        result: 'failed',
        testedOn: '2027-01-04',
        testAgency: '淄博市计量技术研究院',
        testFeeFen: 30_000,
      },
      200,
    );
    // Area fee 1000 m² × 30.00 元 = 30000 元; ÷ 120 legal days × 30 disputed days = 7500 元.
    expect(r).toMatchObject({
      testPaidBy: 'company',
      billing: 'area',
      disputedDays: 30,
      areaSeasonFeeFen: 3_000_000,
      disputedDaysFeeFen: 750_000,
    });
    const correction = (
      await w.t.database.executeSql(
        `select amount_fen, lines, kind from bills where id = '${r.correctionBillId}'`,
      )
    ).rows[0]!;
    // + 7500 元 − base 7500 元 × 30/120 (1875 元) − metered 3000 kWh × 0.28 元 (840 元) = 4785 元
    expect(correction.kind).toBe('correction');
    expect(correction.amount_fen).toBe(750_000 - 187_500 - 84_000);
    expect(
      await w.count(
        `select count(*)::int as n from ledger_entries where ref_type = 'bill' and ref_id = '${r.correctionBillId}' and amount_fen = ${750_000 - 187_500 - 84_000}`,
      ),
    ).toBe(1);
    // The company paid: nothing is charged to the customer for the test.
    expect(
      await w.count(`select count(*)::int as n from ledger_entries where ref_type = 'heat_meter_test'`),
    ).toBe(0);
    // Resolved once only.
    expect(
      (
        await w.call('heat_admin', 'POST', `/heating/meter-disputes/${d.id}/resolve`, {
          version: r.version,
          result: 'failed',
          testedOn: '2027-01-04',
          testAgency: 'x',
          testFeeFen: 0,
        })
      ).statusCode,
    ).toBe(422);
  });

  it('H-7.2.4: customer disputes and the meter passes → the customer pays the test, billing unchanged', async () => {
    const d = await w.json(
      'heat_admin',
      'POST',
      '/heating/meter-disputes',
      dispute({ disputeFrom: '2027-01-01', disputeTo: '2027-01-10' }),
      201,
    );
    const r = await w.json(
      'heat_admin',
      'POST',
      `/heating/meter-disputes/${d.id}/resolve`,
      {
        version: 1,
        result: 'passed',
        testedOn: '2027-01-12',
        testAgency: '淄博市计量技术研究院',
        testFeeFen: 30_000,
      },
      200,
    );
    expect(r).toMatchObject({
      testPaidBy: 'customer',
      billing: 'meter',
      correctionBillId: null,
      disputedDaysFeeFen: null,
    });
    expect(
      await w.count(
        `select count(*)::int as n from ledger_entries where ref_type = 'heat_meter_test' and amount_fen = 30000`,
      ),
    ).toBe(1);
  });

  it('H-7.2.4: the company disputes → the company pays whatever the result', async () => {
    const d = await w.json(
      'heat_admin',
      'POST',
      '/heating/meter-disputes',
      dispute({ disputedBy: 'company', disputeFrom: '2027-01-11', disputeTo: '2027-01-12' }),
      201,
    );
    const r = await w.json(
      'heat_admin',
      'POST',
      `/heating/meter-disputes/${d.id}/resolve`,
      {
        version: 1,
        result: 'passed',
        testedOn: '2027-01-13',
        testAgency: '淄博市计量技术研究院',
        testFeeFen: 30_000,
      },
      200,
    );
    expect(r.testPaidBy).toBe('company');
  });

  it('H-7.2.4: a period outside the season, a foreign meter or another enterprise is refused', async () => {
    const outside = await w.call(
      'heat_admin',
      'POST',
      '/heating/meter-disputes',
      dispute({ disputeTo: '2027-03-20' }),
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json().code).toBe('HEAT_METER_DISPUTE_PERIOD_INVALID');
    expect(
      (await w.call('heat_admin', 'POST', '/heating/meter-disputes', dispute({ customerId: w.acc.resident })))
        .statusCode,
    ).toBe(404);
    expect((await w.call('gas_admin', 'POST', '/heating/meter-disputes', dispute())).statusCode).toBe(422);
    expect(await w.json('gas_admin', 'GET', '/heating/meter-disputes')).toEqual([]);
    expect((await w.json('heat_admin', 'GET', '/heating/meter-disputes')).length).toBe(3);
  });
});
