import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { account } from '../../service/customers/customers.fixtures.ts';
import { PNG_1PX, orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';
import { addHouseholds, recordBody } from '../inspections/inspections.fixtures.ts';

// G-5.3.1, G-6.1.1, G-6.1.3: the supply conditions as data; G-7.1.1: no bottled gas inside a pipeline's coverage;
// G-5.11.3: the meter's unlock waits for a passed inspection, again after a renovation.

let w: OrderWorld;
let ids: string[];
beforeAll(async () => {
  w = await orderWorld();
  ids = await addHouseholds(w, [
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '1号楼' },
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '2号楼' },
    { kind: 'pipeline_urban_resident', community: '西河村', building: '3号院' },
    { kind: 'pipeline_urban_resident', community: '东风小区', building: '5号楼' },
  ]);
  const lpg = await createEnterprise(w.t.database, 'bottled_gas', '淄博液化气公司');
  await createUser(w.t.database, lpg.id, 'lpg_admin', 'enterprise_admin');
  w.at('2026-03-02 12:00');
});
afterAll(() => w.close());

const state = (body: Record<string, unknown>, who = 'gas_admin') =>
  w.call(who, 'POST', '/supply-coverage', body);

/** A connection application of customer `i` refused with `event`'s fields. */
const refuse = async (customerId: string, extra: Record<string, unknown>) => {
  const o = await w.create('gas_agent', {
    itemCode: 'gas_connection',
    channel: 'counter',
    callerName: '住户',
    callerPhone: '13905331000',
    description: '申请管道燃气报装',
    customerId,
  });
  return w.tryAct('gas_agent', o.id, { type: 'refused', reason: '经查勘不予受理', ...extra });
};

describe('G-6.1.1 the network coverage as data', () => {
  it('G-6.1.1 a pipeline company states its coverage by community with the capacity; the latest counts', async () => {
    expect(
      (await state({ community: '华侨城', district: '张店区', covered: true, capacityHouseholds: 100 }))
        .statusCode,
    ).toBe(200);
    expect((await state({ community: '东风小区', covered: true, capacityHouseholds: 50 })).statusCode).toBe(
      200,
    );
    const changed = await state({
      community: '东风小区',
      covered: true,
      capacityHouseholds: 1,
      note: '调压箱满负荷',
    });
    expect(changed.json().items[0]).toMatchObject({
      community: '东风小区',
      capacityHouseholds: 1,
      connected: 1,
      remaining: 0,
    });
    const all = (await w.call('reg', 'GET', '/supply-coverage')).json().items;
    expect(all.map((c: { community: string }) => c.community).sort()).toEqual(['东风小区', '华侨城']);
    // The heating company states no gas coverage; only its admin writes at all.
    expect((await state({ community: '华侨城', covered: true }, 'heat_admin')).json().code).toBe(
      'COVERAGE_NOT_PIPELINE',
    );
    expect((await state({ community: '华侨城', covered: true }, 'gas_agent')).statusCode).toBe(403);
  });

  it('G-5.3.1 an application inside the coverage with capacity cannot be refused', async () => {
    const res = await refuse(ids[0]!, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CONNECTION_ELIGIBLE');
    const claimed = await refuse(ids[0]!, { condition: 'not_covered' });
    expect(claimed.json().code).toBe('CONNECTION_ELIGIBLE');
    expect(claimed.json().message).toContain('覆盖范围内');
  });

  it('G-6.1.3 a refusal states the condition not met, checked against the data', async () => {
    // Outside the coverage: refused only naming it.
    const silent = await refuse(ids[2]!, {});
    expect(silent.json()).toMatchObject({ code: 'REFUSAL_CONDITION' });
    expect(silent.json().message).toContain('不在管网覆盖范围内');
    expect((await refuse(ids[2]!, { condition: 'not_covered' })).statusCode).toBe(200);
    // The network full: the capacity is the reason.
    expect((await refuse(ids[3]!, { condition: 'not_covered' })).statusCode).toBe(422);
    expect((await refuse(ids[3]!, { condition: 'no_capacity' })).statusCode).toBe(200);
    // Eligible by the network, refused for what the data cannot know: unsafe premises, or documents listed.
    expect((await refuse(ids[1]!, { condition: 'premises_unsafe' })).statusCode).toBe(200);
    expect((await refuse(ids[1]!, { condition: 'documents_missing' })).statusCode).toBe(422);
    const docs = await refuse(ids[1]!, {
      condition: 'documents_missing',
      missingDocuments: ['房屋产权证明'],
    });
    expect(docs.statusCode).toBe(200);
  });

  it('G-7.1.1 a bottled-gas account inside a pipeline company’s coverage is refused with the reason', async () => {
    const at = (community: string) =>
      account({
        kind: 'bottled_gas',
        premises: {
          district: '张店区',
          street: '华光路街道',
          community,
          building: '3',
          unit: '2',
          room: '502',
        },
      });
    const inside = await w.call('lpg_admin', 'POST', '/customers', at('华侨城'));
    expect(inside.statusCode).toBe(422);
    expect(inside.json()).toMatchObject({ code: 'PIPELINE_COVERED' });
    expect(inside.json().message).toContain('测试燃气公司');
    const outside = await w.call('lpg_admin', 'POST', '/customers', at('西河村'));
    expect(outside.statusCode, outside.body).toBe(201);
    const check = (await w.call('lpg_admin', 'GET', '/supply-coverage/check?community=华侨城')).json();
    expect(check.pipelines.map((p: { name: string }) => p.name)).toEqual(['测试燃气公司']);
  });
});

describe('G-5.11.3 the meter’s unlock', () => {
  it('G-5.11.3 a meter is unlocked only after an inspection passed, and again after a renovation', async () => {
    const meter = await w.call('gas_admin', 'POST', '/meters', {
      serialNo: 'UNLOCK001',
      install: { customerId: ids[3], on: '2026-03-01', reading: 0 },
    });
    expect(meter.statusCode, meter.body).toBe(201);
    const id = meter.json().meter.id;
    const unlock = () =>
      w.call('gas_admin', 'POST', `/meters/${id}/events`, { kind: 'unlock', on: '2026-03-02' });
    const first = await unlock();
    expect(first.statusCode).toBe(422);
    expect(first.json()).toMatchObject({ code: 'SUPPLY_INSPECTION_MISSING' });
    expect(first.json().message).toContain('安全检查');
    const inspect = (at: string) =>
      w.call(
        'gas_inspector',
        'POST',
        '/inspections/records',
        recordBody({
          customerId: ids[3],
          purpose: 'pre_supply',
          outcome: 'inspected',
          at,
          checklist: [{ code: 'joint_leak', ok: true }],
          signature: PNG_1PX,
        }),
      );
    expect((await inspect('2026-03-02T10:00:00+08:00')).statusCode).toBe(200);
    expect((await unlock()).statusCode).toBe(201);
    // Renovated afterwards: the old inspection no longer counts.
    const marked = await w.call('gas_agent', 'POST', '/inspections/renovations', {
      customerId: ids[3],
      renovatedAt: '2026-03-02T11:00:00+08:00',
    });
    expect(marked.statusCode, marked.body).toBe(200);
    const after = await unlock();
    expect(after.statusCode).toBe(422);
    expect(after.json().message).toContain('装修');
    expect((await inspect('2026-03-02T11:30:00+08:00')).statusCode).toBe(200);
    expect((await unlock()).statusCode).toBe(201);
    const future = await w.call('gas_agent', 'POST', '/inspections/renovations', {
      customerId: ids[3],
      renovatedAt: '2026-03-05T11:00:00+08:00',
    });
    expect(future.statusCode).toBe(422);
  });
});
