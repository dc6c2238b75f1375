import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREA_PRICE, heatingWorld, TWO_PART_PRICE, type HeatingWorld } from '../seasons/heating.fixtures.ts';

let w: HeatingWorld;
let seasonId: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Bill = Record<string, any>;
const billOf = async (customerId: string): Promise<Bill> =>
  (await w.json('heat_admin', 'GET', `/heating/seasons/${seasonId}/bills`)).bills.find(
    (b: Bill) => b.customerId === customerId,
  );

beforeAll(async () => {
  w = await heatingWorld();
  w.at('2026-10-20 09:00');
  seasonId = (await w.season()).id;
  for (const [customerClass, heating] of [
    ['heating_resident', AREA_PRICE],
    ['heating_non_resident', { method: 'area', fenPerM2PerSeason: 3200 }],
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
  // An older price that is no longer in effect at the season start.
  await w.json(
    'heat_admin',
    'POST',
    '/heating/prices',
    {
      customerClass: 'heating_resident',
      effectiveFrom: '2025-10-01',
      heating: { method: 'area', fenPerM2PerSeason: 2200 },
    },
    201,
  );
  const { demoRules } = await w.json('heat_admin', 'GET', '/heating/seasons');
  await w.json(
    'heat_admin',
    'PUT',
    '/heating/rules',
    {
      effectiveFrom: '2026-01-01',
      rules: { ...demoRules, stopHeating: { contractAllows: true, minOverdueDays: 30, minReminders: 2 } },
    },
    200,
  );
});
afterAll(() => w.close());

describe('heating season bills', () => {
  it('H-7.1.7: a suspension requested on any channel runs its published completion clock', async () => {
    w.at('2026-10-28 10:00');
    const order = await w.create('heat_agent', {
      itemCode: 'heating_suspension',
      channel: 'wechat',
      customerId: w.acc.suspended,
      callerName: '孙立华',
      description: '今冬外出，申请报停',
    });
    const queue = await w.json('heat_admin', 'GET', '/heating/suspensions?open=true', undefined, 200);
    const row = queue.find((q: Bill) => q.id === order.id);
    expect(row.clocks[0]).toMatchObject({ name: 'completion', clause: 'H-7.1.7' });
    expect(row.clocks[0].dueAt).toBeTruthy();
    expect(row).toMatchObject({
      suspendedFeeApplies: true,
      suspendedFeeBps: 3000,
      season: { period: '2026-2027' },
    });
  });

  it('H-7.2.1: one set-wise run bills every heating account by area or two-part tariff; a rerun duplicates nothing', async () => {
    w.at('2026-10-30 09:00');
    const run = await w.json(
      'heat_admin',
      'POST',
      `/heating/seasons/${seasonId}/billing-runs`,
      undefined,
      201,
    );
    expect(run).toMatchObject({ status: 'done', total: 4, billed: 3, skipped: 1 });
    expect(run.summary.skipped.no_area).toBe(1);
    expect(run.summary.byMethod).toEqual({ area: 1, two_part: 1, suspended: 1 });
    // 89.57 m² × 25.00 元 = 2239.25 元 (the 2025 price of 22.00 元 is no longer in effect).
    expect((await billOf(w.acc.resident)).amountFen).toBe(223_925);
    const metered = await billOf(w.acc.metered);
    expect(metered.lines.map((l: Bill) => [l.part, l.amountFen])).toEqual([['base', 750_000]]);
    const again = await w.json(
      'heat_admin',
      'POST',
      `/heating/seasons/${seasonId}/billing-runs`,
      undefined,
      201,
    );
    expect(again).toMatchObject({ billed: 0, skipped: 4 });
    expect(await w.count(`select count(*)::int as n from bills where sector = 'heating'`)).toBe(3);
    expect(
      await w.count(
        `select count(*)::int as n from ledger_entries where kind = 'charge' and ref_type = 'bill'`,
      ),
    ).toBe(3);
  });

  it('H-7.1.6: a suspension accepted before the season is settled at the suspended-household fee rule', async () => {
    const bill = await billOf(w.acc.suspended);
    // 100 m² × 25.00 元 = 2500 元; the rule's 30 % = 750 元.
    expect(bill.amountFen).toBe(75_000);
    expect(bill.lines[0]).toMatchObject({ part: 'suspended', bpsOfAreaFee: 3000, areaFeeFen: 250_000 });
  });

  it('H-7.2.2: early payment in full earns the configured reward once, as a ledger credit', async () => {
    const resident = await billOf(w.acc.resident);
    await w.pay(w.acc.resident, resident.id, 223_925, '2026-10-31T02:00:00Z');
    const metered = await billOf(w.acc.metered);
    await w.pay(w.acc.metered, metered.id, 100_000, '2026-10-31T02:00:00Z');
    w.at('2026-11-02 09:00');
    expect(
      await w.json('heat_admin', 'POST', `/heating/seasons/${seasonId}/rewards`, undefined, 200),
    ).toEqual({ rewarded: 1 });
    expect(
      await w.json('heat_admin', 'POST', `/heating/seasons/${seasonId}/rewards`, undefined, 200),
    ).toEqual({ rewarded: 0 });
    // 2 % of 2239.25 元 = 44.785 → 44.79 元.
    expect(await billOf(w.acc.resident)).toMatchObject({
      rewardFen: 4479,
      outstandingFen: 0,
      status: 'paid',
    });
  });

  it('H-7.2.2: reminders after the due date follow the schedule, each sent once however often the job runs', async () => {
    w.at('2026-11-26 09:00');
    const first = await w.json('heat_admin', 'POST', '/heating/reminders/run', {}, 200);
    expect(first.queued).toBe(4); // two owing bills × reminders 1 (11-16) and 2 (11-22)
    expect((await w.json('heat_admin', 'POST', '/heating/reminders/run', {}, 200)).queued).toBe(0);
    const keys = await w.t.database.executeSql(
      `select dedupe_key, kind from notifications order by dedupe_key`,
    );
    expect(keys.rows.every((r) => r.kind === 'heating_reminder')).toBe(true);
    const metered = await billOf(w.acc.metered);
    expect(metered).toMatchObject({ status: 'overdue', remindersSent: 2, outstandingFen: 650_000 });
    expect((await billOf(w.acc.resident)).remindersSent).toBe(0);
  });

  it('H-7.2.2: heat is stopped for arrears only as the contract allows, after the overdue days and reminders', async () => {
    expect((await billOf(w.acc.metered)).stopHeating.allowed).toBe(false);
    w.at('2026-12-20 09:00');
    await w.json('heat_admin', 'POST', '/heating/reminders/run', {}, 200);
    const metered = await billOf(w.acc.metered);
    expect(metered.remindersSent).toBe(3);
    expect(metered.stopHeating).toMatchObject({ allowed: true });
  });

  it('H-7.1.8: a resumption runs the 48 h valve-opening clock from acceptance', async () => {
    w.at('2026-12-20 10:00');
    const order = await w.create('heat_agent', {
      itemCode: 'heating_resumption',
      channel: 'counter',
      customerId: w.acc.suspended,
      callerName: '孙立华',
      description: '提前返回，申请复热',
    });
    const row = (await w.json('heat_admin', 'GET', '/heating/suspensions')).find(
      (q: Bill) => q.id === order.id,
    );
    expect(row.clocks[0]).toMatchObject({ name: 'open_valve', clause: 'H-7.1.8' });
    expect(new Date(row.clocks[0].dueAt).getTime() - new Date(row.receivedAt).getTime()).toBe(48 * 3600_000);
  });

  it('enterprise scoping and bad input on billing', async () => {
    expect((await w.call('gas_admin', 'GET', `/heating/seasons/${seasonId}/bills`)).statusCode).toBe(404);
    expect((await w.call('gas_admin', 'POST', `/heating/seasons/${seasonId}/billing-runs`)).statusCode).toBe(
      422,
    );
    expect((await w.call('heat_agent', 'POST', `/heating/seasons/${seasonId}/billing-runs`)).statusCode).toBe(
      403,
    );
    expect((await w.call('heat_admin', 'POST', `/heating/seasons/not-a-uuid/billing-runs`)).statusCode).toBe(
      400,
    );
    expect(await w.json('gas_admin', 'GET', '/heating/suspensions')).toEqual([]);
    expect((await w.call('reg', 'GET', `/heating/seasons/${seasonId}/bills`)).statusCode).toBe(200);
  });
});
