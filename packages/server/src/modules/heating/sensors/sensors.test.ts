import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHouseholds, qualityWorld } from '../measurements/quality.fixtures.ts';
import { sqlStateOf } from '../../../testing/refusal.ts';
import type { OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
let place: string;
beforeAll(async () => {
  w = await qualityWorld(); // now: 2026-12-10 10:00 Shanghai; season 2026-11-15 – 2027-03-15
  place = (await addHouseholds(w, [{ rate: 80 }]))[0]!;
  const res = await w.call('heat_admin', 'POST', '/sensors', {
    sensorCode: 'ZB-T-0001',
    premisesId: place,
    room: 'living_room',
    installedOn: '2026-11-01',
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => w.close());

const ingest = (readings: object[], who = 'heat_dispatcher') =>
  w.call(who, 'POST', '/sensors/readings', { readings });

describe('H-5.4.1 remote room-temperature readings', () => {
  it('H-5.4.1: good readings are kept; each bad one is rejected with its index and reason', async () => {
    const res = await ingest([
      { sensorId: 'ZB-T-0001', at: '2026-12-09T00:00:00Z', temperature: 17.5 }, // 08:00 Shanghai, 9 Dec
      { sensorId: 'ZB-T-0001', at: '2026-12-09T06:00:00Z', temperature: 19.46 },
      { sensorId: 'ZB-T-0001', at: '2026-12-09T12:00:00Z', temperature: 20.5 },
      { sensorId: 'NOPE', at: '2026-12-09T00:00:00Z', temperature: 19 },
      { sensorId: 'ZB-T-0001', at: '2026-12-11T00:00:00Z', temperature: 19 },
      { sensorId: 'ZB-T-0001', at: '2026-10-01T00:00:00Z', temperature: 19 },
      { sensorId: 'ZB-T-0001', at: '2026-12-09T01:00:00Z', temperature: 60 },
      { sensorId: 'ZB-T-0001', at: '2026-12-09T06:00:00Z', temperature: 19.5 },
      { sensorId: 'ZB-T-0001', at: 'yesterday', temperature: 19.5 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ received: 9, accepted: 3, rejected: 6 });
    expect(body.rejections.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [3, 'SENSOR_UNKNOWN'],
      [4, 'READING_IN_FUTURE'],
      [5, 'READING_OUTSIDE_SEASON'],
      [6, 'TEMPERATURE_OUT_OF_RANGE'],
      [7, 'DUPLICATE'],
      [8, 'TIME_INVALID'],
    ]);
    // Sent again: all three already stored → duplicates, nothing added.
    const again = await ingest([{ sensorId: 'ZB-T-0001', at: '2026-12-09T00:00:00Z', temperature: 17.5 }]);
    expect(again.json()).toMatchObject({ accepted: 0, rejections: [{ index: 0, code: 'DUPLICATE' }] });
    // A batch half sent before (a gateway's retry after a lost answer): the new reading kept, the old one rejected.
    const retry = await ingest([
      { sensorId: 'ZB-T-0001', at: '2026-12-07T03:00:00Z', temperature: 18.5 },
      { sensorId: 'ZB-T-0001', at: '2026-12-09T12:00:00Z', temperature: 20.5 },
    ]);
    expect(retry.json()).toMatchObject({ accepted: 1, rejections: [{ index: 1, code: 'DUPLICATE' }] });
    const log = (await w.call('heat_admin', 'GET', '/sensors/ingestions')).json().items;
    expect(log[0]).toMatchObject({ received: 2, accepted: 1 });
    expect(log[1]).toMatchObject({ received: 1, accepted: 0 });
    expect(log[2].rejections).toHaveLength(6);
  });

  it('H-5.4.1, H-5.4.6: daily statistics per household, for analysis and dispatch (Shanghai days): min / avg / max and the share at 18 °C', async () => {
    const res = await w.call(
      'heat_admin',
      'GET',
      `/sensors/daily?premisesId=${place}&from=2026-12-08&to=2026-12-10`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().days).toEqual([
      { day: '2026-12-09', min: 175, avg: 192, max: 205, readings: 3, shareAtStandard: 66.7 },
    ]);
    const list = (await w.call('heat_admin', 'GET', '/sensors')).json().items;
    expect(list[0]).toMatchObject({ sensorCode: 'ZB-T-0001', lastTenths: 205 });
  });

  it('other enterprises cannot post to these sensors or read them; 5001 items are refused whole', async () => {
    await w.call('gas_admin', 'GET', '/sensors');
    const gas = await ingest(
      [{ sensorId: 'ZB-T-0001', at: '2026-12-09T03:00:00Z', temperature: 19 }],
      'gas_admin',
    );
    expect(gas.json().rejections[0].code).toBe('SENSOR_UNKNOWN');
    expect((await w.call('gas_admin', 'GET', '/sensors')).json().items).toEqual([]);
    const many = Array.from({ length: 5001 }, () => ({
      sensorId: 'x',
      at: '2026-12-09T00:00:00Z',
      temperature: 1,
    }));
    expect((await ingest(many)).statusCode).toBe(400);
  });
});

const refusal = (text: string) => sqlStateOf(() => w.t.database.executeSql(text));

// Migration 0055 replaced the readings' foreign key by a check per statement (issue 21); these prove it is as strong.
describe('a reading always names a sensor that exists', () => {
  it('H-5.4.1 a reading of an unknown sensor is refused (23503), and its whole statement with it', async () => {
    const [sensor] = (await w.t.database.executeSql('select id from sensors limit 1')).rows as {
      id: string;
    }[];
    const before = await w.count('select count(*)::int as n from sensor_readings');
    expect(
      await refusal(`insert into sensor_readings (sensor_id, at, tenths) values
        ('${sensor!.id}', '2026-12-09T20:00:00Z', 190),
        ('00000000-0000-4000-8000-000000000001', '2026-12-09T20:00:00Z', 190)`),
    ).toBe('23503');
    expect(
      await refusal(`update sensor_readings set sensor_id = '00000000-0000-4000-8000-000000000001'
        where sensor_id = '${sensor!.id}'`),
    ).toBe('23503');
    expect(await w.count('select count(*)::int as n from sensor_readings')).toBe(before);
    expect(
      await refusal(`insert into sensor_readings (sensor_id, at, tenths) values
        ('${sensor!.id}', '2026-12-09T20:00:00Z', 190)`),
    ).toBe('accepted');
  });

  it('H-5.4.1 a sensor is never deleted, truncated or given another id; it is deactivated instead', async () => {
    const [sensor] = (await w.t.database.executeSql('select id from sensors limit 1')).rows as {
      id: string;
    }[];
    expect(await refusal(`delete from sensors where id = '${sensor!.id}'`)).toBe('23001');
    expect(await refusal('truncate sensors cascade')).toBe('23001');
    expect(await refusal(`update sensors set id = gen_random_uuid() where id = '${sensor!.id}'`)).toBe(
      '23001',
    );
    expect(await refusal(`update sensors set active = false where id = '${sensor!.id}'`)).toBe('accepted');
    expect(await refusal(`update sensors set active = true where id = '${sensor!.id}'`)).toBe('accepted');
  });
});
