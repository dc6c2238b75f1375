import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-12-05 09:00');
});
afterAll(() => w.close());

const incident = (over: Record<string, unknown> = {}) => ({
  title: '中压管线被挖断',
  area: '张店区华光路',
  occurredAt: '2026-12-05T08:30:00+08:00',
  baseLevel: 3,
  customersAffected: 320,
  ...over,
});
const act = async (who: string, id: string, event: object) => {
  const { version } = (await w.call(who, 'GET', `/incidents/${id}`)).json();
  return w.call(who, 'POST', `/incidents/${id}/events`, { version, event });
};

describe('incidents (G-5.12.7, G-5.12.8, G-5.12.9)', () => {
  it('G-5.12.8 the level is raised for a holiday (the calendar) or a key area, and set by hand with a reason', async () => {
    const plain = (await w.call('gas_admin', 'POST', '/incidents', incident())).json();
    expect([plain.level, plain.raiseReasons]).toEqual([3, []]);
    const holiday = await w.call(
      'gas_admin',
      'POST',
      '/incidents',
      incident({ occurredAt: '2026-10-03T10:00:00+08:00' }),
    );
    expect(holiday.statusCode, holiday.body).toBe(201);
    expect([holiday.json().level, holiday.json().raiseReasons]).toEqual([2, ['holiday']]);
    expect((await w.call('gas_admin', 'POST', '/incidents', incident({ keyArea: true }))).json().level).toBe(
      2,
    );
    const byHand = await act('gas_admin', plain.id, { type: 'level_set', level: 1, reason: '涉及学校' });
    expect(byHand.json().level).toBe(1);
    expect(byHand.json().events.map((e: Detail) => e.type)).toEqual(['opened', 'level_set']);
  });

  it('G-5.12.7 a large outage is reported to the regulator at once, and the regulator sees it', async () => {
    const large = (
      await w.call('gas_admin', 'POST', '/incidents', incident({ customersAffected: 4200 }))
    ).json();
    expect(large.regulatorReportedAt).toBe(w.at('2026-12-05 09:00').toISOString());
    expect(large.events.map((e: Detail) => e.type)).toContain('regulator_reported');
    const seen = (await w.call('reg', 'GET', '/incidents')).json().items as Detail[];
    expect(seen.some((i) => i.id === large.id)).toBe(true);
    expect(((await w.call('heat_admin', 'GET', '/incidents')).json().items as Detail[]).length).toBe(0);
  });

  it('G-5.12.7 an urgent entry with the customer unreachable is refused without the police notification', async () => {
    const i = (await w.call('gas_admin', 'POST', '/incidents', incident())).json();
    const entry = { type: 'urgent_entry', address: '张店区华光路1号3单元502', customerUnreachable: true };
    const refused = await act('gas_admin', i.id, entry);
    expect(refused.json().code).toBe('INCIDENT_POLICE_REQUIRED');
    const ok = await act('gas_admin', i.id, {
      ...entry,
      policeNotifiedAt: '2026-12-05T08:50:00+08:00',
      policeStation: '华光路派出所',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // The regulator reads the address masked.
    const asReg = (await w.call('reg', 'GET', `/incidents/${i.id}`)).json();
    expect(asReg.events.at(-1).data.address).not.toContain('502');
  });

  it('G-5.12.9 an incident is closed only after investigation, cause, measures and plan revision; its timeline is append-only', async () => {
    const i = (await w.call('gas_admin', 'POST', '/incidents', incident())).json();
    await act('gas_admin', i.id, { type: 'customers_told', count: 320, channel: 'sms' });
    await act('gas_admin', i.id, { type: 'restored', at: '2026-12-05T08:55:00+08:00' });
    const early = await act('gas_admin', i.id, { type: 'closed' });
    expect(early.json()).toMatchObject({ code: 'INCIDENT_AFTERMATH_MISSING' });
    expect(early.json().details.missing).toEqual(['investigation', 'cause', 'measures', 'plan_revision']);
    for (const type of ['investigation', 'cause', 'measures', 'plan_revision']) {
      expect(
        (await act('gas_admin', i.id, { type, on: '2026-12-05', text: `${type} 记录` })).statusCode,
      ).toBe(200);
    }
    const closed = (await act('gas_admin', i.id, { type: 'closed' })).json();
    expect(closed).toMatchObject({ customersTold: 320, missingAftermath: [] });
    expect(closed.closedAt).not.toBeNull();
    expect((await act('gas_admin', i.id, { type: 'note', text: '补记' })).json().code).toBe(
      'INCIDENT_CLOSED',
    );
    // A stale version is refused; events are never edited.
    const stale = await w.call('gas_admin', 'POST', `/incidents/${i.id}/events`, {
      version: 1,
      event: { type: 'note', text: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    await expect(
      w.t.database.db.execute(sql`delete from incident_events where incident_id = ${i.id}::uuid`),
    ).rejects.toThrow();
  });

  it('H-6.4.5.3 a failure is repaired first and filed afterwards: after such a repair the incident closes only once filed and the media told', async () => {
    const i = (await w.call('gas_admin', 'POST', '/incidents', incident())).json();
    // The repair is recorded before any filing: nothing is asked first.
    const first = await act('gas_admin', i.id, {
      type: 'urgent_repair_started',
      text: '主管爆裂，先行关阀抢修',
    });
    expect(first.statusCode, first.body).toBe(200);
    for (const type of ['investigation', 'cause', 'measures', 'plan_revision'])
      await act('gas_admin', i.id, { type, on: '2026-12-05', text: `${type} 记录` });
    const early = await act('gas_admin', i.id, { type: 'closed' });
    expect(early.json()).toMatchObject({ code: 'INCIDENT_AFTERMATH_MISSING' });
    expect(early.json().details.missing).toEqual(['filed_afterwards', 'media_informed']);
    await act('gas_admin', i.id, { type: 'filed_afterwards', to: '淄博市住房和城乡建设局' });
    expect((await act('gas_admin', i.id, { type: 'closed' })).json().details.missing).toEqual([
      'media_informed',
    ]);
    await act('gas_admin', i.id, { type: 'media_informed', to: '淄博日报' });
    const closed = await act('gas_admin', i.id, { type: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
  });
});
