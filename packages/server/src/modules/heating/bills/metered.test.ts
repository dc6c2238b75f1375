import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, heatMeterDisputes, meterReadings, meters, premises } from '../../../db/schema.ts';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { AREA_PRICE, heatingWorld, TWO_PART_PRICE, type HeatingWorld } from '../seasons/heating.fixtures.ts';

// H-7.2.1 two-part tariff: the metered part is settled after the season, one bill per two-part account.

let w: HeatingWorld;
let seasonId: string;
const extra: Record<'disputed' | 'unread', string> = { disputed: '', unread: '' };
const url = () => `/heating/seasons/${seasonId}/metered-settlement`;
const kwh = (n: number) => n * 1000;

async function addMeteredAccount(accountNo: string, serialNo: string) {
  const db = w.t.database.db;
  const heat = w.world.heat.id;
  const [c] = await db
    .insert(customers)
    .values({
      enterpriseId: heat,
      accountNo,
      kind: 'heating_non_resident',
      name: `商户${accountNo}`,
      phone: '13905330009',
    })
    .returning();
  await db.insert(premises).values({
    enterpriseId: heat,
    customerId: c!.id,
    district: '张店区',
    address: `张店区人民路 ${accountNo} 号`,
    heatedAreaM2: '200.00',
  });
  const [m] = await db
    .insert(meters)
    .values({ enterpriseId: heat, customerId: c!.id, sector: 'heat', serialNo })
    .returning();
  return { customerId: c!.id, meterId: m!.id };
}

async function read(customerId: string, meterId: string, list: [string, number, string?][]) {
  let prev = 0;
  await w.t.database.db.insert(meterReadings).values(
    list.map(([readOn, register, kind]) => {
      const usage = register - prev;
      prev = register;
      return {
        enterpriseId: w.world.heat.id,
        customerId,
        meterId,
        readOn,
        kind: kind ?? 'remote',
        register,
        usage,
      };
    }),
  );
}

beforeAll(async () => {
  w = await heatingWorld();
  await createUser(w.t.database, w.world.heat.id, 'heat_clerk', 'billing_clerk');
  const other = await createEnterprise(w.t.database, 'heating', '另一热力公司');
  await createUser(w.t.database, other.id, 'heat2_admin', 'enterprise_admin');
  const disputed = await addMeteredAccount('RL0005', 'HM-0005');
  const unread = await addMeteredAccount('RL0006', 'HM-0006');
  extra.disputed = disputed.customerId;
  extra.unread = unread.customerId;
  w.at('2026-10-20 09:00');
  seasonId = (await w.season()).id;
  for (const [customerClass, heating] of [
    ['heating_resident', AREA_PRICE],
    ['heating_non_resident', TWO_PART_PRICE],
  ] as const) {
    await w.json(
      'heat_admin',
      'POST',
      '/heating/prices',
      { customerClass, effectiveFrom: '2026-10-01', heating },
      201,
    );
  }
  w.at('2026-10-30 09:00');
  await w.json('heat_admin', 'POST', `/heating/seasons/${seasonId}/billing-runs`, undefined, 201);
  // The metered account: opened the day before the season, closed on its last day; readings outside are ignored.
  await read(w.acc.metered, w.meterId, [
    ['2026-10-01', kwh(1_000)],
    ['2026-11-14', kwh(5_000)],
    ['2027-01-10', kwh(60_000)],
    ['2027-03-15', kwh(125_500) + 125],
    ['2027-03-20', kwh(126_000)],
  ]);
  await read(disputed.customerId, disputed.meterId, [
    ['2026-11-14', 0],
    ['2027-03-15', kwh(30_000)],
  ]);
  // Only an estimate at the end: the heat is not known, so nothing is billed.
  await read(unread.customerId, unread.meterId, [
    ['2026-11-14', 0],
    ['2027-03-15', kwh(20_000), 'estimated'],
  ]);
  await w.t.database.db.insert(heatMeterDisputes).values({
    enterpriseId: w.world.heat.id,
    customerId: disputed.customerId,
    meterId: disputed.meterId,
    seasonId,
    disputedBy: 'customer',
    raisedOn: '2026-12-01',
    disputeFrom: '2026-11-15',
    disputeTo: '2026-12-01',
    status: 'resolved',
    testResult: 'failed',
    billing: 'area',
  });
});
afterAll(() => w.close());

describe('H-7.2.1 metered settlement of two-part accounts', () => {
  it('H-7.2.1: the metered part is not settled before the season ends (422, zh + en)', async () => {
    w.at('2027-03-15 20:00');
    const res = await w.call('heat_admin', 'POST', url());
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'HEATING_SEASON_NOT_ENDED' });
    expect(res.json().messages.zh).toContain('2027-03-15');
    expect(res.json().messages.en).toMatch(/after the season ends/);
    expect(await w.count(`select count(*)::int as n from bills where period = '2026-2027-metered'`)).toBe(0);
  });

  it('H-7.2.1: a two-part account is billed the heat of the season × price per kWh, with its charge entry', async () => {
    w.at('2027-03-16 09:00');
    const summary = await w.json('heat_clerk', 'POST', url(), undefined, 200);
    // 120 500.125 kWh × 0.28 元 = 33 740.035 元 → 3 374 003.5 fen → 3 374 004 fen (half up).
    expect(summary).toMatchObject({
      billed: 1,
      amountFen: 3_374_004,
      period: '2026-2027-metered',
      skipped: { area_billed_by_dispute: 1, no_end_reading: 1 },
    });
    expect(summary.sample).toEqual(
      expect.arrayContaining([
        { accountNo: 'RL0005', reason: 'area_billed_by_dispute' },
        expect.objectContaining({ accountNo: 'RL0006', reason: 'no_end_reading' }),
      ]),
    );
    const [bill] = (
      await w.t.database.executeSql(
        `select * from bills where customer_id = '${w.acc.metered}' and period = '2026-2027-metered'`,
      )
    ).rows as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(bill).toMatchObject({ kind: 'regular', sector: 'heating', amount_fen: 3_374_004 });
    expect(Number(bill!.start_register)).toBe(kwh(5_000));
    expect(Number(bill!.end_register)).toBe(kwh(125_500) + 125);
    expect(bill!.lines).toEqual([
      expect.objectContaining({
        part: 'metered',
        startOn: '2026-11-14',
        startRegister: 5_000_000,
        endOn: '2027-03-15',
        endRegister: 125_500_125,
        kWh: 120_500.125,
        price: 28,
        amountFen: 3_374_004,
      }),
    ]);
    const ledger = await w.t.database.executeSql(
      `select amount_fen, kind from ledger_entries where ref_type = 'bill' and ref_id = '${bill!.id}'`,
    );
    expect(ledger.rows).toEqual([{ amount_fen: 3_374_004, kind: 'charge' }]);
  });

  it('H-7.2.1: a rerun bills nothing twice; area and disputed accounts keep only their season bill', async () => {
    w.at('2027-03-20 09:00');
    const again = await w.json('heat_admin', 'POST', url(), undefined, 200);
    expect(again).toMatchObject({ billed: 0, amountFen: 0, skipped: { already_settled: 1 } });
    expect(await w.count(`select count(*)::int as n from bills where period = '2026-2027-metered'`)).toBe(1);
    for (const id of [w.acc.resident, extra.disputed, extra.unread]) {
      expect(await w.count(`select count(*)::int as n from bills where customer_id = '${id}'`)).toBe(1);
    }
    expect(
      await w.count(
        `select count(*)::int as n from ledger_entries where ref_type = 'bill' and kind = 'charge'`,
      ),
    ).toBe(6); // five season bills (the account without an area is not billed) + one metered bill
  });

  it('H-7.2.1: enterprise scoping and roles on the settlement', async () => {
    expect((await w.call('heat2_admin', 'POST', url())).statusCode).toBe(404);
    expect((await w.call('gas_admin', 'POST', url())).statusCode).toBe(422);
    expect((await w.call('heat_agent', 'POST', url())).statusCode).toBe(403);
    expect((await w.call('reg', 'POST', url())).statusCode).toBe(403);
    expect(
      (await w.call('heat_admin', 'POST', '/heating/seasons/not-a-uuid/metered-settlement')).statusCode,
    ).toBe(400);
  });
});
