import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meteringWorld, type MeteringWorld } from './testing.ts';

let w: MeteringWorld;
beforeAll(async () => {
  w = await meteringWorld();
}, 60_000);
afterAll(() => w.t.close());

describe('meters (G-6.2.2, G-6.2.10)', () => {
  it('G-6.2.2: a meter is registered with its verification dates and installed for a customer, with an install event and opening reading', async () => {
    const customerId = await w.customer();
    const res = await w.call(w.cookies.clerk, 'POST', '/meters', {
      serialNo: 'ZB-A-0001',
      model: 'G2.5 膜式燃气表',
      verifiedOn: '2025-06-01',
      nextVerificationDue: '2026-12-10',
      remoteReading: true,
      install: { customerId, on: '2025-11-20', reading: 12_345 },
    });
    expect(res.status).toBe(201);
    expect(res.body.meter).toMatchObject({
      status: 'in_service',
      customerId,
      remoteReading: true,
      dueInDays: 14,
    });
    expect(res.body.events.map((e: { kind: string }) => e.kind)).toEqual(['install']);
    const readings = await w.call(w.cookies.clerk, 'GET', `/readings?customerId=${customerId}`);
    expect(readings.body.items).toMatchObject([
      { readOn: '2025-11-20', kind: 'actual', register: 12_345, usage: 0 },
    ]);
  });

  it('G-6.2.2: the verification-due list shows meters due within 30 days, soonest first', async () => {
    const customerId = await w.customer();
    await w.meter(customerId, { nextVerificationDue: '2027-06-01' });
    const res = await w.call(w.cookies.agent, 'GET', '/meters?dueWithinDays=30');
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: { serialNo: string }) => m.serialNo)).toContain('ZB-A-0001');
    expect(res.body.items.every((m: { dueInDays: number }) => m.dueInDays <= 30)).toBe(true);
  });

  it('G-6.2.2: a prepaid meter needs a low-balance alarm or a limited overdraft; nothing is written without one', async () => {
    const before = await w.count('select count(*)::int as n from meters');
    const bad = await w.call(w.cookies.clerk, 'POST', '/meters', { serialNo: 'PP-1', prepaid: true });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('METER_PREPAID_SETTINGS_REQUIRED');
    expect(await w.count('select count(*)::int as n from meters')).toBe(before);
    const alarm = await w.call(w.cookies.clerk, 'POST', '/meters', {
      serialNo: 'PP-2',
      prepaid: true,
      lowBalanceAlarmFen: 2000,
    });
    expect(alarm.body.meter).toMatchObject({ prepaid: true, lowBalanceAlarmFen: 2000, status: 'in_stock' });
    const overdraft = await w.call(w.cookies.clerk, 'POST', '/meters', {
      serialNo: 'PP-3',
      prepaid: true,
      overdraftLimitFen: 3000,
    });
    expect(overdraft.body.meter).toMatchObject({ overdraftLimitFen: 3000, lowBalanceAlarmFen: null });
  });

  it('G-6.2.2: off-line verification needs a spare meter or an agreed method; the spare is installed and returned', async () => {
    const customerId = await w.customer();
    const id = await w.meter(customerId);
    const refused = await w.call(w.cookies.clerk, 'POST', `/meters/${id}/events`, {
      kind: 'send_to_verification',
      on: '2026-11-01',
      reading: 1_100_000,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('METER_VERIFICATION_SPARE_REQUIRED');
    const sent = await w.call(w.cookies.clerk, 'POST', `/meters/${id}/events`, {
      kind: 'send_to_verification',
      on: '2026-11-01',
      reading: 1_100_000,
      spareSerialNo: 'SPARE-001',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.meter.status).toBe('in_verification');
    expect(sent.body.events[0]).toMatchObject({
      kind: 'send_to_verification',
      payload: { spareSerialNo: 'SPARE-001' },
    });
    const spare = (await w.call(w.cookies.clerk, 'GET', '/meters?q=SPARE-001')).body.items[0];
    expect(spare).toMatchObject({ status: 'in_service', customerId });
    const back = await w.call(w.cookies.clerk, 'POST', `/meters/${id}/events`, {
      kind: 'return_from_verification',
      on: '2026-11-20',
      passed: true,
      verifiedOn: '2026-11-15',
      nextVerificationDue: '2032-11-15',
      spareFinalReading: 8_000,
    });
    expect(back.status).toBe(201);
    expect(back.body.meter).toMatchObject({ status: 'in_service', verifiedOn: '2026-11-15' });
    expect((await w.call(w.cookies.clerk, 'GET', `/meters/${spare.id}`)).body.meter.status).toBe('in_stock');
    const agreed = await w.meter(await w.customer());
    const byMethod = await w.call(w.cookies.clerk, 'POST', `/meters/${agreed}/events`, {
      kind: 'send_to_verification',
      on: '2026-11-01',
      reading: 1_050_000,
      agreedMethod: '按上年同期用量计量，检定合格后多退少补',
    });
    expect(byMethod.body.events[0].payload.agreedMethod).toContain('上年同期');
  });

  it('G-6.2.2: an exchange closes the old meter with its final register and installs the new one', async () => {
    const customerId = await w.customer();
    const id = await w.meter(customerId);
    const res = await w.call(w.cookies.clerk, 'POST', `/meters/${id}/events`, {
      kind: 'exchange',
      on: '2026-10-10',
      finalReading: 1_200_000,
      newSerialNo: 'NEW-0001',
      reason: '到期轮换',
    });
    expect(res.status).toBe(201);
    expect(res.body.meter).toMatchObject({ status: 'removed', removedOn: '2026-10-10' });
    const list = await w.call(w.cookies.clerk, 'GET', `/meters?customerId=${customerId}`);
    const states = list.body.items.map((m: { serialNo: string; status: string }) => [m.serialNo, m.status]);
    expect(states).toHaveLength(2);
    expect(states).toContainEqual(['NEW-0001', 'in_service']);
    expect(states).toContainEqual([expect.stringMatching(/^T/), 'removed']);
    const regress = await w.call(w.cookies.clerk, 'POST', `/meters/${id}/events`, {
      kind: 'remove',
      on: '2026-11-01',
      finalReading: 1,
      reason: '测试',
    });
    expect(regress.body.code).toBe('METER_STATUS');
  });

  it('removal of a meter keeps its final register; a register running backwards is refused and nothing written', async () => {
    const customerId = await w.customer();
    const id = await w.meter(customerId);
    const events = await w.count('select count(*)::int as n from meter_events');
    const bad = await w.call(w.cookies.clerk, 'POST', `/meters/${id}/events`, {
      kind: 'remove',
      on: '2026-11-01',
      finalReading: 999_000,
      reason: '用户销户拆表',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('READING_REGISTER_REGRESSED');
    expect(await w.count('select count(*)::int as n from meter_events')).toBe(events);
    const ok = await w.call(w.cookies.clerk, 'POST', `/meters/${id}/events`, {
      kind: 'remove',
      on: '2026-11-01',
      finalReading: 1_080_000,
      reason: '用户销户拆表',
    });
    expect(ok.body.meter.status).toBe('removed');
    expect(ok.body.events[0]).toMatchObject({ kind: 'remove', reading: 1_080_000 });
  });

  it('another enterprise cannot see or act on a meter (404); the agent reads but cannot write (403); bad input 400', async () => {
    const id = await w.meter(await w.customer());
    expect((await w.call(w.cookies.other, 'GET', `/meters/${id}`)).status).toBe(404);
    const other = await w.call(w.cookies.other, 'POST', `/meters/${id}/events`, {
      kind: 'remove',
      on: '2026-11-01',
      finalReading: 1_080_000,
      reason: '越权',
    });
    expect(other.status).toBe(404);
    expect((await w.call(w.cookies.other, 'GET', '/meters')).body.items).toEqual([]);
    expect((await w.call(w.cookies.agent, 'GET', `/meters/${id}`)).status).toBe(200);
    expect((await w.call(w.cookies.agent, 'POST', '/meters', { serialNo: 'AG-1' })).status).toBe(403);
    expect(
      (await w.call(w.cookies.clerk, 'POST', '/meters', { serialNo: 'X-1', colour: 'red' })).status,
    ).toBe(400);
    expect((await w.call(w.cookies.reg, 'GET', '/meters')).body.items.length).toBeGreaterThan(0);
  });

  it('meter settings are edited with the version read; a stale version is a conflict', async () => {
    const id = await w.meter(await w.customer());
    const { version } = (await w.call(w.cookies.clerk, 'GET', `/meters/${id}`)).body.meter;
    const ok = await w.call(w.cookies.clerk, 'PATCH', `/meters/${id}`, { remoteReading: true, version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.meter.remoteReading).toBe(true);
    const stale = await w.call(w.cookies.clerk, 'PATCH', `/meters/${id}`, {
      remoteReading: false,
      version,
    });
    expect(stale.status).toBe(409);
  });
});
