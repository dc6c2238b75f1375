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
    // Tomorrow (2027-01-06) 20:00 Beijing time, for the demo gas and the demo heating company (not the others,
    // which have no roster and are alerted for every shift: that is what an unfilled roster is).
    const tomorrowNight = new Date('2027-01-06T12:00:00Z').getTime();
    expect(
      gaps.filter((g) => new Date(String(g.due_at)).getTime() === tomorrowNight).map((g) => g.kind),
    ).toEqual(['heating', 'pipeline_gas']);
  });

  it('G-5.12.2 G-5.12.9 plans for the five kinds with one overdue, and a closed incident with its whole aftermath', async () => {
    const plans = await rows(
      `select count(*)::int as n, count(distinct event_kind)::int as kinds from emergency_plans`,
    );
    expect(plans[0]).toMatchObject({ n: 10, kinds: 5 });
    const reviews = await rows(`select count(*)::int as n from emergency_alerts where kind = 'plan_review'`);
    expect(reviews[0]!.n).toBe(4);
    const closed = await rows(`select i.id, array_agg(e.type order by e.id) as types from incidents i
      join incident_events e on e.incident_id = i.id where i.closed_at is not null group by i.id`);
    expect(closed).toHaveLength(2);
    for (const c of closed)
      expect(c.types).toEqual(
        expect.arrayContaining(['investigation', 'cause', 'measures', 'plan_revision']),
      );
  });

  it('H-9.5 each demo company has an incident with a claim from the insurer’s call to payment, paid in time', async () => {
    const claims = await rows(`select c.paid_at <= c.pay_due_at as in_time, count(e.id)::int as steps
      from insurance_claims c join insurance_claim_events e on e.claim_id = c.id
      where c.incident_id is not null group by c.id`);
    expect(claims).toEqual([
      { in_time: true, steps: 7 },
      { in_time: true, steps: 7 },
    ]);
  });

  it('G-5.12.3 the demo gas company’s duty phone is on its public page', async () => {
    const [gas] = await rows(`select e.id from enterprises e where e.kind = 'pipeline_gas'
      and exists (select 1 from duty_shifts s where s.enterprise_id = e.id)`);
    const info = (await t.app.inject({ method: 'GET', url: `/api/public/enterprises/${gas!.id}` })).json();
    expect(info.dutyPhones.length).toBeGreaterThan(0);
  });
});
