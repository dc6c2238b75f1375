import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterReadings } from '../../../db/schema.ts';
import { paymentsTestWorld } from '../../money/payments/payments.fixtures.ts';

let w: Awaited<ReturnType<typeof paymentsTestWorld>>;
beforeAll(async () => {
  w = await paymentsTestWorld();
});
afterAll(() => w.t.close());

/** A customer with a meter installed on `installedOn` and a reading of `litresPerMonth` at each month end. */
async function meterWithReadings(installedOn: string, removedOn: string, litresPerMonth: number) {
  const c = await w.customer();
  const m = await w.meter(c, { installedOn, removedOn, status: 'removed' });
  const rows = [];
  let register = 0;
  for (let d = new Date(`${installedOn}T00:00:00Z`); ;) {
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
    const day = d.toISOString().slice(0, 10);
    if (day > removedOn) break;
    register += litresPerMonth;
    rows.push({
      enterpriseId: w.world.gas.id,
      customerId: c,
      meterId: m.id,
      readOn: day,
      kind: 'actual',
      register,
      usage: litresPerMonth,
    });
    d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  await w.db.insert(meterReadings).values(rows);
  return { c, m };
}

const open = async (customerId: string, meterId: string, requestedBy = 'customer') => {
  const res = await w.call('gas_agent', 'POST', '/meter-disputes', {
    customerId,
    meterId,
    requestedOn: '2026-10-28',
    requestedBy,
    complaint: '用户认为燃气表走字偏快',
    testInstitution: '淄博市计量技术研究院',
    testFeeFen: 8000,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

const result = async (id: string, body: Record<string, unknown>, status = 200) => {
  const res = await w.call('gas_billing', 'POST', `/meter-disputes/${id}/result`, {
    version: 1,
    testedOn: '2026-11-10',
    tolerancePercent: 1.5,
    priceFenPerM3: 305,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

describe('meter disputes', () => {
  it('G-6.2.11: a fast meter out of tolerance — company pays the test; compensation over at most one year before removal is credited', async () => {
    const { c, m } = await meterWithReadings('2020-01-01', '2026-10-31', 30_000);
    const d = await open(c, m.id);
    expect(d).toMatchObject({
      status: 'requested',
      disputeNo: 'JD2026100001',
      installedOn: '2020-01-01',
      removedOn: '2026-10-31',
    });
    const r = await result(d.id, { errorPercent: 4 });
    expect(r).toMatchObject({
      status: 'resolved',
      result: 'fail',
      testPaidBy: 'company',
      windowFrom: '2025-11-01',
      windowTo: '2026-10-31',
      meteredLitres: 360_000,
      // 360 m³ metered at +4 %: 360 × 4 / 104 = 13.846 m³ too much, × ¥3.05
      compensationLitres: 13_846,
      compensationFen: 4223,
    });
    expect(r.explanation.zh).toContain('至多1年');
    expect(await w.balance(c)).toBe(-4223);
    const entry = (
      await w.t.database.executeSql(
        `select kind, amount_fen, ref_type from ledger_entries where id = ${r.adjustmentEntryId}`,
      )
    ).rows[0];
    expect(entry).toEqual({ kind: 'adjustment', amount_fen: -4223, ref_type: 'meter_dispute' });
    expect(r.feeEntryId).toBeNull();
    expect(
      (
        await w.call('gas_billing', 'POST', `/meter-disputes/${d.id}/result`, {
          version: 2,
          testedOn: '2026-11-10',
          errorPercent: 4,
          tolerancePercent: 1.5,
        })
      ).json().code,
    ).toBe('DISPUTE_ALREADY_RESOLVED');
  });

  it('G-6.2.11: a meter installed less than a year before removal is compensated since installation', async () => {
    const { c, m } = await meterWithReadings('2026-05-01', '2026-10-31', 20_000);
    const d = await open(c, m.id);
    const r = await result(d.id, { errorPercent: 3 });
    expect(r).toMatchObject({ windowFrom: '2026-05-01', windowTo: '2026-10-31', meteredLitres: 120_000 });
    expect(r.explanation.zh).toContain('自安装之日起');
  });

  it('G-6.2.11: a slow meter out of tolerance — the customer owes the unmetered gas', async () => {
    const { c, m } = await meterWithReadings('2021-03-01', '2026-10-31', 10_000);
    const d = await open(c, m.id, 'company');
    const r = await result(d.id, { errorPercent: -5 });
    // 120 m³ metered at −5 %: 120 × (−5) / 95 = −6.316 m³, × ¥3.05 = −¥19.26
    expect(r).toMatchObject({ compensationLitres: -6316, compensationFen: -1926, testPaidBy: 'company' });
    expect(await w.balance(c)).toBe(1926);
  });

  it('G-6.2.11: a meter in tolerance — the customer who applied pays the test, no compensation', async () => {
    const { c, m } = await meterWithReadings('2021-03-01', '2026-10-31', 10_000);
    const d = await open(c, m.id, 'customer');
    const r = await result(d.id, { errorPercent: 1.2 });
    expect(r).toMatchObject({
      result: 'pass',
      testPaidBy: 'customer',
      compensationFen: 0,
      adjustmentEntryId: null,
    });
    expect(await w.balance(c)).toBe(8000);
    const { c: c2, m: m2 } = await meterWithReadings('2021-03-01', '2026-10-31', 10_000);
    const byCompany = await result((await open(c2, m2.id, 'company')).id, { errorPercent: -1.5 });
    expect(byCompany).toMatchObject({ result: 'pass', testPaidBy: 'company', feeEntryId: null });
    expect(await w.balance(c2)).toBe(0);
  });

  it('G-6.2.11: the price defaults to the average billed price over the window', async () => {
    const { c, m } = await meterWithReadings('2024-01-01', '2026-10-31', 10_000);
    await w.bill(c, { period: '2026-09', amountFen: 3200, issuedOn: '2026-10-02', dueDate: '2026-10-12' });
    const d = await open(c, m.id);
    const res = await w.call('gas_billing', 'POST', `/meter-disputes/${d.id}/result`, {
      version: 1,
      testedOn: '2026-11-10',
      errorPercent: 4,
      tolerancePercent: 1.5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().priceFenPerM3).toBe(305);
  });

  it('bad input and scoping: dates out of order, a stale version, another customer’s meter, another enterprise', async () => {
    const { c, m } = await meterWithReadings('2024-01-01', '2026-10-31', 10_000);
    const other = await w.customer();
    const wrong = await w.call('gas_agent', 'POST', '/meter-disputes', {
      customerId: other,
      meterId: m.id,
      requestedOn: '2026-10-28',
      requestedBy: 'customer',
      testInstitution: '淄博市计量技术研究院',
      testFeeFen: 0,
    });
    expect(wrong.json().code).toBe('DISPUTE_METER_NOT_OF_CUSTOMER');
    const d = await open(c, m.id);
    expect((await result(d.id, { testedOn: '2026-10-01', errorPercent: 4 }, 422)).code).toBe(
      'DISPUTE_DATES_OUT_OF_ORDER',
    );
    expect((await result(d.id, { version: 7, errorPercent: 4 }, 409)).code).toBe('VERSION_CONFLICT');
    expect((await result(d.id, { errorPercent: 4.123 }, 422)).code).toBe('BILLING_METER_ERROR_INVALID');
    expect((await result(d.id, { errorPercent: 4, surprise: 1 }, 400)).code).toBe('VALIDATION_FAILED');
    expect((await w.call('heat_agent', 'GET', `/meter-disputes/${d.id}`)).statusCode).toBe(404);
    expect(
      (
        await w.call('gas_agent', 'POST', `/meter-disputes/${d.id}/result`, {
          version: 1,
          testedOn: '2026-11-10',
          errorPercent: 4,
          tolerancePercent: 1.5,
        })
      ).statusCode,
    ).toBe(403);
    expect(await w.balance(c)).toBe(0);
    expect(
      (await w.call('gas_agent', 'GET', '/meter-disputes?status=requested'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toContain(d.id);
  });
});
