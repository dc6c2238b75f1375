import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { customers } from '../../../db/schema.ts';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { PNG_1PX } from '../../service/workorders/testing.ts';
import type { TBooking } from '../../residents/bookings/bookings.schemas.ts';
import { residentWorld, type ResidentWorld } from '../../residents/testing.ts';

// A resident orders bottled gas on the phone (G-7.2.1, G-5.9.2): the company's published price list (cylinder models,
// price in fen, delivery fee) with the day it takes effect, kept as history and shown on the public page; he chooses
// from the list in force, proposes a time, the order is on the company's delivery board priced on that list, and
// after the courier's delivery he sees the receipt.

let w: ResidentWorld;
let lpgId: string;
let bottled: string;

const LIST = {
  effectiveFrom: '2026-12-01',
  items: [
    { model: 'YSP35.5', fillG: 14_500, priceFen: 11_000 },
    { model: 'YSP4.7', fillG: 2_000, priceFen: 2_500 },
  ],
  deliveryFeeFen: 500,
  basis: '演示价目',
};

beforeAll(async () => {
  w = await residentWorld();
  w.at('2026-12-01 09:00');
  const db = w.t.database.db;
  const lpg = await createEnterprise(w.t.database, 'bottled_gas', '测试液化气公司');
  lpgId = lpg.id;
  await createUser(w.t.database, lpg.id, 'lpg_admin', 'enterprise_admin');
  await createUser(w.t.database, lpg.id, 'lpg_dispatcher', 'dispatcher');
  w.ids.lpg_courier = (await createUser(w.t.database, lpg.id, 'lpg_courier', 'technician')).id;
  const other = await createEnterprise(w.t.database, 'bottled_gas', '另一液化气公司');
  await createUser(w.t.database, other.id, 'lpg2_admin', 'enterprise_admin');
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
  const req = await w.call('gas_resident', 'POST', '/resident/bindings', {
    accountNo: 'PQ0001',
    name: '李秀英',
    phoneLast4: '0009',
    enterpriseId: lpg.id,
  });
  const code = /验证码 (\d{6})/.exec((await w.lastSms('13905330009')) ?? '')![1];
  await w.call('gas_resident', 'POST', `/resident/bindings/${req.json().id}/confirm`, { code });
});
afterAll(() => w.close());

const book = (body: Record<string, unknown>) =>
  w.call('gas_resident', 'POST', '/resident/bookings', {
    customerId: bottled,
    kind: 'bottled_gas_delivery',
    proposedAt: '2026-12-01T16:00:00+08:00',
    ...body,
  });

describe('the published price list', () => {
  it('G-7.2.1 no online order before the company publishes a price list', async () => {
    const res = await book({ cylinder: { model: 'YSP35.5', quantity: 1 } });
    expect(res.json().code).toBe('BOTTLED_PRICE_LIST_MISSING');
  });

  it('G-7.2.1 a list is published from its first day, never retroactively, and a later one supersedes it (history kept)', async () => {
    const back = await w.call('lpg_admin', 'POST', '/cylinder-prices', {
      ...LIST,
      effectiveFrom: '2026-11-30',
    });
    expect(back.json().code).toBe('CYLINDER_PRICE_LIST_INVALID');
    const twice = await w.call('lpg_admin', 'POST', '/cylinder-prices', {
      ...LIST,
      items: [LIST.items[0], LIST.items[0]],
    });
    expect(twice.json().code).toBe('CYLINDER_PRICE_LIST_INVALID');
    const first = await w.call('lpg_admin', 'POST', '/cylinder-prices', LIST);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'in_force', effectiveTo: null });
    const later = await w.call('lpg_admin', 'POST', '/cylinder-prices', {
      ...LIST,
      effectiveFrom: '2026-12-10',
      items: [{ model: 'YSP35.5', fillG: 14_500, priceFen: 12_000 }],
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().status).toBe('scheduled');
    const again = await w.call('lpg_admin', 'POST', '/cylinder-prices', LIST);
    expect(again.json().code).toBe('CYLINDER_PRICE_LIST_EXISTS');
    const lists = (await w.call('lpg_dispatcher', 'GET', '/cylinder-prices')).json().items;
    expect(
      lists.map((l: { status: string; effectiveTo: string | null }) => [l.status, l.effectiveTo]),
    ).toEqual([
      ['in_force', '2026-12-09'],
      ['scheduled', null],
    ]);
    // Another company sees none of ours; a list is a document: never edited.
    expect((await w.call('lpg2_admin', 'GET', '/cylinder-prices')).json().items).toEqual([]);
    await expect(
      w.t.database.db.execute(sql`update cylinder_price_lists set delivery_fee_fen = 0`),
    ).rejects.toThrow();
  });

  it('G-7.1.13 G-7.2.1 the public page shows the lists with their dates and status without sign-in', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: `/api/public/enterprises/${lpgId}` });
    expect(res.statusCode, res.body).toBe(200);
    const lists = res.json().cylinderPrices;
    expect(lists).toHaveLength(2);
    expect(lists[0]).toMatchObject({ effectiveFrom: '2026-12-01', status: 'in_force', deliveryFeeFen: 500 });
    expect(lists[0].items[0]).toEqual({ model: 'YSP35.5', fillG: 14_500, priceFen: 11_000 });
    expect(lists[1]).toMatchObject({ effectiveFrom: '2026-12-10', status: 'scheduled' });
  });
});

describe('ordering on the phone', () => {
  it('G-7.2.1 the phone offers the list in force; the order is priced on it and lands on the delivery board', async () => {
    const options = (await w.call('gas_resident', 'GET', '/resident/booking-options')).json().items;
    const mine = options.find((o: { customerId: string }) => o.customerId === bottled);
    expect(mine.priceList).toMatchObject({ effectiveFrom: '2026-12-01', deliveryFeeFen: 500 });
    expect((await book({})).json().code).toBe('VALIDATION_FAILED');
    expect((await book({ cylinder: { model: 'YSP118', quantity: 1 } })).json().code).toBe(
      'BOTTLED_MODEL_NOT_LISTED',
    );
    const made = await book({ cylinder: { model: 'YSP35.5', quantity: 2 }, note: '三楼' });
    expect(made.statusCode, made.body).toBe(201);
    const b = ((await w.call('gas_resident', 'GET', '/resident/bookings')).json().items as TBooking[])[0]!;
    expect(b.bottled).toMatchObject({
      model: 'YSP35.5',
      quantity: 2,
      unitPriceFen: 11_000,
      deliveryFeeFen: 500,
      totalFen: 22_500,
      receipt: null,
    });
    const board = (await w.call('lpg_dispatcher', 'GET', '/bottled-orders')).json().items;
    expect(board).toHaveLength(1);
    expect(board[0]).toMatchObject({
      orderId: b.order!.id,
      model: 'YSP35.5',
      quantity: 2,
      totalFen: 22_500,
      note: '三楼',
      receipt: null,
    });
    const order = await w.get('lpg_dispatcher', b.order!.id);
    expect(order).toMatchObject({ itemCode: 'bottled_gas_delivery', enterpriseId: lpgId });
    expect(String(order.description)).toContain('YSP35.5 × 2，合计 225.00 元');
    expect((await w.call('lpg2_admin', 'GET', '/bottled-orders')).json().items).toEqual([]);
  });

  it('G-7.2.1 a list taking effect later prices the orders placed from that day on; earlier orders keep their price', async () => {
    w.at('2026-12-10 09:00');
    const made = await book({
      cylinder: { model: 'YSP35.5', quantity: 1 },
      proposedAt: '2026-12-10T15:00:00+08:00',
    });
    expect(made.statusCode, made.body).toBe(201);
    // The later list has no small cylinder.
    const small = await book({
      cylinder: { model: 'YSP4.7', quantity: 1 },
      proposedAt: '2026-12-10T15:00:00+08:00',
    });
    expect(small.json().code).toBe('BOTTLED_MODEL_NOT_LISTED');
    const items = (await w.call('gas_resident', 'GET', '/resident/bookings')).json().items as TBooking[];
    const totals = items.map((b) => b.bottled?.totalFen).sort();
    expect(totals).toEqual([12_500, 22_500]);
  });

  it('G-7.2.1 G-7.2.2 after the courier delivers, the resident sees the receipt on his order', async () => {
    w.at('2026-12-10 10:00');
    const b = ((await w.call('gas_resident', 'GET', '/resident/bookings')).json().items as TBooking[]).find(
      (x) => x.bottled?.totalFen === 22_500,
    )!;
    // One full cylinder of the company, filled and checked.
    await w.call('lpg_admin', 'POST', '/cylinders', {
      code: 'PS0000001',
      manufacturer: '淄博示范钢瓶厂',
      serialNo: 'S-1',
      manufacturedOn: '2022-03-01',
      model: 'YSP35.5',
      marking: '示范液化气',
      lastInspectedOn: '2025-04-10',
    });
    await w.call('lpg_admin', 'POST', '/cylinders/PS0000001/events', {
      type: 'treated',
      on: '2026-12-10',
      place: '站',
    });
    const scan = (
      await w.call('lpg_admin', 'POST', '/cylinder-fills/scans', { code: 'PS0000001', station: '1号秤' })
    ).json();
    await w.call('lpg_admin', 'POST', '/cylinder-fills', {
      scanId: scan.scanId,
      netWeightG: 14_500,
      leakFree: true,
    });
    await w.act('lpg_dispatcher', b.order!.id, { type: 'dispatched', assignee: w.ids.lpg_courier });
    await w.act('lpg_courier', b.order!.id, { type: 'accepted' });
    const sig = await w.call('lpg_courier', 'POST', `/work-orders/${b.order!.id}/attachments`, {
      kind: 'signature',
      dataUrl: PNG_1PX,
    });
    const d = await w.call('lpg_courier', 'POST', '/cylinder-deliveries', {
      orderId: b.order!.id,
      fullCode: 'PS0000001',
      amountFen: 22_500,
      installed: true,
      leakChecked: true,
      ignitionTested: true,
      handbookGiven: true,
      signatureAttachmentId: sig.json().id,
    });
    expect(d.statusCode, d.body).toBe(201);
    const after = (
      (await w.call('gas_resident', 'GET', '/resident/bookings')).json().items as TBooking[]
    ).find((x) => x.id === b.id)!;
    expect(after.bottled!.receipt).toMatchObject({
      receiptNo: d.json().receiptNo,
      amountFen: 22_500,
      installed: true,
      signed: true,
    });
    const board = (await w.call('lpg_dispatcher', 'GET', `/bottled-orders?orderId=${b.order!.id}`)).json()
      .items;
    expect(board[0].receipt).toMatchObject({ receiptNo: d.json().receiptNo, amountFen: 22_500 });
  });
});
