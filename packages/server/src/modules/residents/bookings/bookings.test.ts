import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, cylinderPriceLists, inspectionPlans, inspectionVisits } from '../../../db/schema.ts';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { residentWorld, type ResidentWorld } from '../testing.ts';
import type { TBooking } from './bookings.schemas.ts';

// Booking a visit from the phone (G-5.9.2, H-7.6.5.1): a room-temperature test (H-7.3.2) and a bottled-gas
// delivery become work orders on the same clocks, a gas household proposes a time for its planned inspection
// (G-5.11.2); the staff agree a time and the resident sees it with the deadline and the history. One login binds
// accounts of three enterprises, and nothing of another household reaches him (G-5.8.1).

let w: ResidentWorld;
let lpgId: string;
let bottled: string;
let visitId: string;

beforeAll(async () => {
  w = await residentWorld();
  w.at('2026-12-01 09:00');
  const db = w.t.database.db;
  const lpg = await createEnterprise(w.t.database, 'bottled_gas', '测试液化气公司');
  lpgId = lpg.id;
  w.ids.lpg_dispatcher = (await createUser(w.t.database, lpg.id, 'lpg_dispatcher', 'dispatcher')).id;
  const [row] = await db
    .insert(customers)
    .values({
      enterpriseId: lpg.id,
      accountNo: 'PQ0001',
      kind: 'bottled_gas',
      name: '李秀英',
      phone: '13905330009',
    })
    .returning({ id: customers.id });
  bottled = row!.id;
  await db.insert(cylinderPriceLists).values({
    enterpriseId: lpg.id,
    effectiveFrom: '2026-11-01',
    items: [{ model: 'YSP35.5', fillG: 14_500, priceFen: 11_000 }],
    deliveryFeeFen: 0,
    createdAt: new Date('2026-10-30T00:00:00Z'),
  });
  // RQ0001 has a visit in the gas company's plan for the year (G-5.11.1); RQ0002 has none.
  const [plan] = await db
    .insert(inspectionPlans)
    .values({
      enterpriseId: w.world.gas.id,
      year: 2026,
      visitsPerKind: { pipeline_urban_resident: 1 },
      inspectorIds: [w.ids.gas_inspector!],
      plannedCount: 1,
      customerCount: 1,
    })
    .returning();
  const [visit] = await db
    .insert(inspectionVisits)
    .values({
      planId: plan!.id,
      enterpriseId: w.world.gas.id,
      customerId: w.customers.gas,
      kind: 'pipeline_urban_resident',
      seq: 1,
      windowFrom: '2026-10-01',
      windowTo: '2026-12-31',
      community: '华光社区',
      building: '3',
      inspectorId: w.ids.gas_inspector!,
    })
    .returning();
  visitId = visit!.id;
});
afterAll(() => w.close());

/** Binds an account of any enterprise as `who`, with the code read back from the SMS outbox. */
async function bindAt(who: string, enterpriseId: string, accountNo: string, name: string, phone: string) {
  const req = await w.call(who, 'POST', '/resident/bindings', {
    accountNo,
    name,
    phoneLast4: phone.slice(-4),
    enterpriseId,
  });
  expect(req.statusCode, req.body).toBe(201);
  const code = /验证码 (\d{6})/.exec((await w.lastSms(phone)) ?? '')![1];
  const res = await w.call(who, 'POST', `/resident/bindings/${req.json().id}/confirm`, { code });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const book = (who: string, body: Record<string, unknown>) => w.call(who, 'POST', '/resident/bookings', body);
const bookings = async (who: string) =>
  (await w.call(who, 'GET', '/resident/bookings')).json().items as TBooking[];

describe('one login across enterprises', () => {
  it('G-5.8.1 one resident binds a gas, a heating and a bottled-gas account of three companies and sees all of them', async () => {
    await w.bind('gas_resident', 'RQ0001', '李秀英', '0001');
    const heat = await bindAt('gas_resident', w.world.heat.id, 'RL0001', '赵淑芬', '13905330003');
    expect(heat).toMatchObject({ accountNo: 'RL0001', enterpriseName: '测试热力公司', sector: 'heating' });
    await bindAt('gas_resident', lpgId, 'PQ0001', '李秀英', '13905330009');
    const { items } = (await w.call('gas_resident', 'GET', '/resident/accounts')).json();
    const seen = items.map(
      (a: { accountNo: string; enterpriseName: string }) => `${a.accountNo} ${a.enterpriseName}`,
    );
    expect(seen.sort()).toEqual(['PQ0001 测试液化气公司', 'RL0001 测试热力公司', 'RQ0001 测试燃气公司']);
    // Each account's page reads that company's ledger.
    const detail = await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.heat}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().account.sector).toBe('heating');
  });

  it('G-5.8.1 a wrong enterprise for the account number is the same mismatch, naming no part', async () => {
    const res = await w.call('gas_resident2', 'POST', '/resident/bindings', {
      accountNo: 'RL0001',
      name: '赵淑芬',
      phoneLast4: '0003',
      enterpriseId: lpgId,
    });
    expect(res.json().code).toBe('BINDING_DETAILS_MISMATCH');
  });
});

describe('booking a visit', () => {
  it('H-7.3.2, G-5.9.2 a heating household books a room-temperature test: an order on the 24 h clock, the agreed time shown', async () => {
    const refused = await book('gas_resident', {
      customerId: w.customers.gas,
      kind: 'temperature_test',
      proposedAt: '2026-12-02T10:00:00+08:00',
    });
    expect(refused.json().code).toBe('BOOKING_KIND_NOT_OFFERED');
    const soon = await book('gas_resident', {
      customerId: w.customers.heat,
      kind: 'temperature_test',
      proposedAt: '2026-12-01T09:30:00+08:00',
    });
    expect(soon.json().code).toBe('BOOKING_TIME_INVALID');
    const made = await book('gas_resident', {
      customerId: w.customers.heat,
      kind: 'temperature_test',
      proposedAt: '2026-12-02T10:00:00+08:00',
      note: '卧室偏冷',
    });
    expect(made.statusCode, made.body).toBe(201);
    let [b] = await bookings('gas_resident');
    expect(b).toMatchObject({
      kind: 'temperature_test',
      status: 'proposed',
      agreedAt: null,
      accountNo: 'RL0001',
    });
    // The same clock an agent's booking gets: measured within 24 h (Shandong heating regulation).
    expect(b!.order!.nextDueAt).toBe('2026-12-02T01:00:00.000Z');
    const order = (await w.call('gas_resident', 'GET', `/resident/orders/${b!.order!.id}`)).json();
    expect(order.itemName.zh).toBe('入户测温');
    expect(order.description).toContain('2026-12-02 10:00');
    // The heating company agrees the time; the resident sees it.
    await w.act('heat_dispatcher', b!.order!.id, {
      type: 'appointment_agreed',
      agreedAt: '2026-12-02T10:30:00+08:00',
    });
    [b] = await bookings('gas_resident');
    expect(b).toMatchObject({ status: 'agreed', agreedAt: '2026-12-02T02:30:00.000Z' });
    // G-5.8.3: the household is told the agreed time by SMS.
    expect(await w.lastSms('13905330003')).toContain('已与您约定上门时间：2026-12-02 10:30');
    expect(b!.history.map((h: { type: string }) => h.type)).toEqual(['proposed', 'agreed']);
  });

  it('G-5.11.2 a gas household proposes a time for its planned inspection; the company agrees it on the visit', async () => {
    const options = (await w.call('gas_resident', 'GET', '/resident/booking-options')).json().items;
    expect(options.find((o: { accountNo: string }) => o.accountNo === 'RQ0001')).toMatchObject({
      kinds: ['inspection'],
      visit: { id: visitId, windowTo: '2026-12-31' },
    });
    const made = await book('gas_resident', {
      customerId: w.customers.gas,
      kind: 'inspection',
      proposedAt: '2026-12-05T14:00:00+08:00',
    });
    expect(made.statusCode, made.body).toBe(201);
    // The staff see the household's proposal on the visit, and agree it.
    const visits = (await w.call('gas_admin', 'GET', '/inspections/visits?year=2026')).json().items;
    expect(visits.find((v: { id: string }) => v.id === visitId).residentProposedAt).toBe(
      '2026-12-05T06:00:00.000Z',
    );
    const agreed = await w.call('gas_admin', 'POST', `/inspections/visits/${visitId}/appointment`, {
      agreedAt: '2026-12-05T14:00:00+08:00',
    });
    expect(agreed.statusCode, agreed.body).toBe(200);
    const b = (await bookings('gas_resident')).find((x) => x.kind === 'inspection')!;
    expect(b).toMatchObject({
      status: 'agreed',
      agreedAt: '2026-12-05T06:00:00.000Z',
      order: null,
      visit: { id: visitId, windowFrom: '2026-10-01', state: 'planned' },
    });
    // A household with no planned visit is told so.
    await w.bind('gas_resident2', 'RQ0002', '王建国', '0002');
    const none = await book('gas_resident2', {
      customerId: w.customers.gas2,
      kind: 'inspection',
      proposedAt: '2026-12-05T14:00:00+08:00',
    });
    expect(none.json().code).toBe('NO_PLANNED_INSPECTION');
  });

  it('G-5.9.2 a bottled-gas delivery is an order of the bottled-gas company, agreed and tracked on its clock', async () => {
    const made = await book('gas_resident', {
      customerId: bottled,
      kind: 'bottled_gas_delivery',
      proposedAt: '2026-12-01T16:00:00+08:00',
      cylinder: { model: 'YSP35.5', quantity: 1 },
    });
    expect(made.statusCode, made.body).toBe(201);
    const b = (await bookings('gas_resident')).find((x) => x.kind === 'bottled_gas_delivery')!;
    expect(b).toMatchObject({ enterpriseName: '测试液化气公司', status: 'proposed' });
    // The company's own board has it; it agrees the time, which the delivery clock then counts to.
    const staff = await w.get('lpg_dispatcher', b.order!.id);
    expect(staff).toMatchObject({ itemCode: 'bottled_gas_delivery', enterpriseId: lpgId });
    await w.act('lpg_dispatcher', b.order!.id, {
      type: 'appointment_agreed',
      agreedAt: '2026-12-01T16:00:00+08:00',
    });
    const order = (await w.call('gas_resident', 'GET', `/resident/orders/${b.order!.id}`)).json();
    expect(order.clocks[0]).toMatchObject({ name: 'delivery', dueText: '2026-12-01 16:00' });
    // His orders list has the orders of all three companies.
    const mine = (await w.call('gas_resident', 'GET', '/resident/orders')).json().items;
    expect(new Set(mine.map((o: { enterpriseName: string }) => o.enterpriseName))).toEqual(
      new Set(['测试热力公司', '测试液化气公司']),
    );
  });

  it('G-5.8.1 nothing of another household ever shows: accounts, orders, bookings, pages and payments answer 404', async () => {
    const other = 'gas_resident2';
    const accounts = (await w.call(other, 'GET', '/resident/accounts')).json().items;
    expect(accounts.map((a: { accountNo: string }) => a.accountNo)).toEqual(['RQ0002']);
    expect((await w.call(other, 'GET', '/resident/orders')).json().items).toEqual([]);
    expect(await bookings(other)).toEqual([]);
    const theirs = (await bookings('gas_resident')).find((b) => b.order)!;
    expect((await w.call(other, 'GET', `/resident/orders/${theirs.order!.id}`)).statusCode).toBe(404);
    expect(
      (await w.call(other, 'POST', `/resident/orders/${theirs.order!.id}/info`, { text: '看看' })).statusCode,
    ).toBe(404);
    for (const id of [w.customers.heat, bottled, w.customers.gas]) {
      expect((await w.call(other, 'GET', `/resident/accounts/${id}`)).statusCode).toBe(404);
      const booked = await book(other, {
        customerId: id,
        kind: 'temperature_test',
        proposedAt: '2026-12-03T10:00:00+08:00',
      });
      expect(booked.statusCode).toBe(404);
    }
    expect((await w.call(other, 'GET', '/resident/step-notices')).json().items).toEqual([]);
  });
});
