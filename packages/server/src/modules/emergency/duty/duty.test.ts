import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatingSeasons, staff } from '../../../db/schema.ts';
import { orderWorld, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';
import { runReadinessWatcher } from '../readiness/watcher.job.ts';

let w: OrderWorld;
let gasPeople: string[];
let heatPeople: string[];
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-12-05 09:00');
  const person = (enterpriseId: string, n: number) => ({
    enterpriseId,
    name: `值班员${n}`,
    badgeNo: `B${n}`,
    employeeNo: `E${n}`,
    post: n % 2 ? '抢修工' : '话务员',
  });
  const rows = await w.t.database.db
    .insert(staff)
    .values([person(w.world.gas.id, 1), person(w.world.gas.id, 2), person(w.world.heat.id, 3)])
    .returning({ id: staff.id });
  gasPeople = [rows[0]!.id, rows[1]!.id];
  heatPeople = [rows[2]!.id];
  await w.t.database.db.insert(heatingSeasons).values({
    enterpriseId: w.world.heat.id,
    area: '张店区',
    period: '2026-2027',
    startsOn: '2026-11-15',
    endsOn: '2027-03-15',
    legalHeatingDays: 121,
    paymentDueOn: '2026-11-10',
  });
});
afterAll(() => w.close());

const shift = (kind: string, startsAt: string, endsAt: string, staffIds: string[], over: object = {}) => ({
  kind,
  startsAt,
  endsAt,
  staffIds,
  vehicles: ['鲁C·A1234 抢修车'],
  equipment: ['可燃气体检测仪'],
  phone: '0533-2961119',
  ...over,
});
const watch = (at: string) => runReadinessWatcher(w.t.ctx, w.at(at));
const alerts = async (who: string) =>
  (await w.call(who, 'GET', '/emergency/alerts')).json().items as Detail[];

describe('duty rosters (G-4.2.2, G-5.12.3, H-6.4.3)', () => {
  it('G-4.2.2 G-5.12.3 a roster covering the day has no gap; a shift with nobody is a gap alerted once before it starts', async () => {
    for (const s of [
      shift('hotline', '2026-12-06T00:00:00+08:00', '2026-12-07T00:00:00+08:00', [gasPeople[1]!]),
      shift('rush_repair', '2026-12-06T00:00:00+08:00', '2026-12-06T12:00:00+08:00', [gasPeople[0]!]),
      shift('rush_repair', '2026-12-06T12:00:00+08:00', '2026-12-07T00:00:00+08:00', []),
    ]) {
      const res = await w.call('gas_admin', 'POST', '/duty/shifts', s);
      expect(res.statusCode, res.body).toBe(201);
    }
    const roster = (await w.call('gas_admin', 'GET', '/duty/roster?from=2026-12-06&days=1')).json();
    expect(roster.shifts).toHaveLength(3);
    expect(roster.shifts[0].people[0]).toMatchObject({ name: '值班员2' });
    expect(roster.gaps).toEqual([
      expect.objectContaining({
        kind: 'rush_repair',
        reason: 'nobody',
        clause: 'G-5.12.3',
        startsAt: '2026-12-06T04:00:00.000Z',
        endsAt: '2026-12-06T16:00:00.000Z',
      }),
    ]);
    // The watcher (as of the 5th, 09:00) alerts the gap of tomorrow noon, and today's uncovered hours; once.
    await watch('2026-12-05 09:00');
    const raised = (await alerts('gas_admin')).filter((a) => a.kind === 'roster_gap');
    expect(raised.some((a) => a.dueAt === '2026-12-06T04:00:00.000Z' && a.clause === 'G-5.12.3')).toBe(true);
    expect(await watch('2026-12-05 09:10')).toBe(0);
    expect((await alerts('gas_admin')).filter((a) => a.kind === 'roster_gap')).toHaveLength(raised.length);
    // Another enterprise sees none of them; the regulator sees them all.
    expect((await alerts('heat_admin')).some((a) => a.enterpriseId === w.world.gas.id)).toBe(false);
    expect((await alerts('reg')).some((a) => a.enterpriseId === w.world.gas.id)).toBe(true);
  });

  it('H-6.4.3 a heating-season night without a repair crew is a gap of the heating company', async () => {
    await w.call(
      'heat_admin',
      'POST',
      '/duty/shifts',
      shift('hotline', '2026-12-08T00:00:00+08:00', '2026-12-09T00:00:00+08:00', heatPeople),
    );
    await w.call(
      'heat_admin',
      'POST',
      '/duty/shifts',
      shift('rush_repair', '2026-12-08T00:00:00+08:00', '2026-12-08T18:00:00+08:00', heatPeople),
    );
    const roster = (await w.call('heat_admin', 'GET', '/duty/roster?from=2026-12-08&days=1')).json();
    expect(roster.gaps).toEqual([
      expect.objectContaining({
        kind: 'rush_repair',
        seasonNight: true,
        clause: 'H-6.4.3',
        startsAt: '2026-12-08T10:00:00.000Z',
      }),
    ]);
  });

  it('G-5.12.3 the people on duty now are those of the running shift, and its phone is published', async () => {
    w.at('2026-12-06 08:00');
    const on = (await w.call('gas_admin', 'GET', '/duty/on-duty?kind=rush_repair')).json();
    expect(on.shifts.map((s: Detail) => s.people.map((p: Detail) => p.id))).toEqual([[gasPeople[0]]]);
    const info = (
      await w.t.app.inject({ method: 'GET', url: `/api/public/enterprises/${w.world.gas.id}` })
    ).json();
    expect(info.dutyPhones).toEqual(['0533-2961119']);
  });

  it('G-5.12.3 refuses people not on this enterprise’s staff and impossible shifts, writing nothing', async () => {
    const before = (await w.call('gas_admin', 'GET', '/duty/roster?from=2026-12-10&days=1')).json().shifts
      .length;
    const other = await w.call(
      'gas_admin',
      'POST',
      '/duty/shifts',
      shift('hotline', '2026-12-10T00:00:00+08:00', '2026-12-10T08:00:00+08:00', heatPeople),
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('DUTY_STAFF_UNKNOWN');
    const backwards = await w.call(
      'gas_admin',
      'POST',
      '/duty/shifts',
      shift('hotline', '2026-12-10T08:00:00+08:00', '2026-12-10T00:00:00+08:00', gasPeople),
    );
    expect(backwards.json().code).toBe('VALIDATION_FAILED');
    expect(
      (
        await w.call('gas_admin', 'POST', '/duty/shifts', {
          ...shift('hotline', '2026-12-10T00:00:00+08:00', '2026-12-10T08:00:00+08:00', gasPeople),
          x: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await w.call(
          'gas_agent',
          'POST',
          '/duty/shifts',
          shift('hotline', '2026-12-10T00:00:00+08:00', '2026-12-10T08:00:00+08:00', gasPeople),
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (await w.call('gas_admin', 'GET', '/duty/roster?from=2026-12-10&days=1')).json().shifts,
    ).toHaveLength(before);
  });

  it('an alert is acknowledged once, and only within its enterprise', async () => {
    const [first] = await alerts('gas_admin');
    expect((await w.call('heat_admin', 'POST', `/emergency/alerts/${first!.id}/ack`)).statusCode).toBe(404);
    const ack = await w.call('gas_admin', 'POST', `/emergency/alerts/${first!.id}/ack`);
    expect(ack.json().acknowledgedAt).not.toBeNull();
  });
});
