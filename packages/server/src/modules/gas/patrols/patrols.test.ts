import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1PX, orderWorld, toOnSite, type OrderWorld } from '../../service/workorders/testing.ts';
import { raiseHazardAlerts } from '../hazards/hazard-watcher.job.ts';
import { addHouseholds, recordBody } from '../inspections/inspections.fixtures.ts';

// Issue 15, the remaining parts: patrols (G-5.11.10), the repair a customer asks for (G-5.11.7), hazards overdue
// alerted (G-5.11.6), the supply conditions as data (G-5.3.1, G-6.1.1, G-6.1.3, G-7.1.1), the meter's unlock gated
// like "connect and light" (G-5.11.3).

let w: OrderWorld;
let ids: string[];
beforeAll(async () => {
  w = await orderWorld();
  ids = await addHouseholds(w, [
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '1号楼' },
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '2号楼' },
    { kind: 'pipeline_urban_resident', community: '西河村', building: '3号院' },
  ]);
  w.at('2026-03-02 18:00');
});
afterAll(() => w.close());

const patrol = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  route: '共青团路中压干线',
  area: '华侨城',
  startedAt: '2026-03-02T09:00:00+08:00',
  endedAt: '2026-03-02T11:30:00+08:00',
  findings: [
    {
      item: 'third_party_works',
      grade: 'serious',
      location: '共青团路与华光路口东 30 米',
      description: '挖掘机在管道上方 2 米内施工',
      photos: [PNG_1PX],
    },
    {
      item: 'network_leak',
      grade: 'major',
      location: '华侨城北门 3 号阀门井',
      description: '阀门井内检测到燃气浓度 20% LEL',
    },
  ],
  ...over,
});

describe('G-5.11.10 patrols of the network', () => {
  let patrolId = '';
  it('G-5.11.10 a patrol is recorded with its findings, each a hazard of the ledger with its own file', async () => {
    const body = patrol();
    const res = await w.call('gas_inspector', 'POST', '/patrols', body);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    patrolId = p.id;
    expect(p).toMatchObject({ route: '共青团路中压干线', area: '华侨城', findings: 2, majors: 1, open: 2 });
    expect(p.hazards).toHaveLength(2);
    const works = p.hazards.find((h: { item: string }) => h.item === 'third_party_works');
    expect(works).toMatchObject({ customerId: null, patrolId, address: '共青团路与华光路口东 30 米' });
    // Serious: 7 days from the end of the patrol, to the end of that day (G-5.11.6).
    expect(works.dueAt).toBe('2026-03-09T16:00:00.000Z');
    const file = (await w.call('gas_admin', 'GET', `/hazards/${works.id}`)).json();
    expect(file.file[0]).toMatchObject({ type: 'found', data: { photos: [PNG_1PX] } });
    // The ledger finds them by source and by the patrol's area.
    const ledger = (await w.call('gas_admin', 'GET', '/hazards?source=patrol&community=华侨城')).json();
    expect(ledger.total).toBe(2);
    // Sent again by the phone's queue: recorded once.
    const again = await w.call('gas_inspector', 'POST', '/patrols', body);
    expect(again.statusCode).toBe(200);
    expect(await w.count('select count(*)::int as n from hazards where patrol_id is not null')).toBe(2);
  });

  it('G-6.2.17 a major finding of a patrol is reported at once and appears in the regulator’s queue', async () => {
    const queue = (await w.call('reg', 'GET', '/hazards/major')).json();
    const major = queue.items.find((h: { patrolId: string | null }) => h.patrolId === patrolId);
    expect(major).toMatchObject({
      grade: 'major',
      item: 'network_leak',
      reportedAt: '2026-03-02T03:30:00.000Z',
    });
    // The place on the network is no personal data: the regulator reads it unmasked.
    expect(major.address).toBe('华侨城北门 3 号阀门井');
    const seen = await w.call('reg', 'GET', `/patrols/${patrolId}`);
    expect(seen.statusCode).toBe(200);
  });

  it('G-5.11.10 a patrol ends after it starts and not in the future; its items are the network’s', async () => {
    const backwards = await w.call(
      'gas_inspector',
      'POST',
      '/patrols',
      patrol({ endedAt: '2026-03-02T08:00:00+08:00' }),
    );
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('PATROL_INVALID');
    const future = await w.call(
      'gas_inspector',
      'POST',
      '/patrols',
      patrol({ endedAt: '2026-03-03T08:00:00+08:00' }),
    );
    expect(future.statusCode).toBe(422);
    const household = await w.call(
      'gas_inspector',
      'POST',
      '/patrols',
      patrol({ findings: [{ item: 'hose', grade: 'general', location: 'x', description: 'y' }] }),
    );
    expect(household.statusCode).toBe(400);
  });
});

describe('G-5.11.7 the repair a customer asks the company to do', () => {
  let hazard = '';
  let order = '';
  it('G-5.11.7 the repair is a work order of its own, recorded in the hazard’s file', async () => {
    const rec = await w.call(
      'gas_inspector',
      'POST',
      '/inspections/records',
      recordBody({
        customerId: ids[0],
        purpose: 'planned',
        outcome: 'inspected',
        at: '2026-03-02T10:00:00+08:00',
        checklist: [{ code: 'hose', ok: false }],
        findings: [
          { item: 'hose', grade: 'general', responsible: 'customer', description: '胶管老化', photos: [] },
        ],
        signature: PNG_1PX,
      }),
    );
    hazard = rec.json().hazardIds[0];
    const res = await w.call('gas_dispatcher', 'POST', `/hazards/${hazard}/repair-order`, {
      note: '用户委托更换',
    });
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect(h.repairOrder).toMatchObject({ state: 'received', consentSignedAt: null });
    order = h.repairOrder.id;
    expect(h.file.at(-1)).toMatchObject({ type: 'repair_ordered', data: { orderId: order } });
    const again = await w.call('gas_admin', 'POST', `/hazards/${hazard}/repair-order`, {});
    expect(again.statusCode).toBe(409);
    const o = await w.get('gas_admin', order);
    expect(o).toMatchObject({ itemCode: 'gas_repair', customerId: ids[0] });
  });

  it('G-5.11.7 the items, prices and materials are signed before the work starts', async () => {
    await toOnSite(w, order);
    const early = await w.tryAct('gas_tech', order, { type: 'started' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('CONSENT_REQUIRED');
    expect((await w.call('gas_tech', 'GET', `/work-orders/${order}/consent`)).json().required).toBe(true);
    const sig = await w.call('gas_tech', 'POST', `/work-orders/${order}/attachments`, {
      kind: 'signature',
      dataUrl: PNG_1PX,
    });
    const signed = await w.call('gas_tech', 'POST', `/work-orders/${order}/consent`, {
      lines: [
        { kind: 'material', name: '不锈钢波纹管 1.5 米', quantity: 1, unitFen: 4500 },
        { kind: 'labour', name: '更换人工', quantity: 1, unitFen: 3000 },
      ],
      signerName: '住户0',
      signatureAttachmentId: sig.json().id,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    await w.act('gas_tech', order, { type: 'started' });
    const h = (await w.call('gas_admin', 'GET', `/hazards/${hazard}`)).json();
    expect(h.repairOrder).toMatchObject({ state: 'in_progress', chargedFen: 7500 });
    expect(h.repairOrder.consentSignedAt).not.toBeNull();
  });

  it('G-5.11.7 an ordinary repair call is not held by the consent gate; a network hazard has no customer to ask', async () => {
    const plain = await w.create('gas_agent', {
      itemCode: 'gas_repair',
      channel: 'phone',
      callerName: '李秀英',
      callerPhone: '13905330001',
      description: '灶具打不着火',
    });
    expect((await w.call('gas_agent', 'GET', `/work-orders/${plain.id}/consent`)).json().required).toBe(
      false,
    );
    const network = (await w.call('gas_admin', 'GET', '/hazards?source=patrol')).json().items[0];
    const res = await w.call('gas_admin', 'POST', `/hazards/${network.id}/repair-order`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('HAZARD_NO_CUSTOMER');
  });
});

describe('G-5.11.6 overdue hazards alerted', () => {
  it('G-5.11.6 an open hazard past its deadline raises one alert, once however often the watcher runs', async () => {
    const db = w.t.database.db;
    // On 2026-03-04 the major network hazard (24 h) is overdue; the others are not yet.
    const first = await raiseHazardAlerts(db, new Date('2026-03-04T00:00:00Z'));
    expect(first).toBe(1);
    expect(await raiseHazardAlerts(db, new Date('2026-03-04T01:00:00Z'))).toBe(0);
    const { rows } = await w.t.database.executeSql(
      "select message->>'zh' as zh from emergency_alerts where kind = 'hazard_overdue'",
    );
    expect(String(rows[0]!.zh)).toContain('管道、阀门泄漏');
    // A week later the serious one too, and only it is new.
    expect(await raiseHazardAlerts(db, new Date('2026-03-10T00:00:00Z'))).toBe(1);
  });
});
