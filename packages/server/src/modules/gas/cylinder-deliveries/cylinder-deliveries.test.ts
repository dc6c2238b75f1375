import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers } from '../../../db/schema.ts';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { orderWorld, PNG_1PX, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

const cylinder = (code: string) => ({
  code,
  manufacturer: '淄博示范钢瓶厂',
  serialNo: `S-${code}`,
  manufacturedOn: '2022-03-01',
  model: 'YSP35.5',
  marking: '示范液化气',
  lastInspectedOn: '2025-04-10',
});

let w: OrderWorld;
let customerId: string;
let otherCustomer: string;

beforeAll(async () => {
  w = await orderWorld();
  const lpg = await createEnterprise(w.t.database, 'bottled_gas', '测试液化气公司');
  const other = await createEnterprise(w.t.database, 'bottled_gas', '另一液化气公司');
  await createUser(w.t.database, lpg.id, 'lpg_admin', 'enterprise_admin');
  await createUser(w.t.database, lpg.id, 'lpg_agent', 'agent');
  await createUser(w.t.database, lpg.id, 'lpg_dispatcher', 'dispatcher');
  for (const u of ['lpg_courier', 'lpg_courier2']) {
    w.ids[u] = (await createUser(w.t.database, lpg.id, u, 'technician')).id;
  }
  await createUser(w.t.database, other.id, 'lpg2_admin', 'enterprise_admin');
  const made = await w.t.database.db
    .insert(customers)
    .values([
      {
        enterpriseId: lpg.id,
        accountNo: 'PZ0001',
        kind: 'bottled_gas',
        name: '孙桂兰',
        phone: '13905331001',
      },
      {
        enterpriseId: lpg.id,
        accountNo: 'PZ0002',
        kind: 'bottled_gas',
        name: '周立新',
        phone: '13905331002',
      },
    ])
    .returning({ id: customers.id });
  customerId = made[0]!.id;
  otherCustomer = made[1]!.id;
  w.at('2026-11-26 08:00');
  // Five full cylinders of ours, one held after its check, one of the other company.
  for (const code of ['PS0000001', 'PS0000002', 'PS0000003', 'PS0000004', 'PS0000005', 'PS0000006']) {
    expect((await w.call('lpg_admin', 'POST', '/cylinders', cylinder(code))).statusCode).toBe(201);
    await w.call('lpg_admin', 'POST', `/cylinders/${code}/events`, {
      type: 'treated',
      on: '2026-11-26',
      place: '站',
    });
    const scan = (
      await w.call('lpg_admin', 'POST', '/cylinder-fills/scans', { code, station: '1号秤' })
    ).json();
    const fill = await w.call('lpg_admin', 'POST', '/cylinder-fills', {
      scanId: scan.scanId,
      netWeightG: code === 'PS0000006' ? 16_000 : 14_500,
      leakFree: true,
      labelNo: `L-${code}`,
    });
    expect(fill.statusCode, fill.body).toBe(201);
  }
  expect((await w.call('lpg2_admin', 'POST', '/cylinders', cylinder('QT0000001'))).statusCode).toBe(201);
});
afterAll(() => w.close());

/** A phone order for the customer, dispatched to the courier and accepted. */
async function order(over: Record<string, unknown> = {}, courier = 'lpg_courier') {
  const o = await w.create('lpg_agent', {
    itemCode: 'bottled_gas_delivery',
    channel: 'phone',
    customerId,
    callerName: '孙桂兰',
    callerPhone: '13905331001',
    description: '订 15 kg 液化气一瓶',
    ...over,
  });
  await w.act('lpg_dispatcher', o.id, { type: 'dispatched', assignee: w.ids[courier] });
  await w.act(courier, o.id, { type: 'accepted' });
  return o as Detail;
}

async function sign(orderId: string, who = 'lpg_courier') {
  const res = await w.call(who, 'POST', `/work-orders/${orderId}/attachments`, {
    kind: 'signature',
    dataUrl: PNG_1PX,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const deliver = (orderId: string, body: Record<string, unknown>, who = 'lpg_courier') =>
  w.call(who, 'POST', '/cylinder-deliveries', {
    orderId,
    amountFen: 11_000,
    installed: true,
    leakChecked: true,
    ignitionTested: true,
    handbookGiven: true,
    ...body,
  });

const timeline = async (code: string) =>
  ((await w.call('lpg_admin', 'GET', `/cylinders/${code}`)).json().events as { type: string }[]).map(
    (e) => e.type,
  );

describe('delivery to the kitchen (G-7.2.1, G-7.2.2)', () => {
  it('G-7.2.2 a delivery order completes only on its recorded delivery: scans, installation, signature, handbook', async () => {
    const o = await order();
    const early = await w.tryAct('lpg_courier', o.id, {
      type: 'completed',
      record: { result: '已送达', onSite: true, signatureRefusedReason: '用户不在' },
    });
    expect(early.json().code).toBe('DELIVERY_REQUIRED');

    const signature = await sign(o.id);
    const res = await deliver(o.id, { fullCode: 'PS0000001', signatureAttachmentId: signature });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fullCode: 'PS0000001',
      emptyCode: null,
      installed: true,
      signed: true,
      handbookGiven: true,
      onTime: true,
      receiptNo: `SQ${o.orderNo}`,
    });
    // G-7.1.5: the full cylinder's life shows its dispatch and delivery; it is now with the customer.
    expect(await timeline('PS0000001')).toEqual([
      'registered',
      'treated',
      'filled',
      'checked',
      'dispatched',
      'delivered',
    ]);
    expect((await w.call('lpg_admin', 'GET', '/cylinders/PS0000001')).json().cylinder.state).toBe(
      'with_customer',
    );
    // G-5.10.1: the handbook handed over is on the customer's safety-education record.
    const edu = (await w.call('lpg_admin', 'GET', `/customers/${customerId}/safety-education`)).json();
    expect(edu.records).toMatchObject([{ occasion: 'delivery', handbookGiven: true }]);

    await w.act('lpg_courier', o.id, {
      type: 'completed',
      record: { result: '送气安装完毕', onSite: true, signature: true, signatureAttachmentId: signature },
    });
    // Recorded once: a second delivery on the same order is refused.
    expect(
      (await deliver(o.id, { fullCode: 'PS0000002', signatureAttachmentId: signature })).statusCode,
    ).toBe(409);
  });

  it('G-7.2.2 installed means leak-checked, ignition-tested and signed; a declined installation needs the advice', async () => {
    const o = await order();
    const before = await w.count('select count(*)::int as n from cylinder_events');
    const noTest = await deliver(o.id, {
      fullCode: 'PS0000002',
      ignitionTested: false,
      signatureAttachmentId: await sign(o.id),
    });
    expect(noTest.json()).toMatchObject({
      code: 'CYLINDER_DELIVERY_REFUSED',
      details: { field: 'leakChecked' },
    });
    const unsigned = await deliver(o.id, { fullCode: 'PS0000002' });
    expect(unsigned.json()).toMatchObject({
      code: 'CYLINDER_DELIVERY_REFUSED',
      details: { field: 'signature' },
    });
    const noAdvice = await deliver(o.id, {
      fullCode: 'PS0000002',
      installed: false,
      leakChecked: false,
      ignitionTested: false,
    });
    expect(noAdvice.json()).toMatchObject({ details: { field: 'declinedAdvice' } });
    // Nothing was written by the refusals.
    expect(await w.count('select count(*)::int as n from cylinder_events')).toBe(before);

    // The empty one taken back is the customer's cylinder from the first delivery.
    const declined = await deliver(o.id, {
      fullCode: 'PS0000002',
      emptyCode: 'PS0000001',
      installed: false,
      leakChecked: false,
      ignitionTested: false,
      declinedAdvice: '用户自行安装，已告知连接后用肥皂水检漏、严禁明火试漏',
      handbookGiven: false,
    });
    expect(declined.statusCode, declined.body).toBe(201);
    expect(declined.json()).toMatchObject({ installed: false, signed: false, emptyCode: 'PS0000001' });
    expect(declined.json().declinedAdvice).toContain('肥皂水');
    expect((await timeline('PS0000001')).slice(-1)).toEqual(['returned']);
    expect((await w.call('lpg_admin', 'GET', '/cylinders/PS0000001')).json().cylinder.state).toBe('returned');
  });

  it('G-7.1.6 only our full cylinder that passed its check is handed over; another company’s empty is not taken back', async () => {
    const o = await order();
    const sig = await sign(o.id);
    expect((await deliver(o.id, { fullCode: 'PS0000006', signatureAttachmentId: sig })).json()).toMatchObject(
      {
        details: { field: 'fullCode' },
      },
    );
    expect((await deliver(o.id, { fullCode: 'QT0000001', signatureAttachmentId: sig })).json()).toMatchObject(
      {
        details: { field: 'fullCode' },
      },
    );
    const foreign = await deliver(o.id, {
      fullCode: 'PS0000003',
      emptyCode: 'QT0000001',
      signatureAttachmentId: sig,
    });
    expect(foreign.json()).toMatchObject({
      code: 'CYLINDER_DELIVERY_REFUSED',
      details: { field: 'emptyCode' },
    });
    // Another courier's order is not this courier's to record.
    expect(
      (await deliver(o.id, { fullCode: 'PS0000003', signatureAttachmentId: sig }, 'lpg_courier2')).statusCode,
    ).toBe(403);
  });

  it('G-7.2.1 a delivery later than the agreed time is recorded as not on time', async () => {
    const o = await order({ customerId: otherCustomer, callerName: '周立新' });
    await w.act('lpg_courier', o.id, {
      type: 'appointment_agreed',
      agreedAt: w.at('2026-11-26 10:00').toISOString(),
    });
    w.at('2026-11-26 11:00');
    const res = await deliver(o.id, { fullCode: 'PS0000003', signatureAttachmentId: await sign(o.id) });
    expect(res.json()).toMatchObject({ onTime: false });
    expect(res.json().agreedAt).toBe(new Date('2026-11-26T02:00:00Z').toISOString());
  });
});

describe('residue (G-7.1.13, G-7.1.14)', () => {
  const returns = async () =>
    (await w.call('lpg_admin', 'GET', '/cylinder-deliveries?pendingResidue=true')).json().items as Detail[];

  it('G-7.1.14 residue above 3 % of the fill is credited to the customer once, as a ledger adjustment', async () => {
    const [pending] = await returns();
    expect(pending).toMatchObject({ emptyCode: 'PS0000001', residue: null });
    // 14.5 kg fill, ¥110.00: ¥7.59 a kilogram; 435 g allowed, 935 g weighed → 500 g over → ¥3.79.
    const res = await w.call('lpg_admin', 'POST', `/cylinder-deliveries/${pending!.id}/residue`, {
      residueG: 935,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().residue).toMatchObject({
      limitG: 435,
      excessG: 500,
      priceFenPerKg: 759,
      refundFen: 380,
      credited: true,
    });
    const ledger = await w.t.database.executeSql(
      `select kind, amount_fen, ref_type from ledger_entries where customer_id = '${customerId}'`,
    );
    expect(ledger.rows).toEqual([{ kind: 'adjustment', amount_fen: -380, ref_type: 'cylinder_residue' }]);
    const again = await w.call('lpg_admin', 'POST', `/cylinder-deliveries/${pending!.id}/residue`, {
      residueG: 935,
    });
    expect(again.json().code).toBe('CYLINDER_RESIDUE_RECORDED');
    expect(
      await w.count(`select count(*)::int as n from ledger_entries where ref_type = 'cylinder_residue'`),
    ).toBe(1);
    expect(await returns()).toEqual([]);
    expect((await timeline('PS0000001')).slice(-1)).toEqual(['residue_weighed']);
  });

  it('G-7.1.14 residue within 3 % is recorded with no credit; a delivery with no empty has nothing to weigh', async () => {
    const o = await order();
    const d = (
      await deliver(o.id, {
        fullCode: 'PS0000004',
        emptyCode: 'PS0000002',
        signatureAttachmentId: await sign(o.id),
      })
    ).json();
    const res = await w.call('lpg_admin', 'POST', `/cylinder-deliveries/${d.id}/residue`, { residueG: 435 });
    expect(res.json().residue).toMatchObject({ excessG: 0, refundFen: 0, credited: false });
    const first = ((await w.call('lpg_admin', 'GET', '/cylinder-deliveries')).json().items as Detail[]).find(
      (x) => x.fullCode === 'PS0000003',
    )!;
    expect(
      (await w.call('lpg_admin', 'POST', `/cylinder-deliveries/${first.id}/residue`, { residueG: 10 })).json()
        .code,
    ).toBe('CYLINDER_RESIDUE_NO_RETURN');
    // Another company sees none of it.
    expect((await w.call('lpg2_admin', 'GET', '/cylinder-deliveries')).json().items).toEqual([]);
  });
});

describe('repairs for bottled-gas customers (G-7.1.10, G-7.1.11)', () => {
  const burner = (over: Record<string, unknown> = {}) =>
    w.call('lpg_agent', 'POST', '/work-orders', {
      itemCode: 'bottled_burner_fault',
      channel: 'phone',
      customerId,
      callerName: '孙桂兰',
      callerPhone: '13905331001',
      description: '刚换的气，灶具打不着火',
      ...over,
    });

  it('G-7.1.10 a burner failing after a refill is taken only with the advice to stop using it, with its clocks', async () => {
    const refused = await burner();
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('safetyAdviceGiven');
    const res = await burner({ safetyAdviceGiven: true });
    expect(res.statusCode, res.body).toBe(201);
    const names = (res.json().clocks as { name: string }[]).map((c) => c.name).sort();
    expect(names).toEqual(['on_site', 'response']);
  });

  it('G-7.1.11 a leak reported to a bottled-gas company is the emergency item with its advice', async () => {
    const leak = await w.call('lpg_agent', 'POST', '/work-orders', {
      itemCode: 'gas_indoor_leak',
      channel: 'phone',
      customerId,
      callerName: '孙桂兰',
      callerPhone: '13905331001',
      description: '厨房有液化气味',
    });
    expect(leak.statusCode).toBe(422);
    expect(leak.body).toContain('safetyAdviceGiven');
  });
});
