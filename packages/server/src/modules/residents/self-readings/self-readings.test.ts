import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meterReadings, meters } from '../../../db/schema.ts';
import { PNG_1PX } from '../../service/workorders/testing.ts';
import { residentWorld, type ResidentWorld } from '../testing.ts';

// A resident's self-reading with a photo (issue 16): the readers' rules (G-6.2.3 cycle, G-6.2.5 high/low check)
// decide; a clean reading is billed like a reader's, a flagged one waits for the staff's review with its photo.

let w: ResidentWorld;
let meterId: string;
let otherMeterId: string;
// m³ a month, Dec 2025 … Oct 2026, read on the 20th: the same household as the readers' tests.
const YEAR = [40, 50, 45, 30, 18, 12, 10, 9, 9, 11, 20];
let register = 1_000_000;

beforeAll(async () => {
  w = await residentWorld();
  w.at('2026-11-01 09:00');
  await w.bind('gas_resident', 'RQ0001', '李秀英', '0001');
  const db = w.t.database.db;
  const made = await db
    .insert(meters)
    .values([
      { enterpriseId: w.world.gas.id, customerId: w.customers.gas, sector: 'gas', serialNo: 'ZB-SELF-1' },
      { enterpriseId: w.world.gas.id, customerId: w.customers.gas2, sector: 'gas', serialNo: 'ZB-SELF-2' },
    ])
    .returning({ id: meters.id });
  meterId = made[0]!.id;
  otherMeterId = made[1]!.id;
  const rows = YEAR.map((m3, i) => {
    register += m3 * 1000;
    const readOn = i === 0 ? '2025-12-20' : `2026-${String(i).padStart(2, '0')}-20`;
    return {
      enterpriseId: w.world.gas.id,
      customerId: w.customers.gas,
      meterId,
      readOn,
      kind: 'actual',
      register,
      usage: m3 * 1000,
    };
  });
  await db.insert(meterReadings).values(rows);
}, 60_000);
afterAll(() => w.close());

const submit = (body: Record<string, unknown>, customerId = w.customers.gas, who = 'gas_resident') =>
  w.call(who, 'POST', `/resident/accounts/${customerId}/self-readings`, { photo: PNG_1PX, ...body });

describe('self-reading of a gas meter with a photo', () => {
  it('G-6.2.3 a plausible self-reading is recorded at once as a customer reading, with its photo', async () => {
    w.at('2026-11-20 19:00');
    const form = (
      await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}/self-readings`)
    ).json();
    expect(form.meters).toMatchObject([
      { id: meterId, serialNo: 'ZB-SELF-1', lastReadOn: '2026-10-20', lastRegister: register },
    ]);
    register += 30_000;
    const res = await submit({ meterId, register });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'accepted', readOn: '2026-11-20', usage: 30_000, flags: [] });
    const staff = (await w.call('gas_admin', 'GET', `/readings?customerId=${w.customers.gas}`)).json();
    expect(staff.items[0]).toMatchObject({
      id: res.json().readingId,
      kind: 'customer',
      register,
      usage: 30_000,
    });
    const photo = await w.call('gas_resident', 'GET', `/resident/self-readings/${res.json().id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
  });

  it('G-6.2.5 an implausibly high self-reading is not billed: it waits for staff review with its flags, and the staff accept it with a note', async () => {
    w.at('2026-12-20 19:00');
    const before = await w.count(
      `select count(*)::int as n from meter_readings where meter_id = '${meterId}'`,
    );
    const res = await submit({ meterId, register: register + 200_000, note: '家里来了客人' });
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json();
    expect(sent).toMatchObject({ status: 'pending_review', readingId: null, usage: 200_000 });
    expect(sent.flags.map((f: { code: string }) => f.code)).toEqual(['HIGH']);
    expect(await w.count(`select count(*)::int as n from meter_readings where meter_id = '${meterId}'`)).toBe(
      before,
    );

    // The staff see it on the readings screen, with the photo.
    const queue = (await w.call('gas_admin', 'GET', '/self-readings')).json();
    expect(queue.items).toMatchObject([
      { id: sent.id, accountNo: 'RQ0001', serialNo: 'ZB-SELF-1', status: 'pending_review' },
    ]);
    expect((await w.call('gas_admin', 'GET', `/self-readings/${sent.id}/photo`)).statusCode).toBe(200);
    // Another enterprise's staff see nothing of it.
    expect((await w.call('heat_admin', 'GET', '/self-readings')).json().items).toEqual([]);
    expect((await w.call('heat_admin', 'GET', `/self-readings/${sent.id}/photo`)).statusCode).toBe(404);

    const ok = await w.call('gas_admin', 'POST', `/self-readings/${sent.id}/review`, {
      decision: 'accept',
      note: '照片清晰，读数无误',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted_after_review', reviewNote: '照片清晰，读数无误' });
    const staff = (await w.call('gas_admin', 'GET', `/readings?customerId=${w.customers.gas}`)).json();
    expect(staff.items[0]).toMatchObject({ kind: 'customer', readOn: '2026-12-20', usage: 200_000 });
    expect(staff.items[0].checks.map((c: { code: string }) => c.code)).toEqual(['HIGH', 'CONFIRMED']);
    const again = await w.call('gas_admin', 'POST', `/self-readings/${sent.id}/review`, {
      decision: 'reject',
      note: '重复',
    });
    expect(again.json().code).toBe('SELF_READING_REVIEWED');
    register += 200_000;
  });

  it('G-6.2.5 a register below the last reading is refused outright; a rejected flagged reading is never billed', async () => {
    w.at('2027-01-20 19:00');
    const back = await submit({ meterId, register: register - 5_000 });
    expect(back.statusCode).toBe(422);
    expect(back.json().code).toBe('READING_REGISTER_REGRESSED');
    expect(
      await w.count(`select count(*)::int as n from resident_readings where register = ${register - 5_000}`),
    ).toBe(0);

    const flagged = (await submit({ meterId, register: register + 900_000 })).json();
    expect(flagged.status).toBe('pending_review');
    const no = await w.call('gas_admin', 'POST', `/self-readings/${flagged.id}/review`, {
      decision: 'reject',
      note: '照片看不清表盘',
    });
    expect(no.json()).toMatchObject({ status: 'rejected', readingId: null });
    expect(await w.count(`select count(*)::int as n from meter_readings where read_on = '2027-01-20'`)).toBe(
      0,
    );
    const mine = (
      await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}/self-readings`)
    ).json();
    expect(mine.items[0]).toMatchObject({ status: 'rejected', reviewNote: '照片看不清表盘' });
  });

  it('G-5.8.1 a resident reads only the meters of his bound accounts: another household is 404, and a non-image photo is refused', async () => {
    w.at('2027-01-21 19:00');
    // RQ0002 is not bound to gas_resident; the meter of RQ0002 under his own account is not his either.
    expect((await submit({ meterId: otherMeterId, register: 1 }, w.customers.gas2)).statusCode).toBe(404);
    expect((await submit({ meterId: otherMeterId, register: 1 })).statusCode).toBe(404);
    expect(
      (await w.call('gas_resident2', 'GET', `/resident/accounts/${w.customers.gas}/self-readings`))
        .statusCode,
    ).toBe(404);
    const mine = (
      await w.call('gas_resident', 'GET', `/resident/accounts/${w.customers.gas}/self-readings`)
    ).json();
    expect(
      (await w.call('gas_resident2', 'GET', `/resident/self-readings/${mine.items[0].id}/photo`)).statusCode,
    ).toBe(404);
    // A resident may not review.
    expect((await w.call('gas_resident', 'GET', '/self-readings')).statusCode).toBe(403);
    const bad = await submit({ meterId, register: register + 10_000, photo: 'data:image/png;base64,AAAA' });
    expect(bad.json().code).toBe('ATTACHMENT_INVALID');
    expect(
      await w.count(`select count(*)::int as n from resident_readings where read_on = '2027-01-21'`),
    ).toBe(0);
  });
});
