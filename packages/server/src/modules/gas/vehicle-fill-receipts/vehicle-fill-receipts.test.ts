import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vehicleFillAmountFen } from '@ranre/domain';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';

// G-8.1.3: when a vehicle-gas company charges for a fill it issues a lawful receipt — one per fill, the amount from
// the measured quantity and the price, never changed once issued, printable as PDF from the attendant's page.

let w: OrderWorld;
let fillId: string;
let leakyFillId: string;

beforeAll(async () => {
  w = await orderWorld();
  const cng = await createEnterprise(w.t.database, 'vehicle_gas', '测试车用燃气公司');
  const other = await createEnterprise(w.t.database, 'vehicle_gas', '另一车用燃气公司');
  await createUser(w.t.database, cng.id, 'cng_admin', 'enterprise_admin');
  await createUser(w.t.database, cng.id, 'cng_att', 'technician');
  await createUser(w.t.database, cng.id, 'cng_agent', 'agent');
  await createUser(w.t.database, other.id, 'cng2_att', 'technician');
  w.at('2026-11-26 09:00');
  const d = await w.call('cng_admin', 'POST', '/dispensers', {
    station: '正阳路加气站',
    number: '1',
    medium: 'CNG',
  });
  const dispenserId = d.json().id as string;
  await w.call('cng_admin', 'POST', `/dispensers/${dispenserId}/verifications`, {
    verifiedOn: '2026-09-01',
    passed: true,
    certificateNo: 'JD-1',
    verifier: '淄博市计量技术研究院',
  });
  for (const plate of ['鲁CT2001', '鲁CT2002']) {
    const v = await w.call('cng_att', 'POST', '/vehicles', {
      plate,
      ownerName: '王师傅',
      ownerPhone: '13905331234',
      medium: 'CNG',
      vehicleType: '出租车',
      cylinders: [
        { serialNo: `S-${plate}`, medium: 'CNG', certificateNo: 'QP-1', certificateExpiresOn: '2027-06-30' },
      ],
    });
    expect(v.statusCode, v.body).toBe(201);
  }
  const fillOf = async (plate: string, quantity: number) => {
    const k = await w.call('cng_att', 'POST', '/vehicle-fills/checks', { plate, dispenserId });
    const f = await w.call('cng_att', 'POST', '/vehicle-fills', {
      checkId: k.json().checkId,
      quantity,
      leakFree: true,
    });
    expect(f.statusCode, f.body).toBe(201);
    expect(f.json().receipt).toBeNull();
    return f.json().id as string;
  };
  fillId = await fillOf('鲁CT2001', 12.345);
  leakyFillId = await fillOf('鲁CT2002', 8);
});
afterAll(() => w.close());

const issue = (id: string, body: Record<string, unknown>, who = 'cng_att') =>
  w.call(who, 'POST', `/vehicle-fills/${id}/receipt`, body);

describe('G-8.1.3 receipts at the vehicle-gas station', () => {
  it('G-8.1.3 the amount is the measured quantity at the price per unit, rounded to the fen', () => {
    expect(vehicleFillAmountFen(12_345, 450)).toBe(5555); // 12.345 m³ × ¥4.50 = ¥55.5525 → ¥55.55
    expect(vehicleFillAmountFen(12_345, 470)).toBe(5802); // ¥58.0215 → ¥58.02
    expect(vehicleFillAmountFen(1_001, 5)).toBe(5); // ¥0.05005 → ¥0.05
    expect(vehicleFillAmountFen(8_000, 450)).toBe(3600);
  });

  it('G-8.1.3 a fill’s receipt is issued once with the fill’s station, plate, quantity, price, amount and payment', async () => {
    const res = await issue(fillId, { unitPriceFen: 450, paymentMethod: 'wechat' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      receiptNo: expect.stringMatching(/^JQ20261126-[0-9A-F]{10}$/),
      station: '正阳路加气站',
      dispenserNo: '1',
      plate: '鲁CT2001',
      quantity: 12.345,
      unitPriceFen: 450,
      amountFen: 5555,
      paymentMethod: 'wechat',
      issuedByName: expect.any(String),
    });
    const again = await issue(fillId, { unitPriceFen: 1, paymentMethod: 'cash' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('VEHICLE_FILL_RECEIPT_ISSUED');
    // The staff read it back unchanged; the fill log shows the fill receipted.
    const back = await w.call('cng_agent', 'GET', `/vehicle-fills/${fillId}/receipt`);
    expect(back.json()).toMatchObject({ amountFen: 5555, unitPriceFen: 450 });
    const log = (await w.call('cng_admin', 'GET', '/vehicle-fills?from=2026-11-26&to=2026-11-26')).json();
    const byId = new Map(log.fills.map((f: { id: string; receipt: unknown }) => [f.id, f.receipt]));
    expect(byId.get(fillId)).toMatchObject({ receiptNo: res.json().receiptNo, amountFen: 5555 });
    expect(byId.get(leakyFillId)).toBeNull();
  });

  it('G-8.1.3 an issued receipt is immutable: the database refuses to change or delete it', async () => {
    const db = w.t.database.db;
    await expect(db.execute(sql`update vehicle_fill_receipts set amount_fen = 1`)).rejects.toThrow();
    await expect(db.execute(sql`delete from vehicle_fill_receipts`)).rejects.toThrow();
    expect((await w.call('cng_agent', 'GET', `/vehicle-fills/${fillId}/receipt`)).json().amountFen).toBe(
      5555,
    );
  });

  it('G-8.1.3 the receipt prints as PDF from the issued row; none before it is issued; no other company reads it', async () => {
    const pdf = await w.call('cng_att', 'GET', `/vehicle-fills/${fillId}/receipt.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await w.call('cng_att', 'GET', `/vehicle-fills/${leakyFillId}/receipt.pdf`)).statusCode).toBe(
      404,
    );
    expect((await w.call('cng2_att', 'GET', `/vehicle-fills/${fillId}/receipt.pdf`)).statusCode).toBe(404);
    expect((await issue(fillId, { unitPriceFen: 450, paymentMethod: 'cash' }, 'cng2_att')).statusCode).toBe(
      404,
    );
    const bad = await issue(leakyFillId, { unitPriceFen: 0, paymentMethod: 'cash' });
    expect(bad.statusCode).toBe(400);
    const cash = await issue(leakyFillId, { unitPriceFen: 450, paymentMethod: 'cash' });
    expect(cash.json().amountFen).toBe(3600);
  });
});
