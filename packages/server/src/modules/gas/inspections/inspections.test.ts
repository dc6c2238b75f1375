import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1PX, orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';
import { addHouseholds, addInspector, recordBody, type Household } from './inspections.fixtures.ts';
import { sqlStateOf } from '../../../testing/refusal.ts';

let w: OrderWorld;
let ids: string[];
const h = (kind: Household['kind'], community: string, building: string): Household => ({
  kind,
  community,
  building,
});

beforeAll(async () => {
  w = await orderWorld();
  await addInspector(w, 'gas_inspector2');
  ids = await addHouseholds(w, [
    h('pipeline_urban_resident', '华侨城', '1号楼'),
    h('pipeline_urban_resident', '华侨城', '1号楼'),
    h('pipeline_urban_resident', '华侨城', '2号楼'),
    h('pipeline_rural_resident', '西河村', '18号院'),
    h('pipeline_non_resident', '华侨城', '商铺'),
  ]);
  w.at('2026-03-02 12:00');
});
afterAll(() => w.close());

const visitsOf = async (customerId: string) => {
  const res = await w.call('gas_admin', 'GET', '/inspections/visits?year=2026&limit=500');
  expect(res.statusCode, res.body).toBe(200);
  return (
    res.json().items as {
      id: string;
      customerId: string;
      seq: number;
      state: string;
      windowTo: string;
      inspectorId: string;
    }[]
  )
    .filter((v) => v.customerId === customerId)
    .sort((a, b) => a.seq - b.seq);
};
const record = async (who: string, body: Record<string, unknown>) =>
  w.call(who, 'POST', '/inspections/records', recordBody(body));

describe('the yearly inspection plan through the API', () => {
  it('G-5.11.1 the plan gives each class its minimum visits in windows, by one set-wise insert', async () => {
    const res = await w.call('gas_admin', 'POST', '/inspections/plans', { year: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    // 5 urban × 1 (two from the order world, without premises) + 1 rural × 2 + 1 organisation × 4
    expect(res.json()).toMatchObject({ plannedCount: 11, customerCount: 7 });
    expect((await visitsOf(ids[3]!)).map((v) => v.windowTo)).toEqual(['2026-06-30', '2026-12-31']);
    expect(await visitsOf(ids[4]!)).toHaveLength(4);
    expect(await visitsOf(ids[0]!)).toHaveLength(1);
    const again = await w.call('gas_admin', 'POST', '/inspections/plans', { year: 2026 });
    expect(again.statusCode).toBe(409);
  });

  it('G-5.11.1 a plan below the minimum is refused, naming the class', async () => {
    const res = await w.call('gas_admin', 'POST', '/inspections/plans', {
      year: 2027,
      visitsPerYear: { pipeline_non_resident: 2 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'INSPECTION_BELOW_MINIMUM' });
  });

  it('routes are kept whole and balanced across the two inspectors', async () => {
    const all = await Promise.all(ids.map(visitsOf));
    const [a1, a2] = [all[0]![0]!, all[1]![0]!];
    expect(a1.inspectorId).toBe(a2.inspectorId); // same building, same inspector
    const load = new Map<string, number>();
    for (const v of all.flat()) load.set(v.inspectorId, (load.get(v.inspectorId) ?? 0) + 1);
    expect([...load.keys()].sort()).toEqual([w.ids.gas_inspector, w.ids.gas_inspector2].sort());
  });
});

describe('visits, refusals and nobody home', () => {
  it('G-5.11.4 an inspected record needs the customer signature; with it the visit is done', async () => {
    const [v] = await visitsOf(ids[0]!);
    const base = {
      visitId: v!.id,
      customerId: ids[0],
      outcome: 'inspected',
      at: '2026-03-02T09:30:00+08:00',
    };
    const checklist = [{ code: 'hose', ok: true }];
    const unsigned = await record('gas_inspector', { ...base, checklist });
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json().code).toBe('SIGNATURE_MISSING');
    const ok = await record('gas_inspector', { ...base, checklist, signature: PNG_1PX });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ duplicate: false, visitState: 'inspected' });
  });

  it('G-5.11.4 a record sent twice by the offline queue is recorded once', async () => {
    const [v] = await visitsOf(ids[1]!);
    const body = recordBody({
      visitId: v!.id,
      customerId: ids[1],
      outcome: 'inspected',
      at: '2026-03-02T09:40:00+08:00',
      checklist: [{ code: 'hose', ok: false }],
      findings: [{ item: 'hose', grade: 'general', responsible: 'customer', description: '胶管老化' }],
      signature: PNG_1PX,
    });
    const first = await w.call('gas_inspector', 'POST', '/inspections/records', body);
    const second = await w.call('gas_inspector', 'POST', '/inspections/records', body);
    expect(first.json()).toMatchObject({ duplicate: false });
    expect(first.json().hazardIds).toHaveLength(1);
    expect(second.json()).toMatchObject({ duplicate: true, id: body.id });
    expect(await w.count(`select count(*)::int as n from inspection_records where id = '${body.id}'`)).toBe(
      1,
    );
    expect(await w.count(`select count(*)::int as n from hazards where customer_id = '${ids[1]}'`)).toBe(1);
  });

  it('G-5.11.8 refused entry is recorded with what happened and is never counted as inspected', async () => {
    const [v] = await visitsOf(ids[2]!);
    const base = {
      visitId: v!.id,
      customerId: ids[2],
      outcome: 'refused_entry',
      at: '2026-03-02T10:00:00+08:00',
    };
    expect((await record('gas_inspector', base)).json().code).toBe('NOTE_REQUIRED');
    const res = await record('gas_inspector', { ...base, note: '住户称不需要安检，拒绝开门' });
    expect(res.json()).toMatchObject({ visitState: 'refused' });
  });

  it('G-5.11.8 refusing the rectification notice keeps the hazards and records the refusal on each file', async () => {
    const [v] = await visitsOf(ids[4]!);
    const res = await record('gas_inspector', {
      visitId: v!.id,
      customerId: ids[4],
      outcome: 'refused_notice',
      at: '2026-03-02T10:30:00+08:00',
      checklist: [{ code: 'flue', ok: false }],
      findings: [
        { item: 'flue', grade: 'serious', responsible: 'customer', description: '热水器烟道未伸出室外' },
      ],
      signature: PNG_1PX,
    });
    expect(res.json()).toMatchObject({ visitState: 'inspected' });
    const hazard = await w.call('gas_admin', 'GET', `/hazards/${res.json().hazardIds[0]}`);
    expect(hazard.json()).toMatchObject({ notice: 'refused', grade: 'serious' });
    expect(hazard.json().file.map((e: { type: string }) => e.type)).toEqual(['found', 'notice_refused']);
  });

  it('G-5.11.9 nobody home: another time of day and a rest day, then the community follow-up; never inspected', async () => {
    const [v] = await visitsOf(ids[3]!);
    const away = (at: string) =>
      record('gas_inspector', { visitId: v!.id, customerId: ids[3], outcome: 'nobody_home', at });
    expect((await away('2026-03-02T10:00:00+08:00')).json().visitState).toBe('retry_needed');
    const early = await w.call('gas_inspector', 'POST', `/inspections/visits/${v!.id}/follow-up`, {
      committee: '西河村村委会',
      at: '2026-03-02T11:00:00+08:00',
      agreed: '村委会通知住户',
    });
    expect(early.json().code).toBe('FOLLOW_UP_NOT_DUE');
    w.at('2026-03-08 10:00');
    expect((await away('2026-03-03T19:00:00+08:00')).json().visitState).toBe('retry_needed');
    expect((await away('2026-03-07T10:00:00+08:00')).json().visitState).toBe('community_follow_up_due');
    const done = await w.call('gas_inspector', 'POST', `/inspections/visits/${v!.id}/follow-up`, {
      committee: '西河村村委会',
      at: '2026-03-08T10:00:00+08:00',
      agreed: '村委会于下周通知住户预约',
    });
    expect(done.statusCode, done.body).toBe(200);
    const [after] = await visitsOf(ids[3]!);
    expect(after!.state).toBe('community_followed_up');
    const progress = await w.call('gas_admin', 'GET', '/inspections/progress?year=2026&by=community');
    const xihe = progress.json().items.find((r: { key: string }) => r.key === '西河村');
    expect(xihe).toMatchObject({ planned: 2, done: 0, notReached: 1 });
  });

  it('G-5.11.1 progress counts done, outstanding and overdue against the window', async () => {
    w.at('2026-04-02 09:00');
    const res = await w.call('gas_admin', 'GET', '/inspections/progress?year=2026&by=enterprise');
    // done: ids[0], ids[1] and the organisation's first quarter; the refused visit's window is the whole year.
    expect(res.json().total).toMatchObject({ planned: 11, done: 3, outstanding: 8, overdue: 0 });
    w.at('2026-07-02 09:00');
    const later = await w.call('gas_admin', 'GET', '/inspections/progress?year=2026&by=enterprise');
    // the organisation's second quarter and the rural first half are now overdue
    expect(later.json().total).toMatchObject({ overdue: 2 });
    w.at('2026-03-08 10:00');
  });

  it("the inspector's day lists his households with their history and open hazards", async () => {
    const res = await w.call('gas_inspector', 'GET', '/inspections/my');
    expect(res.statusCode, res.body).toBe(200);
    for (const item of res.json().items) expect(item.inspectorId).toBe(w.ids.gas_inspector);
  });
});

// Migration 0056 replaced the visits' foreign keys by a check per statement (issue 15); these prove it is as strong.
describe('a planned visit always names a plan and a customer of its own enterprise', () => {
  const refusal = (text: string) => sqlStateOf(() => w.t.database.executeSql(text));
  const one = async (text: string) => (await w.t.database.executeSql(text)).rows[0] as Record<string, string>;
  const insertVisit = (v: { plan: string; enterprise: string; customer: string }) =>
    refusal(`insert into inspection_visits (plan_id, enterprise_id, customer_id, kind, seq, window_from, window_to,
      community, building) values ('${v.plan}', '${v.enterprise}', '${v.customer}', 'pipeline_urban_resident', 9,
      '2026-01-01', '2026-12-31', '', '')`);

  it('G-5.11.1 a visit of an unknown customer, of another enterprise’s customer or of an unknown plan is refused (23503)', async () => {
    const v = await one('select plan_id, enterprise_id, customer_id from inspection_visits limit 1');
    const other = await one(`select id from customers where enterprise_id <> '${v.enterprise_id}' limit 1`);
    const before = await w.count('select count(*)::int as n from inspection_visits');
    const ok = { plan: v.plan_id!, enterprise: v.enterprise_id!, customer: v.customer_id! };
    expect(await insertVisit({ ...ok, customer: '00000000-0000-4000-8000-000000000001' })).toBe('23503');
    expect(await insertVisit({ ...ok, customer: other.id! })).toBe('23503');
    expect(await insertVisit({ ...ok, plan: '00000000-0000-4000-8000-000000000002' })).toBe('23503');
    expect(
      await refusal(`update inspection_visits set customer_id = '${other.id}'
        where customer_id = '${v.customer_id}'`),
    ).toBe('23503');
    expect(await w.count('select count(*)::int as n from inspection_visits')).toBe(before);
    expect(await insertVisit(ok)).toBe('accepted'); // the control: the same row with its own references is stored
  });

  it('G-5.11.1 a plan with visits is never deleted, truncated or re-keyed (23001)', async () => {
    const { plan_id } = await one('select plan_id from inspection_visits limit 1');
    expect(await refusal(`delete from inspection_plans where id = '${plan_id}'`)).toBe('23001');
    expect(await refusal('truncate inspection_plans cascade')).toBe('23001');
    expect(await refusal(`update inspection_plans set id = gen_random_uuid() where id = '${plan_id}'`)).toBe(
      '23001',
    );
    expect(
      await refusal(`update inspection_plans set planned_count = planned_count where id = '${plan_id}'`),
    ).toBe('accepted');
  });

  it('a plan’s visits take their ids from one time-ordered run: one base, a counter in the last 48 bits', async () => {
    const rows = (
      await w.t.database.executeSql(
        `select id::text from inspection_visits where seq < 9
           and plan_id = (select plan_id from inspection_visits limit 1) order by id`,
      )
    ).rows as { id: string }[];
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.id.slice(0, 23))).size).toBe(1);
    expect(rows.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-0000/.test(r.id))).toBe(
      true,
    );
  });
});
