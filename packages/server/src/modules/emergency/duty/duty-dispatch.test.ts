import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../../../db/schema.ts';
import { linkUserToStaff } from '../../../testing/harness.ts';
import { orderWorld, repair, type Detail, type OrderWorld } from '../../service/workorders/testing.ts';

// G-5.12.3, H-6.4.3, H-7.3.1: an urgent order (a gas leak emergency, a heating leak) goes only to someone on a
// rush-repair shift at that moment, through the staff record his login belongs to; other orders are unchanged.

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-12-05 09:00');
  const rows = await w.t.database.db
    .insert(staff)
    .values(
      ['gas_tech', 'gas_tech2', 'heat_tech'].map((u, i) => ({
        enterpriseId: i < 2 ? w.world.gas.id : w.world.heat.id,
        name: u,
        badgeNo: `B${i}`,
        employeeNo: `E${i}`,
        post: '抢修工',
      })),
    )
    .returning({ id: staff.id });
  await linkUserToStaff(w.t.database, 'gas_tech', rows[0]!.id);
  await linkUserToStaff(w.t.database, 'gas_tech2', rows[1]!.id);
  await linkUserToStaff(w.t.database, 'heat_tech', rows[2]!.id);
  const shift = (who: string, staffId: string, kind: string, from: string, to: string) =>
    w.call(who, 'POST', '/duty/shifts', {
      kind,
      startsAt: from,
      endsAt: to,
      staffIds: [staffId],
      vehicles: ['鲁C·A1234 抢修车'],
      equipment: [],
      phone: '0533-2961119',
    });
  // gas_tech is on the rush-repair crew today 08:00–20:00; gas_tech2 only on the hotline then.
  for (const res of [
    await shift(
      'gas_admin',
      rows[0]!.id,
      'rush_repair',
      '2026-12-05T08:00:00+08:00',
      '2026-12-05T20:00:00+08:00',
    ),
    await shift(
      'gas_admin',
      rows[1]!.id,
      'hotline',
      '2026-12-05T08:00:00+08:00',
      '2026-12-05T20:00:00+08:00',
    ),
    await shift(
      'heat_admin',
      rows[2]!.id,
      'rush_repair',
      '2026-12-05T20:00:00+08:00',
      '2026-12-06T08:00:00+08:00',
    ),
  ])
    expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => w.close());

const leak = () =>
  w.create(
    'gas_agent',
    repair({ itemCode: 'gas_indoor_leak', safetyAdviceGiven: true, description: '厨房燃气味' }),
  );
const assignees = async (who: string, itemCode: string) =>
  (await w.call(who, 'GET', `/work-orders/assignees?purpose=dispatch&itemCode=${itemCode}`)).json()
    .items as Detail[];

describe('urgent orders only to people on duty (G-5.12.3, H-6.4.3, H-7.3.1)', () => {
  it('G-5.12.3 a leak emergency is refused for a technician not on a rush-repair shift now, with the reason', async () => {
    w.at('2026-12-05 10:00');
    const o = await leak();
    const off = await w.tryAct('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech2 });
    expect(off.statusCode, off.body).toBe(422);
    expect(off.json()).toMatchObject({ code: 'ASSIGNEE_NOT_ON_DUTY', details: { field: 'assignee' } });
    expect(off.json().message).toContain('G-5.12.3');
    const on = await w.act('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    expect(on).toMatchObject({ state: 'dispatched', assigneeId: w.ids.gas_tech });
  });

  it('G-5.12.3 the same technician is refused once his shift has ended; an ordinary repair still goes to him', async () => {
    w.at('2026-12-05 21:00');
    const o = await leak();
    const late = await w.tryAct('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    expect(late.json().code).toBe('ASSIGNEE_NOT_ON_DUTY');
    const ordinary = await w.create('gas_agent', repair());
    await w.act('gas_dispatcher', ordinary.id, { type: 'dispatched', assignee: w.ids.gas_tech2 });
  });

  it('G-5.12.3 the dispatcher’s list marks who is on duty and, for an urgent order, why the others cannot be picked', async () => {
    w.at('2026-12-05 10:00');
    const urgent = await assignees('gas_dispatcher', 'gas_indoor_leak');
    const by = (id: string) => urgent.find((p) => p.id === id)!;
    expect(by(w.ids.gas_tech!)).toMatchObject({ onDuty: true, unavailable: null });
    expect(by(w.ids.gas_tech2!)).toMatchObject({
      onDuty: false,
      unavailable: { zh: expect.stringContaining('值班') },
    });
    const ordinary = await assignees('gas_dispatcher', 'gas_repair');
    expect(ordinary.find((p) => p.id === w.ids.gas_tech2)).toMatchObject({
      onDuty: false,
      unavailable: null,
    });
  });

  it('H-6.4.3 H-7.3.1 a heating leak goes to the night crew on duty, not before its shift', async () => {
    w.at('2026-12-05 19:00');
    const o = await w.create('heat_agent', {
      itemCode: 'heating_leak',
      channel: 'phone',
      callerName: '赵淑芬',
      callerPhone: '13905330003',
      description: '暖气片接口漏水',
    });
    const early = await w.tryAct('heat_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.heat_tech });
    expect(early.json().code).toBe('ASSIGNEE_NOT_ON_DUTY');
    w.at('2026-12-05 20:30');
    await w.act('heat_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.heat_tech });
  });
});
