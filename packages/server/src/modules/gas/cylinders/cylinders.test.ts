import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';
import { recordScan } from '../cylinder-fills/cylinder-fills.repository.ts';

let w: OrderWorld;
let lpg: { id: string };
beforeAll(async () => {
  w = await orderWorld();
  lpg = await createEnterprise(w.t.database, 'bottled_gas', '测试液化气公司');
  const other = await createEnterprise(w.t.database, 'bottled_gas', '另一液化气公司');
  await createUser(w.t.database, lpg.id, 'lpg_admin', 'enterprise_admin');
  await createUser(w.t.database, lpg.id, 'lpg_filler', 'technician');
  await createUser(w.t.database, other.id, 'lpg2_admin', 'enterprise_admin');
  w.at('2026-11-26 09:00');
});
afterAll(() => w.close());

export const cylinder = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  manufacturer: '淄博示范钢瓶厂',
  serialNo: `S-${code}`,
  manufacturedOn: '2022-03-01',
  model: 'YSP35.5',
  marking: '示范液化气',
  ...over,
});

const register = async (who: string, code: string, over: Record<string, unknown> = {}) =>
  w.call(who, 'POST', '/cylinders', cylinder(code, over));
const event = (who: string, code: string, body: Record<string, unknown>) =>
  w.call(who, 'POST', `/cylinders/${code}/events`, { place: '淄川充装站', ...body });
const scan = async (who: string, code: string) =>
  (
    await w.call(who, 'POST', '/cylinder-fills/scans', { code, station: '淄川充装站 1号秤' })
  ).json() as Detail;

describe('cylinder register (G-7.1.2, G-7.1.4, G-7.1.5)', () => {
  it('G-7.1.4 a registered cylinder carries its inspection and scrap dates by the rules', async () => {
    const res = await register('lpg_admin', 'YH0000001', { lastInspectedOn: '2025-04-10' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      ratedFillG: 14_500,
      toleranceG: 500,
      nextInspectionOn: '2029-04-10',
      scrapDueOn: '2037-03-01',
      state: 'in_stock',
    });
  });

  it('G-7.1.5 a code is never registered twice, by any company, even after the cylinder is scrapped', async () => {
    expect((await register('lpg_admin', 'YH0000002')).statusCode).toBe(201);
    expect((await event('lpg_admin', 'YH0000002', { type: 'scrapped', on: '2026-11-25' })).statusCode).toBe(
      201,
    );
    const again = await register('lpg_admin', 'YH0000002');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CYLINDER_CODE_TAKEN');
    expect((await register('lpg2_admin', 'YH0000002')).json().code).toBe('CYLINDER_CODE_TAKEN');
    // The database itself refuses: a row is never deleted, and its code never changes.
    await expect(
      w.t.database.db.execute(sql`delete from cylinders where code = 'YH0000002'`),
    ).rejects.toThrow();
    await expect(
      w.t.database.db.execute(sql`update cylinders set code = 'YH0000099' where code = 'YH0000002'`),
    ).rejects.toThrow();
    await expect(
      w.t.database.db.execute(sql`insert into cylinders (enterprise_id, code, manufacturer, serial_no,
        manufactured_on, model, capacity_dl, rated_fill_g, tolerance_g, marking, next_inspection_on, scrap_due_on,
        created_by, created_at) select enterprise_id, code, manufacturer, serial_no, manufactured_on, model,
        capacity_dl, rated_fill_g, tolerance_g, marking, next_inspection_on, scrap_due_on, created_by, created_at
        from cylinders where code = 'YH0000002'`),
    ).rejects.toThrow();
  });

  it('G-7.1.2 only a bottled-gas company registers cylinders, and sees only its own', async () => {
    expect((await register('gas_admin', 'RQ0000001')).json().code).toBe('CYLINDER_NOT_BOTTLED_GAS');
    expect((await w.call('lpg2_admin', 'GET', '/cylinders/YH0000001')).statusCode).toBe(404);
    expect((await w.call('lpg2_admin', 'GET', '/cylinders')).json().total).toBe(0);
    expect((await w.call('lpg_admin', 'GET', '/cylinders')).json().total).toBe(2);
    expect((await register('lpg_admin', 'YH0000003', { manufacturedOn: '2026-11-27' })).statusCode).toBe(400);
    expect((await register('lpg_admin', 'YH0000003', { extra: 1 })).statusCode).toBe(400);
  });
});

describe('filling (G-7.1.6, G-7.1.9, G-12.4.3.1, G-12.4.3.2)', () => {
  it('G-7.1.6 each refusal reason is given and the refusal kept', async () => {
    expect(await scan('lpg_filler', 'NOSUCH001')).toMatchObject({ ok: false, reason: 'unregistered' });
    expect(await scan('lpg2_admin', 'YH0000001')).toMatchObject({ ok: false, reason: 'other_company' });
    expect(await scan('lpg_filler', 'YH0000002')).toMatchObject({ ok: false, reason: 'scrapped' });
    // G-7.1.9: registered but never treated before first use.
    expect(await scan('lpg_filler', 'YH0000001')).toMatchObject({ ok: false, reason: 'not_treated' });
    expect((await register('lpg_admin', 'YH0000004', { manufacturedOn: '2018-01-05' })).statusCode).toBe(201);
    await event('lpg_filler', 'YH0000004', { type: 'treated', on: '2026-11-26' });
    const overdue = await scan('lpg_filler', 'YH0000004');
    expect(overdue).toMatchObject({ ok: false, reason: 'inspection_overdue' });
    expect(overdue.message.zh).toContain('2022-01-05');
    const report = (
      await w.call('lpg_admin', 'GET', '/cylinder-fills?from=2026-11-26&to=2026-11-26')
    ).json() as Detail;
    expect(report.refusalCounts).toEqual(
      expect.arrayContaining([
        { reason: 'unregistered', n: 1 },
        { reason: 'scrapped', n: 1 },
        { reason: 'not_treated', n: 1 },
        { reason: 'inspection_overdue', n: 1 },
      ]),
    );
    // A refused scan cannot be filled.
    const refused = await w.call('lpg_filler', 'POST', '/cylinder-fills', {
      scanId: overdue.scanId,
      netWeightG: 14_500,
      leakFree: true,
    });
    expect(refused.json().code).toBe('CYLINDER_FILL_REFUSED');
    await expect(
      w.t.database.db.execute(sql`update cylinder_fill_scans set outcome = 'accepted'`),
    ).rejects.toThrow();
  });

  it('G-7.1.6 the scan and its audit event are one statement committed asynchronously for that statement only', async () => {
    const db = w.t.database.db;
    const setting = async (tx: typeof db) =>
      (
        (await tx.execute(sql`select current_setting('synchronous_commit') as v`)) as unknown as {
          rows: { v: string }[];
        }
      ).rows[0]!.v;
    const before = await setting(db);
    const values = {
      enterpriseId: lpg.id,
      code: 'ASYNC0001',
      cylinderId: null,
      station: '淄川充装站 1号秤',
      outcome: 'refused',
      reason: 'unregistered',
      actorId: null,
      scannedAt: new Date('2026-11-26T01:00:00Z'),
    };
    const audit = { actorName: '充装工', action: 'cylinder_fill.scan_refused' };
    // Inside one transaction the statement's own setting is visible; after its commit, nothing of it is left.
    await db.transaction(async (tx) => {
      await recordScan(tx, values, audit);
      expect(await setting(tx)).toBe('off');
    });
    for (let i = 0; i < 4; i++) await recordScan(db, values, audit);
    for (let i = 0; i < 4; i++) expect(await setting(db)).toBe(before);
    const kept = (await db.execute(sql`select
        (select count(*)::int from cylinder_fill_scans where code = 'ASYNC0001') as scans,
        (select count(*)::int from audit_events where entity = 'cylinder_fill_scan'
          and after->>'code' = 'ASYNC0001') as audits`)) as unknown as {
      rows: { scans: number; audits: number }[];
    };
    expect(kept.rows[0]).toEqual({ scans: 5, audits: 5 });
  });

  it('G-7.1.6 after filling, weight and leak test decide pass or hold; the rates count these records', async () => {
    await event('lpg_filler', 'YH0000001', { type: 'treated', on: '2026-11-26' });
    const ok = await scan('lpg_filler', 'YH0000001');
    expect(ok).toMatchObject({ ok: true, cylinder: { ratedFillG: 14_500 } });
    const pass = await w.call('lpg_filler', 'POST', '/cylinder-fills', {
      scanId: ok.scanId,
      netWeightG: 14_600,
      leakFree: true,
      labelNo: 'HG-0001',
    });
    expect(pass.statusCode, pass.body).toBe(201);
    expect(pass.json()).toMatchObject({ outcome: 'pass', weightOk: true });
    const twice = await w.call('lpg_filler', 'POST', '/cylinder-fills', {
      scanId: ok.scanId,
      netWeightG: 14_600,
      leakFree: true,
    });
    expect(twice.json().code).toBe('CYLINDER_FILL_RECORDED');

    w.at('2026-11-26 09:30');
    const again = await scan('lpg_filler', 'YH0000001');
    const held = await w.call('lpg_filler', 'POST', '/cylinder-fills', {
      scanId: again.scanId,
      netWeightG: 15_200,
      leakFree: false,
    });
    expect(held.json()).toMatchObject({ outcome: 'hold', weightOk: false, leakFree: false, labelNo: null });
    const report = (
      await w.call('lpg_admin', 'GET', '/cylinder-fills?from=2026-11-01&to=2026-11-30')
    ).json() as Detail;
    expect(report.rates).toEqual({ tested: 2, leakFree: 1, passed: 1 });
    // G-12.4.3.1, G-12.4.3.2: the regulator's indicators count the same records, and list them.
    const ev = (await w.call('reg', 'GET', '/evaluation?period=2026-11')).json() as Detail;
    const fig = (id: string) =>
      ev.indicators.find((i: Detail) => i.id === id).figures.find((f: Detail) => f.enterpriseId === lpg.id);
    expect(fig('cylinder_leak_free')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(fig('cylinder_fill_pass')).toMatchObject({ numerator: 1, denominator: 2 });
    const drill = (
      await w.call(
        'reg',
        'GET',
        `/evaluation/drilldown?period=2026-11&indicator=cylinder_fill_pass&enterpriseId=${lpg.id}`,
      )
    ).json() as Detail;
    expect(drill.items.map((r: Detail) => [r.refNo, r.outcome])).toEqual([
      ['YH0000001', 'pass'],
      ['YH0000001', 'hold'],
    ]);

    // G-7.1.5: the timeline reads registration, treatment, fill and check in order, and cannot be edited.
    const detail = (await w.call('lpg_admin', 'GET', '/cylinders/YH0000001')).json() as Detail;
    expect(detail.cylinder.state).toBe('held');
    expect(detail.events.map((e: Detail) => e.type)).toEqual([
      'registered',
      'treated',
      'filled',
      'checked',
      'filled',
      'checked',
    ]);
    await expect(w.t.database.db.execute(sql`delete from cylinder_events`)).rejects.toThrow();
    await expect(w.t.database.db.execute(sql`update cylinder_fills set outcome = 'pass'`)).rejects.toThrow();
  });

  it('G-7.1.13 anyone may look a cylinder up without signing in, with the standards beside it', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/public/cylinders/YH0000001' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      registered: true,
      company: { name: '测试液化气公司' },
      lastFilledOn: '2026-11-26',
      nextInspectionOn: '2029-04-10',
      usable: true,
      standards: { inspectionYears: 4, residueLimitPercent: 3 },
    });
    const scrapped = await w.t.app.inject({ method: 'GET', url: '/api/public/cylinders/YH0000002' });
    expect(scrapped.json()).toMatchObject({ usable: false });
    const unknown = await w.t.app.inject({ method: 'GET', url: '/api/public/cylinders/ZZ0000001' });
    expect(unknown.json()).toMatchObject({ registered: false, usable: false });
  });
});
