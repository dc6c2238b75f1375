import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatCustomerPremises, measurement, qualityWorld } from '../measurements/quality.fixtures.ts';
import type { Detail, OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
let place: string;
beforeAll(async () => {
  w = await qualityWorld();
  place = await heatCustomerPremises(w, 80);
  const rule = await w.call('heat_admin', 'POST', '/low-temperature/rules', {
    name: '演示规则：每低 1 °C 每天减收 0.80 元',
    fenPerDayPerDegree: 80,
    effectiveFrom: '2026-11-15',
    basis: '演示数据（H-5.5 按当地规定）',
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(() => w.close());

/** A complaint taken by the agent at `at`, dispatched to heat_tech. */
async function complaint(at: string): Promise<Detail> {
  w.at(at);
  const o = await w.create('heat_agent', {
    itemCode: 'heating_quality_complaint',
    channel: 'phone',
    customerId: w.customers.heat,
    premisesId: place,
    callerName: '赵淑芬',
    callerPhone: '13905330003',
    description: '卧室只有 16 度',
    complaintCategory: 'heating_quality',
  });
  await w.act('heat_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.heat_tech });
  return o;
}

async function measure(orderId: string, tenths: number[]) {
  const res = await w.call(
    'heat_tech',
    'POST',
    '/measurements',
    measurement(place, tenths, { workOrderId: orderId }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const caseOf = async (id: string) =>
  (await w.call('heat_admin', 'GET', '/low-temperature/cases'))
    .json()
    .items.find((c: { id: string }) => c.id === id);
const ledger = async (caseId: string) =>
  (
    await w.t.database.executeSql(
      `select kind, amount_fen, sector, ref_type from ledger_entries where ref_id = $1`,
      [caseId],
    )
  ).rows;

describe('H-7.4.3 / H-7.2.3 low-temperature complaints', () => {
  it('H-7.2.3, H-5.4.5: the complaint is found by the words callers use, carries its category, is completed only on a measurement, and its case shows the order clocks', async () => {
    const catalogue = (await w.call('heat_agent', 'GET', '/catalogue?sector=heating')).json();
    const item = catalogue.items.find((i: { code: string }) => i.code === 'heating_quality_complaint');
    for (const word of ['室温', '不热', '温度低']) expect(item.keywords).toContain(word);
    expect(item).toMatchObject({ complaintCategory: 'heating_quality', measurementRequired: 'H-5.4.5' });

    const o = await complaint('2026-12-09 19:00');
    const detail = await w.get('heat_agent', o.id);
    expect(detail.complaint.category).toBe('heating_quality');
    await w.act('heat_tech', o.id, { type: 'accepted' });
    await w.act('heat_tech', o.id, { type: 'arrived_on_site' });
    const early = await w.tryAct('heat_tech', o.id, {
      type: 'completed',
      record: { result: '已调节阀门', onSite: true, signature: false, signatureRefusedReason: '用户不在家' },
    });
    expect(early.json()).toMatchObject({ code: 'MEASUREMENT_REQUIRED', details: { field: 'record' } });
    // The technician's screen is told the same: completion is not offered, the reason names the protocol.
    const before = await w.get('heat_tech', o.id);
    expect(before.measurement).toEqual({ protocol: 'H-5.4.5', recorded: false });
    expect(before.allowedEvents).not.toContain('completed');
    const blocked = before.blockedEvents.find((b: { type: string }) => b.type === 'completed');
    expect(blocked.reason.zh).toContain('H-5.4.5');
    w.at('2026-12-09 21:00');
    const m = await measure(o.id, [170, 172]);
    const after = await w.get('heat_tech', o.id);
    expect(after.measurement).toEqual({ protocol: 'H-5.4.5', recorded: true });
    expect(after.allowedEvents).toContain('completed');
    expect(after.blockedEvents).toEqual([]);
    const c = await caseOf(m.caseId);
    expect(c).toMatchObject({ workOrderId: o.id, orderState: 'on_site', breached: false });
    expect(typeof c.nextDueAt).toBe('string');
  });

  it('H-7.4.3: a low-temperature complaint opens an order with the 0.5 h response clock; its measurement opens the case', async () => {
    const o = await complaint('2026-12-10 20:00');
    const response = o.clocks.find((c: { name: string }) => c.name === 'response');
    expect(response).toMatchObject({ clause: 'H-7.4.3', dueText: '2026-12-10 20:30' });
    const tasks = (await w.call('heat_tech', 'GET', '/measurements/tasks')).json();
    expect(tasks.orders.map((t: { workOrderId: string }) => t.workOrderId)).toContain(o.id);
    w.at('2026-12-11 09:00');
    const m = await measure(o.id, [175, 160]);
    expect(m.outcome).toBe('fail');
    const c = await caseOf(m.caseId);
    expect(c).toMatchObject({
      status: 'measured',
      companyResult: 'fail',
      workOrderId: o.id,
      orderNo: o.orderNo,
    });
    // Another order item cannot take a measurement.
    const other = await w.create('heat_agent', {
      itemCode: 'heating_service_complaint',
      channel: 'phone',
      customerId: w.customers.heat,
      callerName: '赵淑芬',
      description: '服务态度',
      complaintCategory: 'attitude',
    });
    const res = await w.call(
      'heat_tech',
      'POST',
      '/measurements',
      measurement(place, [190], { workOrderId: other.id }),
    );
    expect(res.json().code).toBe('MEASUREMENT_LINK_INVALID');
  });

  it('H-7.2.3: company facility → company pays the test, the fee is reduced by the rule and booked as a credit', async () => {
    const o = await complaint('2026-12-12 19:00');
    w.at('2026-12-13 09:00');
    const m = await measure(o.id, [160, 175]); // lowest 16.0 °C → 2.0 °C below 18
    const c = await caseOf(m.caseId);
    const noCause = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: c.version,
    });
    expect(noCause.json().code).toBe('LOW_TEMPERATURE_CAUSE_REQUIRED');
    const noDays = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: c.version,
      cause: 'company_facility',
    });
    expect(noDays.json().code).toBe('LOW_TEMPERATURE_DAYS_REQUIRED');
    const res = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: c.version,
      cause: 'company_facility',
      belowFrom: '2026-12-12',
      restoredOn: '2026-12-17',
    });
    expect(res.statusCode, res.body).toBe(200);
    // 5 days × 2.0 °C × 80 fen = 800 fen
    expect(res.json()).toMatchObject({
      status: 'decided',
      finalResult: 'failed',
      testPaidBy: 'company',
      repairBy: 'company',
      feeReduced: true,
      daysBelow: 5,
      tenthsBelow: 20,
      reductionFen: 800,
    });
    expect(await ledger(c.id)).toEqual([
      { kind: 'adjustment', amount_fen: -800, sector: 'heating', ref_type: 'low_temperature' },
    ]);
    const again = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: res.json().version,
      cause: 'company_facility',
      belowFrom: '2026-12-12',
      restoredOn: '2026-12-17',
    });
    expect(again.json().code).toBe('CASE_DECIDED');
    expect(await ledger(c.id)).toHaveLength(1);
  });

  it('H-7.2.3: customer facility → the customer fixes it and pays the test, no reduction', async () => {
    const o = await complaint('2026-12-14 19:00');
    const m = await measure(o.id, [165]);
    const c = await caseOf(m.caseId);
    const res = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: c.version,
      cause: 'customer_facility',
    });
    expect(res.json()).toMatchObject({
      testPaidBy: 'customer',
      repairBy: 'customer',
      feeReduced: false,
      reductionFen: null,
    });
    expect(await ledger(c.id)).toEqual([]);
  });

  it('H-7.2.3: un-retrofitted building public facility → the owner fixes it, no reduction, test fee by local rule', async () => {
    const o = await complaint('2026-12-15 19:00');
    const m = await measure(o.id, [165]);
    const c = await caseOf(m.caseId);
    const res = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: c.version,
      cause: 'unretrofitted_public_facility',
    });
    expect(res.json()).toMatchObject({ testPaidBy: 'unspecified', repairBy: 'owner', feeReduced: false });
    expect(await ledger(c.id)).toEqual([]);
  });

  it('H-7.2.3: the customer disputes a pass; the third party confirms it → the customer pays the test', async () => {
    const o = await complaint('2026-12-16 19:00');
    const m = await measure(o.id, [185, 190]);
    expect(m.outcome).toBe('pass');
    const c = await caseOf(m.caseId);
    const d = await w.call('heat_dispatcher', 'POST', `/low-temperature/cases/${c.id}/dispute`, {
      version: c.version,
      institution: '淄博市计量技术研究院（演示）',
      result: 'passed',
      tenths: 183,
      testedOn: '2026-12-16',
      testFeeFen: 30000,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ status: 'disputed', disputedByCustomer: true, testFeeFen: 30000 });
    const res = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: d.json().version,
    });
    expect(res.json()).toMatchObject({ finalResult: 'passed', testPaidBy: 'customer', feeReduced: false });
  });

  it('H-7.2.3: a disputed pass that the third party finds failing → the cause decides; the third party reading sets the degrees', async () => {
    const o = await complaint('2026-12-17 19:00');
    const m = await measure(o.id, [181]);
    const c = await caseOf(m.caseId);
    const d = await w.call('heat_dispatcher', 'POST', `/low-temperature/cases/${c.id}/dispute`, {
      version: c.version,
      institution: '第三方检测（演示）',
      result: 'failed',
      tenths: 172,
      testedOn: '2026-12-17',
      testFeeFen: 30000,
    });
    const res = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: d.json().version,
      cause: 'company_facility',
      belowFrom: '2026-12-15',
      restoredOn: '2026-12-18',
    });
    // 3 days × 0.8 °C × 80 fen = 192 fen
    expect(res.json()).toMatchObject({
      finalResult: 'failed',
      testPaidBy: 'company',
      tenthsBelow: 8,
      reductionFen: 192,
    });
    expect((await ledger(c.id))[0]).toMatchObject({ amount_fen: -192 });
  });

  it('H-5.4.7: an analysis-only company measurement cannot decide the case', async () => {
    const o = await complaint('2026-12-18 19:00');
    const res = await w.call(
      'heat_tech',
      'POST',
      '/measurements',
      measurement(place, [150], {
        workOrderId: o.id,
        conditions: { outdoorNotBelowDesign: false, envelopeToCode: true, indoorSystemWorking: true },
      }),
    );
    const c = await caseOf(res.json().caseId);
    const d = await w.call('heat_admin', 'POST', `/low-temperature/cases/${c.id}/decide`, {
      version: c.version,
      cause: 'company_facility',
    });
    expect(d.json().code).toBe('MEASUREMENT_NOT_DECISIVE');
  });
});
