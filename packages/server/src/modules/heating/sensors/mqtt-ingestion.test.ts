import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHouseholds, qualityWorld } from '../measurements/quality.fixtures.ts';
import type { OrderWorld } from '../../service/workorders/testing.ts';
import { SensorService } from './sensors.service.ts';
import { MqttIngestion } from './mqtt-ingestion.ts';

// H-5.4.1 over MQTT, against the broker this machine runs (Mosquitto at 127.0.0.1:1883; .ci/run starts it). Each
// subscriber here listens to this test database's enterprise only, so parallel runs do not see each other.

const BROKER = process.env.MQTT_TEST_URL ?? 'mqtt://127.0.0.1:1883';

let w: OrderWorld;
let heat: string;
let key: string;
let publisher: MqttClient;
const started: MqttIngestion[] = [];

beforeAll(async () => {
  w = await qualityWorld(); // now: 2026-12-10 10:00 Shanghai; season 2026-11-15 – 2027-03-15
  heat = w.world.heat.id;
  const place = (await addHouseholds(w, [{ rate: 80 }]))[0]!;
  const sensor = await w.call('heat_admin', 'POST', '/sensors', {
    sensorCode: 'ZB-M-0001',
    premisesId: place,
    room: 'living_room',
    installedOn: '2026-11-01',
  });
  expect(sensor.statusCode, sensor.body).toBe(201);
  const issued = await w.call('heat_admin', 'POST', '/gateway-keys', { gateway: 'gw-1', name: '一号站网关' });
  key = issued.json().key;
  publisher = await mqtt.connectAsync(BROKER, { clientId: `ranre-test-pub-${randomUUID()}` });
  await publisher.subscribeAsync(`ranre/${heat}/+/results`, { qos: 0 });
});
afterAll(async () => {
  for (const s of started) await s.stop();
  await publisher?.endAsync();
  await w.close();
});

async function subscriber(opts: { clientId?: string; failures?: number; alwaysFail?: boolean } = {}) {
  const sensors = new SensorService(w.t.ctx);
  let failures = opts.failures ?? 0;
  const s = new MqttIngestion(w.t.ctx, {
    url: BROKER,
    clientId: opts.clientId ?? `ranre-test-${randomUUID()}`,
    filter: `ranre/${heat}/+/readings`,
    retryDelays: [50, 100],
    store: async (source, input) => {
      if (opts.alwaysFail || failures-- > 0) throw new Error('Connection terminated unexpectedly');
      return sensors.ingest(source, input);
    },
  });
  await s.start();
  started.push(s);
  return s;
}

/** Publishes to a gateway's topic (QoS 1) and waits for the answer on its results topic. */
function publish(gateway: string, body: object): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer within 10 s')), 10_000);
    const onMessage = (topic: string, payload: Buffer) => {
      if (topic !== `ranre/${heat}/${gateway}/results`) return;
      clearTimeout(timer);
      publisher.off('message', onMessage);
      resolve(JSON.parse(payload.toString()) as Record<string, unknown>);
    };
    publisher.on('message', onMessage);
    void publisher.publishAsync(`ranre/${heat}/${gateway}/readings`, JSON.stringify(body), { qos: 1 });
  });
}

const stored = async (at: string) =>
  w.count(`select count(*)::int as n from sensor_readings where at = '${at}'::timestamptz`);

describe('H-5.4.1 sensor readings over MQTT', () => {
  it('H-5.4.1 a gateway’s batch on its topic is checked and stored as over HTTP, and answered on its results topic', async () => {
    const s = await subscriber();
    const answer = await publish('gw-1', {
      key,
      readings: [
        { sensorId: 'ZB-M-0001', at: '2026-12-09T00:00:00Z', temperature: 19.5 },
        { sensorId: 'ZB-M-0001', at: '2026-12-11T00:00:00Z', temperature: 19 },
      ],
    });
    expect(answer).toMatchObject({
      received: 2,
      accepted: 1,
      rejections: [{ index: 1, code: 'READING_IN_FUTURE' }],
    });
    expect(await stored('2026-12-09T00:00:00Z')).toBe(1);
    const again = await publish('gw-1', {
      key,
      readings: [{ sensorId: 'ZB-M-0001', at: '2026-12-09T00:00:00Z', temperature: 19.5 }],
    });
    expect(again).toMatchObject({ accepted: 0, rejections: [{ code: 'DUPLICATE' }] });
    await s.stop();
  });

  it('H-5.4.1 a key used on another gateway’s topic, a made-up key or a malformed message is refused and nothing stored', async () => {
    const s = await subscriber();
    const reading = { sensorId: 'ZB-M-0001', at: '2026-12-09T01:00:00Z', temperature: 19 };
    expect(await publish('gw-2', { key, readings: [reading] })).toMatchObject({
      code: 'GATEWAY_KEY_INVALID',
    });
    expect(await publish('gw-1', { key: 'rgk_nope', readings: [reading] })).toMatchObject({
      code: 'GATEWAY_KEY_INVALID',
    });
    expect(await publish('gw-1', { readings: [reading] })).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await stored('2026-12-09T01:00:00Z')).toBe(0);
    await s.stop();
  });

  it('H-5.4.1 readings that arrive while the database fails are stored once it answers again, not lost', async () => {
    const s = await subscriber({ failures: 3 });
    const answer = await publish('gw-1', {
      key,
      readings: [{ sensorId: 'ZB-M-0001', at: '2026-12-09T02:00:00Z', temperature: 20 }],
    });
    expect(answer).toMatchObject({ accepted: 1 });
    expect(await stored('2026-12-09T02:00:00Z')).toBe(1);
    await s.stop();
  });

  it('H-5.4.1 a message not yet stored when ranre stops is not acknowledged: the broker gives it to the next start', async () => {
    const clientId = `ranre-test-${randomUUID()}`;
    const down = await subscriber({ clientId, alwaysFail: true });
    await publisher.publishAsync(
      `ranre/${heat}/gw-1/readings`,
      JSON.stringify({
        key,
        readings: [{ sensorId: 'ZB-M-0001', at: '2026-12-09T03:00:00Z', temperature: 21 }],
      }),
      { qos: 1 },
    );
    await new Promise((r) => setTimeout(r, 500));
    await down.stop();
    expect(await stored('2026-12-09T03:00:00Z')).toBe(0);
    const up = await subscriber({ clientId });
    for (let i = 0; i < 50 && (await stored('2026-12-09T03:00:00Z')) === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await stored('2026-12-09T03:00:00Z')).toBe(1);
    await up.stop();
  });
});
