import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHouseholds, qualityWorld } from '../measurements/quality.fixtures.ts';
import type { OrderWorld } from '../../service/workorders/testing.ts';

// H-5.4.1: gateways send readings with a key of their own, issued and revoked by the enterprise admin, scoped to its
// enterprise and to ingestion only; the key is shown once and only its hash is kept.

let w: OrderWorld;
beforeAll(async () => {
  w = await qualityWorld(); // now: 2026-12-10 10:00 Shanghai; season 2026-11-15 – 2027-03-15
  const place = (await addHouseholds(w, [{ rate: 80 }]))[0]!;
  const res = await w.call('heat_admin', 'POST', '/sensors', {
    sensorCode: 'ZB-G-0001',
    premisesId: place,
    room: 'living_room',
    installedOn: '2026-11-01',
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => w.close());

const post = (key: string, readings: object[]) =>
  w.t.app.inject({
    method: 'POST',
    url: '/api/sensors/readings',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    payload: { readings },
  });

async function issue(who: string, gateway: string) {
  const res = await w.call(who, 'POST', '/gateway-keys', { gateway, name: `${gateway} 换热站网关` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; key: string; keyPrefix: string; topic: string };
}

describe('H-5.4.1 gateway keys', () => {
  it('H-5.4.1 the admin issues a key shown once (only its hash kept); the gateway posts readings with it, no session', async () => {
    const issued = await issue('heat_admin', 'station-01');
    expect(issued.key).toMatch(/^rgk_[A-Za-z0-9_-]{43}$/);
    expect(issued.key.startsWith(issued.keyPrefix)).toBe(true);
    const listed = (await w.call('heat_admin', 'GET', '/gateway-keys')).json().items;
    expect(listed[0]).toMatchObject({ id: issued.id, gateway: 'station-01', revokedAt: null });
    expect(listed[0]).not.toHaveProperty('key');
    const stored = await w.t.database.executeSql('select key_hash from gateway_keys where id = $1', [
      issued.id,
    ]);
    expect(String(stored.rows[0]!.key_hash)).not.toContain(issued.key.slice(4));

    const res = await post(issued.key, [
      { sensorId: 'ZB-G-0001', at: '2026-12-09T00:00:00Z', temperature: 19.5 },
      { sensorId: 'NOPE', at: '2026-12-09T00:00:00Z', temperature: 19 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      accepted: 1,
      rejected: 1,
      rejections: [{ index: 1, code: 'SENSOR_UNKNOWN' }],
    });
    const log = await w.t.database.executeSql(
      'select gateway_key_id, created_by from sensor_ingestions order by id desc limit 1',
    );
    expect(log.rows[0]).toMatchObject({ gateway_key_id: issued.id, created_by: null });
    // The call is audited under the gateway, naming its log entry, and the key shows when it was last used.
    const audit = await w.t.database.executeSql(
      `select a.actor_id, a.actor_name, a.after, a.enterprise_id = i.enterprise_id as same_enterprise
       from audit_events a join sensor_ingestions i on a.entity_id = i.id::text
       where a.action = 'sensors.ingest' and i.id = $1`,
      [res.json().ingestionId],
    );
    expect(audit.rows).toEqual([
      {
        actor_id: issued.id,
        actor_name: '网关 station-01',
        after: { received: 2, accepted: 1, rejected: 1 },
        same_enterprise: true,
      },
    ]);
    const used = (await w.call('heat_admin', 'GET', '/gateway-keys')).json().items;
    expect(used.find((k: { id: string }) => k.id === issued.id).lastUsedAt).toBe(
      w.at('2026-12-10 10:00').toISOString(),
    );
    // A repeated batch is harmless.
    const again = await post(issued.key, [
      { sensorId: 'ZB-G-0001', at: '2026-12-09T00:00:00Z', temperature: 19.5 },
    ]);
    expect(again.json()).toMatchObject({ accepted: 0, rejections: [{ code: 'DUPLICATE' }] });
  });

  it('H-5.4.1 a key opens ingestion only, for its own enterprise only', async () => {
    const heat = await issue('heat_admin', 'station-02');
    const other = await w.t.app.inject({
      method: 'GET',
      url: '/api/sensors',
      headers: { authorization: `Bearer ${heat.key}` },
    });
    expect(other.statusCode).toBe(401);
    const gas = await issue('gas_admin', 'gas-gw');
    const res = await post(gas.key, [{ sensorId: 'ZB-G-0001', at: '2026-12-09T01:00:00Z', temperature: 19 }]);
    expect(res.json()).toMatchObject({ accepted: 0, rejections: [{ code: 'SENSOR_UNKNOWN' }] });
    // The gas admin does not see, nor revoke, the heating company's keys.
    expect(
      (await w.call('gas_admin', 'GET', '/gateway-keys')).json().items.map((k: { id: string }) => k.id),
    ).toEqual([gas.id]);
    expect((await w.call('gas_admin', 'POST', `/gateway-keys/${heat.id}/revoke`)).statusCode).toBe(404);
  });

  it('H-5.4.1 a revoked or made-up key is refused with 401 and stores nothing; only the admin issues keys', async () => {
    const issued = await issue('heat_admin', 'station-03');
    const revoked = await w.call('heat_admin', 'POST', `/gateway-keys/${issued.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const before = await w.count('select count(*)::int as n from sensor_readings');
    for (const key of [issued.key, 'rgk_madeup', 'not-a-key']) {
      const res = await post(key, [{ sensorId: 'ZB-G-0001', at: '2026-12-09T02:00:00Z', temperature: 19 }]);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('GATEWAY_KEY_INVALID');
    }
    expect(await w.count('select count(*)::int as n from sensor_readings')).toBe(before);
    // A new key for the same gateway once the old one is revoked; two active keys for one gateway are refused.
    await issue('heat_admin', 'station-03');
    const twice = await w.call('heat_admin', 'POST', '/gateway-keys', { gateway: 'station-03', name: 'x' });
    expect(twice.statusCode).toBe(409);
    const dispatcher = await w.call('heat_dispatcher', 'POST', '/gateway-keys', {
      gateway: 'gw-x',
      name: 'x',
    });
    expect(dispatcher.statusCode).toBe(403);
  });
});
