import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';
import { runDispenserWatcher } from '../dispensers/watcher.job.ts';

// Vehicle gas end to end through the API (G-8.1.1, G-8.1.2, G-8.1.4, G-8.1.5, G-8.1.10, G-12.4.4).

let w: OrderWorld;
let cng: { id: string };
const D: Record<string, string> = {};
beforeAll(async () => {
  w = await orderWorld();
  cng = await createEnterprise(w.t.database, 'vehicle_gas', '测试车用燃气公司');
  const other = await createEnterprise(w.t.database, 'vehicle_gas', '另一车用燃气公司');
  await createUser(w.t.database, cng.id, 'cng_admin', 'enterprise_admin');
  await createUser(w.t.database, cng.id, 'cng_att', 'technician');
  await createUser(w.t.database, other.id, 'cng2_admin', 'enterprise_admin');
  w.at('2026-11-26 09:00');
  const dispenser = async (number: string, medium: string, verifiedOn: string, validUntil?: string) => {
    const res = await w.call('cng_admin', 'POST', '/dispensers', { station: '正阳路加气站', number, medium });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    if (verifiedOn) {
      const v = await w.call('cng_admin', 'POST', `/dispensers/${id}/verifications`, {
        verifiedOn,
        passed: true,
        certificateNo: `JD-${number}`,
        verifier: '淄博市计量技术研究院',
        ...(validUntil ? { validUntil } : {}),
      });
      expect(v.statusCode, v.body).toBe(201);
    }
    return id;
  };
  D.cng = await dispenser('1', 'CNG', '2026-09-01');
  D.lng = await dispenser('2', 'LNG', '2026-10-15');
  D.old = await dispenser('3', 'CNG', '2026-04-01', '2026-10-01');
  D.soon = await dispenser('4', 'CNG', '2026-06-10');
});
afterAll(() => w.close());

const cyl = (serialNo: string, expires: string, medium = 'CNG') => ({
  serialNo,
  medium,
  certificateNo: `QP-${serialNo}`,
  certificateExpiresOn: expires,
});
const register = (plate: string, cylinders: object[], medium = 'CNG') =>
  w.call('cng_att', 'POST', '/vehicles', {
    plate,
    ownerName: '王师傅',
    ownerPhone: '13905331234',
    medium,
    vehicleType: '出租车',
    cylinders,
  });
const check = async (plate: string, dispenserId = D.cng!) => {
  const res = await w.call('cng_att', 'POST', '/vehicle-fills/checks', { plate, dispenserId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
};
const fill = (checkId: string, quantity = 12.5, leakFree = true) =>
  w.call('cng_att', 'POST', '/vehicle-fills', { checkId, quantity, leakFree });

describe('vehicles and their cylinders (G-8.1.1, G-8.1.10)', () => {
  it('G-8.1.10 a vehicle is registered with each cylinder’s medium and certificate, the plate in one form', async () => {
    const res = await register('鲁c·t1001', [cyl('A1', '2027-06-30'), cyl('A2', '2027-12-31')]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      plate: '鲁CT1001',
      cylinders: [
        { serialNo: 'A1', certificateState: 'valid' },
        { serialNo: 'A2', certificateState: 'valid' },
      ],
    });
    expect((await register('鲁C T1001', [cyl('B1', '2027-06-30')])).json().code).toBe('VEHICLE_PLATE_TAKEN');
    expect((await register('鲁CT1002', [])).statusCode).toBe(400);
  });

  it('G-8.1.10 the regulator reads every company’s vehicles with the owner masked; another company sees none', async () => {
    const reg = (await w.call('reg', 'GET', '/vehicles')).json();
    expect(reg.items[0]).toMatchObject({ ownerName: '王**', ownerPhone: '139****1234' });
    expect((await w.call('cng2_admin', 'GET', '/vehicles')).json().total).toBe(0);
    expect((await register('鲁CT1009', [cyl('X', '2027-01-01')])).statusCode).toBe(201);
    expect(
      (await w.call('gas_admin', 'POST', '/dispensers', { station: 'x', number: '1', medium: 'CNG' })).json()
        .code,
    ).toBe('VEHICLE_GAS_ONLY');
  });
});

describe('the check before filling (G-8.1.1, G-8.1.4, G-8.1.10)', () => {
  it('G-8.1.1 a CNG vehicle at an LNG dispenser is refused with the reason, kept, and cannot be filled', async () => {
    const r = await check('鲁CT1001', D.lng);
    expect(r.outcome).toBe('refused');
    expect(r.findings[0]).toMatchObject({ reason: 'medium_mismatch', serialNo: 'A1' });
    expect(r.findings[0].message.zh).toContain('介质不符');
    const res = await fill(r.checkId);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('VEHICLE_FILL_REFUSED');
    expect(await w.count(`select count(*) n from vehicle_fill_checks where outcome = 'refused'`)).toBe(1);
  });

  it('G-8.1.10 an expired certificate is refused; the renewed certificate lets the vehicle fill', async () => {
    const made = (await register('鲁CT2002', [cyl('E1', '2026-11-25'), cyl('E2', '2028-01-01')])).json();
    const r = await check('鲁CT2002');
    expect(r.outcome).toBe('refused');
    expect(r.findings).toMatchObject([{ reason: 'certificate_expired', serialNo: 'E1' }]);
    const e1 = made.cylinders.find((c: Detail) => c.serialNo === 'E1');
    const renewed = await w.call('cng_att', 'POST', `/vehicles/${made.id}/cylinders/${e1.id}/certificates`, {
      certificateNo: 'QP-E1-2026',
      inspectedOn: '2026-11-26',
      expiresOn: '2029-11-25',
    });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(renewed.json().certificates).toHaveLength(3);
    expect((await check('鲁CT2002')).outcome).toBe('accepted');
  });

  it('G-8.1.10 a certificate expiring within 30 days gets a reminder and the vehicle is filled', async () => {
    expect((await register('鲁CT3003', [cyl('R1', '2026-12-20')])).statusCode).toBe(201);
    const r = await check('鲁CT3003');
    expect(r.outcome).toBe('accepted');
    expect(r.reminders).toMatchObject([{ serialNo: 'R1', expiresOn: '2026-12-20', daysLeft: 24 }]);
    expect(r.reminderSource.zh).toContain('30天');
    expect((await fill(r.checkId)).statusCode).toBe(201);
  });

  it('G-8.1.4 a compliant vehicle is accepted; an unregistered plate is not counted as a refusal', async () => {
    const ok = await check('鲁CT1001');
    expect(ok).toMatchObject({ outcome: 'accepted', findings: [], reminders: [] });
    const unknown = await check('鲁CX9999');
    expect(unknown.outcome).toBe('unregistered');
    expect(unknown.message.zh).toContain('不是拒绝');
    const log = (
      await w.call('cng_admin', 'GET', '/vehicle-fills?from=2026-11-26&to=2026-11-26')
    ).json() as Detail;
    expect(log.counts).toMatchObject({ refused: 2, unregistered: 1, reminded: 1 });
    expect(log.refusalCounts).toEqual([
      { reason: 'certificate_expired', n: 1 },
      { reason: 'medium_mismatch', n: 1 },
    ]);
  });

  it('G-8.1.2 a dispenser past its verification meters no fill: the check is answered with another pump to use', async () => {
    const res = await w.call('cng_att', 'POST', '/vehicle-fills/checks', {
      plate: '鲁CT1001',
      dispenserId: D.old,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DISPENSER_NOT_VERIFIED');
  });
});

describe('the fill log', () => {
  it('G-8.1.1 every fill is logged with station, dispenser, attendant, vehicle, medium, quantity and time, once', async () => {
    const r = await check('鲁CT1001');
    const res = await fill(r.checkId, 11.234);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      station: '正阳路加气站',
      dispenserNo: '1',
      plate: '鲁CT1001',
      medium: 'CNG',
      quantity: 11.234,
      unit: 'kg',
      attendantName: 'cng_att',
      leakFree: true,
      leakCaseId: null,
    });
    expect((await fill(r.checkId)).json().code).toBe('VEHICLE_FILL_RECORDED');
    await expect(w.t.database.db.execute(sql`update vehicle_fills set quantity_milli = 1`)).rejects.toThrow();
    await expect(w.t.database.db.execute(sql`delete from vehicle_fill_checks`)).rejects.toThrow();
  });

  it('G-8.1.10 a check is good for the fill that follows it, not for one 40 minutes later', async () => {
    const r = await check('鲁CT1001');
    w.at('2026-11-26 09:45');
    expect((await fill(r.checkId)).json().code).toBe('VEHICLE_CHECK_STALE');
    w.at('2026-11-26 09:00');
  });
});

describe('a leaking vehicle cylinder (G-8.1.5)', () => {
  it('G-8.1.5 a leak found after filling opens a case; the vehicle is refused until the procedure is closed', async () => {
    const r = await check('鲁CT3003');
    const res = await fill(r.checkId, 10, false);
    expect(res.statusCode, res.body).toBe(201);
    const caseId = res.json().leakCaseId as string;
    expect(caseId).toBeTruthy();
    expect((await check('鲁CT3003')).findings[0].reason).toBe('leak_open');
    const step = (s: string, note = '') =>
      w.call('cng_att', 'POST', `/vehicle-leaks/${caseId}/steps`, { step: s, note });
    const early = await step('owner_told');
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'LEAK_STEP_OUT_OF_ORDER', details: { next: 'isolated' } });
    w.at('2026-11-26 09:03');
    expect((await step('isolated', '关闭瓶阀，车辆推至隔离区')).statusCode).toBe(201);
    expect((await step('owner_told', '电话告知车主')).statusCode).toBe(201);
    expect((await step('handled')).json().code).toBe('VALIDATION_FAILED');
    expect((await step('handled', '更换瓶阀密封件后复检无泄漏')).statusCode).toBe(201);
    const closed = await step('closed', '复检合格');
    expect(closed.json()).toMatchObject({ state: 'closed', nextStep: null, minutesToIsolate: 3 });
    expect(closed.json().steps.map((s: Detail) => s.step)).toEqual([
      'found',
      'isolated',
      'owner_told',
      'handled',
      'closed',
    ]);
    expect((await check('鲁CT3003')).outcome).toBe('accepted');
  });

  it('G-8.1.5 a leak found at the pump is recorded by plate and listed while open', async () => {
    const res = await w.call('cng_att', 'POST', '/vehicle-leaks', {
      plate: '鲁CT1009',
      cylinderSerial: 'X',
      station: '正阳路加气站',
      description: '瓶口阀处有气味，检漏液起泡',
    });
    expect(res.statusCode, res.body).toBe(201);
    const open = (await w.call('cng_admin', 'GET', '/vehicle-leaks?state=open')).json();
    expect(open.items.map((c: Detail) => c.plate)).toEqual(['鲁CT1009']);
    expect((await w.call('cng2_admin', 'GET', `/vehicle-leaks/${res.json().id}`)).statusCode).toBe(404);
  });
});

describe('dispenser verification register (G-8.1.2)', () => {
  it('G-8.1.2 the register shows each due date; the watcher alerts once before due and once when overdue', async () => {
    const list = (await w.call('cng_admin', 'GET', '/dispensers')).json();
    const byNo = Object.fromEntries(list.items.map((d: Detail) => [d.number, d]));
    expect(byNo['1']).toMatchObject({ state: 'valid', dueOn: '2027-03-01' });
    expect(byNo['3']).toMatchObject({ state: 'overdue', dueOn: '2026-10-01', usable: false });
    expect(byNo['4']).toMatchObject({ state: 'due_soon', dueOn: '2026-12-10', daysLeft: 14 });
    const now = w.at('2026-11-26 10:00');
    expect(await runDispenserWatcher(w.t, now)).toBe(2);
    expect(await runDispenserWatcher(w.t, now)).toBe(0);
    const alerts = (await w.call('cng_admin', 'GET', '/dispensers')).json().alerts as Detail[];
    expect(alerts.map((a) => a.kind).sort()).toEqual(['dispenser_due', 'dispenser_overdue']);
    // Verified again: valid, and a later due date alerts anew in its own time.
    const again = await w.call('cng_admin', 'POST', `/dispensers/${D.soon}/verifications`, {
      verifiedOn: '2026-11-26',
      passed: true,
      certificateNo: 'JD-4-2',
      verifier: '淄博市计量技术研究院',
    });
    expect(again.json().dispenser).toMatchObject({ state: 'valid', dueOn: '2027-05-26' });
    const failed = await w.call('cng_admin', 'POST', `/dispensers/${D.lng}/verifications`, {
      verifiedOn: '2026-11-26',
      passed: false,
      certificateNo: 'JD-2-X',
      verifier: '淄博市计量技术研究院',
    });
    expect(failed.json().dispenser).toMatchObject({ state: 'failed', usable: false });
    expect(await runDispenserWatcher(w.t, now)).toBe(1);
  });
});

describe('evaluation (G-12.4.4)', () => {
  it('G-12.4.4 the vehicle-gas leak-free rate counts the fills’ leak checks, and drills down to them', async () => {
    const res = await w.call('reg', 'GET', `/evaluation?period=2026-11&enterpriseId=${cng.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Detail;
    const row = body.indicators.find((i: Detail) => i.id === 'vehicle_leak_free');
    expect(row.figures[0]).toMatchObject({ numerator: 2, denominator: 3 });
    const drill = (
      await w.call(
        'reg',
        'GET',
        `/evaluation/drilldown?indicator=vehicle_leak_free&enterpriseId=${cng.id}&period=2026-11`,
      )
    ).json() as Detail;
    expect(drill.total).toBe(3);
    expect(drill.items.filter((r: Detail) => !r.inNumerator).map((r: Detail) => r.refNo)).toEqual([
      '鲁CT3003',
    ]);
  });
});
