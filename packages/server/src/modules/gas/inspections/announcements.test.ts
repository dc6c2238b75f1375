import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../../../db/schema.ts';
import { linkUserToStaff } from '../../../testing/harness.ts';
import { orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';
import { addHouseholds } from './inspections.fixtures.ts';

let w: OrderWorld;
let ids: string[];
beforeAll(async () => {
  w = await orderWorld();
  ids = await addHouseholds(w, [
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '1号楼' },
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '1号楼' },
    { kind: 'pipeline_urban_resident', community: '华侨城', building: '2号楼' },
  ]);
  w.at('2026-03-02 12:00');
  expect((await w.call('gas_admin', 'POST', '/inspections/plans', { year: 2026 })).statusCode).toBe(201);
});
afterAll(() => w.close());

const announce = (body: object, who = 'gas_admin') => w.call(who, 'POST', '/inspections/announcements', body);
const body = { community: '华侨城', building: '1号楼', plannedOn: '2026-03-05', timeWindow: '09:00-12:00' };
const outbox = async (kind: string) =>
  (
    await w.t.database.executeSql(
      `select customer_id, channel, body from notifications where kind = '${kind}' order by customer_id`,
    )
  ).rows as { customer_id: string; channel: string; body: string }[];

describe('inspections announced ahead (G-5.11.2)', () => {
  it('G-5.11.2 without a badge in the staff registry the households cannot be told who comes: refused, nothing sent', async () => {
    const res = await announce(body);
    expect(res.json().code).toBe('INSPECTOR_BADGE_MISSING');
    expect(await outbox('inspection_announcement')).toHaveLength(0);
    const [record] = await w.t.database.db
      .insert(staff)
      .values({
        enterpriseId: w.world.gas.id,
        name: 'gas_inspector',
        badgeNo: 'AJ-007',
        employeeNo: 'E007',
        post: '安检员',
      })
      .returning();
    await linkUserToStaff(w.t.database, 'gas_inspector', record!.id);
  });

  it('G-5.11.2 the building is told the day, the window and the inspector with his badge; each household once', async () => {
    const res = await announce(body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ households: 2, queued: 2, badgeNo: 'AJ-007' });
    const sent = await outbox('inspection_announcement');
    expect(sent.map((s) => s.customer_id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(sent[0]!.body).toContain('2026-03-05（星期四）09:00-12:00');
    expect(sent[0]!.body).toContain('工号 AJ-007');
    const visits = (await w.call('gas_admin', 'GET', '/inspections/visits?year=2026&community=华侨城')).json()
      .items as { customerId: string; announcedOn: string | null }[];
    expect(visits.find((v) => v.customerId === ids[0])!.announcedOn).toBe('2026-03-05');
    expect(visits.find((v) => v.customerId === ids[2])!.announcedOn).toBeNull();
    // the notice for the building's hall
    const pdf = await w.call('gas_admin', 'GET', `/inspections/announcements/${res.json().id}/notice.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('G-5.11.2 the same day is too late to announce; a building with nobody due is refused', async () => {
    expect((await announce({ ...body, plannedOn: '2026-03-02' })).json().code).toBe(
      'INSPECTION_ANNOUNCE_TOO_LATE',
    );
    expect((await announce({ ...body, building: '9号楼' })).json().code).toBe(
      'INSPECTION_NOTHING_TO_ANNOUNCE',
    );
    expect((await announce({ ...body, timeWindow: '9点' })).statusCode).toBe(400);
    expect((await announce(body, 'gas_agent')).statusCode).toBe(403);
  });

  it('G-5.11.2 a time agreed at the household request is kept on the visit and confirmed to it', async () => {
    const visits = (await w.call('gas_admin', 'GET', '/inspections/visits?year=2026&community=华侨城')).json()
      .items as { id: string; customerId: string; agreedAt: string | null }[];
    const v = visits.find((x) => x.customerId === ids[1])!;
    const res = await w.call('gas_admin', 'POST', `/inspections/visits/${v.id}/appointment`, {
      agreedAt: '2026-03-07T18:30:00+08:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await w.call('gas_admin', 'GET', '/inspections/visits?year=2026&community=华侨城')).json()
      .items as { id: string; agreedAt: string | null }[];
    expect(after.find((x) => x.id === v.id)!.agreedAt).toBe('2026-03-07T10:30:00.000Z');
    const confirm = await outbox('inspection_appointment');
    expect(confirm).toHaveLength(1);
    expect(confirm[0]!.body).toContain('2026-03-07 18:30');
    const past = await w.call('gas_admin', 'POST', `/inspections/visits/${v.id}/appointment`, {
      agreedAt: '2026-03-01T18:30:00+08:00',
    });
    expect(past.statusCode).toBe(400);
    expect(
      (
        await w.call('heat_admin', 'POST', `/inspections/visits/${v.id}/appointment`, {
          agreedAt: '2026-03-07T18:30:00+08:00',
        })
      ).statusCode,
    ).toBe(404);
  });
});
