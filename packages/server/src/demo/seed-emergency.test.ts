import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // A run day in the heating season, early in a year.
  t.setNow(new Date('2027-01-05T02:00:00Z'));
  await seedDemo(t.database, t.ctx.now(), () => {});
}, 240_000);
afterAll(() => t.close());

const rows = async (sql: string) => (await t.database.executeSql(sql)).rows;

describe('demo emergency readiness', () => {
  it('G-5.12.3 H-6.4.3 each demo company has a week of shifts with one gap tomorrow night, alerted once', async () => {
    const gaps =
      await rows(`select e.kind, a.due_at from emergency_alerts a join enterprises e on e.id = a.enterprise_id
      where a.kind = 'roster_gap' and e.kind in ('pipeline_gas', 'heating') order by e.kind`);
    // Tomorrow (2027-01-06) 20:00 Beijing time, for the two demo pipeline gas companies and the heating company in
    // its season (the Boshan company has no season in the demo, so no night crew is owed), and no other gap: every
    // demo company has a roster.
    const tomorrowNight = new Date('2027-01-06T12:00:00Z').getTime();
    expect(gaps.map((g) => [g.kind, new Date(String(g.due_at)).getTime() === tomorrowNight])).toEqual([
      ['heating', true],
      ['pipeline_gas', true],
      ['pipeline_gas', true],
    ]);
  });

  it('G-5.12.2 G-5.12.9 plans for the five kinds with one overdue, and a closed incident with its whole aftermath', async () => {
    const plans = await rows(
      `select count(*)::int as n, count(distinct event_kind)::int as kinds from emergency_plans`,
    );
    expect(plans[0]).toMatchObject({ n: 40, kinds: 5 });
    const reviews = await rows(`select count(*)::int as n from emergency_alerts where kind = 'plan_review'`);
    expect(reviews[0]!.n).toBe(16);
    const closed = await rows(`select i.id, array_agg(e.type order by e.id) as types from incidents i
      join incident_events e on e.incident_id = i.id where i.closed_at is not null group by i.id`);
    expect(closed).toHaveLength(8);
    for (const c of closed)
      expect(c.types).toEqual(
        expect.arrayContaining(['investigation', 'cause', 'measures', 'plan_revision']),
      );
  });

  it('H-9.5 every demo company has an incident with a claim from the insurer’s call to payment, paid in time', async () => {
    const claims = await rows(`select c.paid_at <= c.pay_due_at as in_time, count(e.id)::int as steps
      from insurance_claims c join insurance_claim_events e on e.claim_id = c.id
      where c.incident_id is not null group by c.id`);
    // Every demo gas and heating company (eight), each claim paid in time after its seven steps.
    expect(claims).toEqual(Array.from({ length: 8 }, () => ({ in_time: true, steps: 7 })));
  });

  it('G-11.2 H-9.3 each demo claim keeps its photos as files, and its count names exactly those files', async () => {
    const counted =
      await rows(`select (select count(*)::int from insurance_claim_media m where m.claim_id = c.id) as files,
        jsonb_array_length(e.data->'files') as named, (e.data->>'photos')::int as photos
      from insurance_claims c join insurance_claim_events e on e.claim_id = c.id and e.type = 'loss_counted'`);
    expect(counted).toHaveLength(8);
    for (const c of counted) expect(c).toEqual({ files: 2, named: 2, photos: 2 });
  });

  it('G-5.12.3 the demo gas company’s duty phone is on its public page', async () => {
    const [gas] = await rows(`select e.id from enterprises e where e.kind = 'pipeline_gas'
      and exists (select 1 from duty_shifts s where s.enterprise_id = e.id)`);
    const info = (await t.app.inject({ method: 'GET', url: `/api/public/enterprises/${gas!.id}` })).json();
    expect(info.dutyPhones.length).toBeGreaterThan(0);
  });

  it('G-5.12.3 the demo technicians are on the rush-repair crew now, so an urgent demo order can be sent to them', async () => {
    const on = await rows(`select u.username from users u join duty_shifts s
      on s.enterprise_id = u.enterprise_id and s.kind = 'rush_repair'
      and s.staff_ids @> jsonb_build_array(u.staff_id::text)
      and s.starts_at <= '2027-01-05T02:00:00Z' and s.ends_at > '2027-01-05T02:00:00Z'
      where u.role = 'technician' order by u.username`);
    expect(on.map((r) => r.username)).toEqual([
      'appl_tech',
      'appl_tester',
      'cng_attendant',
      'gas_tech',
      'heat_tech',
    ]);
  });

  it('H-6.3.1 H-6.3.2 H-6.1.7 each demo heating company has a patrol with an open finding, a reported plan and a commitment on its public page', async () => {
    const [ops] = await rows(`select
      (select count(*)::int from heating_check_findings where closed_at is null) as open,
      (select count(*)::int from heating_maintenance_plans where reported_at is not null) as reported,
      (select count(distinct enterprise_id)::int from community_maintenance_commitments) as companies`);
    expect(ops).toEqual({ open: 3, reported: 3, companies: 3 });
    const [heat] = await rows(`select id from enterprises where kind = 'heating' order by name limit 1`);
    const info = (await t.app.inject({ method: 'GET', url: `/api/public/enterprises/${heat!.id}` })).json();
    expect(info.maintenanceCommitments.map((c: { party: string }) => c.party).sort()).toEqual([
      'developer',
      'property_company',
    ]);
  });
});
