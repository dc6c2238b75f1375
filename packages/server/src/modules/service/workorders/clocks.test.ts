import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineWatcher } from '../../../jobs/deadline-watcher.ts';
import { orderWorld, snapshot, type Detail, type OrderWorld } from './testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const clock = (d: Detail, name: string) => d.clocks.find((c: { name: string }) => c.name === name);
const stored = async (orderId: string, name: string) =>
  (
    await w.t.database.executeSql(
      `select state, minutes_used, margin_minutes, breached_at, stopped_at, due_at from work_order_clocks
       where order_id = $1 and name = $2`,
      [orderId, name],
    )
  ).rows[0]!;

const gasComplaint = {
  itemCode: 'gas_complaint',
  channel: 'phone',
  callerName: '王建国',
  callerPhone: '13905330002',
  description: '抄表员服务态度差',
  complaintCategory: 'attitude',
};
const heatComplaint = {
  itemCode: 'heating_quality_complaint',
  channel: 'phone',
  callerName: '赵淑芬',
  callerPhone: '13905330003',
  description: '室温只有 14 度',
  complaintCategory: 'equipment_nuisance',
};

describe('clocks from the catalogue through the deadline engine', () => {
  it('G-5.7.2 a gas complaint is answered within 5 working days, counted across National Day; the outcome is stored', async () => {
    w.at('2026-09-30 10:00');
    const o = await w.create('gas_agent', gasComplaint);
    const answer = clock(o, 'answer');
    expect(answer).toMatchObject({ clause: 'G-5.7.2', state: 'running', dueText: '2026-10-13 24:00' });
    expect(answer.explanation.zh).toContain('国庆节');
    expect(answer.label.zh).toBeTruthy();
    expect(o.nextDueAt).toBe('2026-10-13T16:00:00.000Z');

    w.at('2026-10-09 09:00');
    await w.act('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    await w.act('gas_tech', o.id, { type: 'accepted' });
    await w.act('gas_tech', o.id, {
      type: 'completed',
      record: { result: '约谈抄表员，已致歉', onSite: false },
    });
    w.at('2026-10-12 15:00');
    const d = await w.act('gas_tech', o.id, {
      type: 'feedback_given',
      feedback: {
        staffName: '王海涛',
        customer: '王建国',
        handledAt: '2026-10-12T14:00:00+08:00',
        result: '已致歉',
      },
      findings: { facts: '属实', correctiveMeasures: '服务规范培训', accountability: '通报批评' },
    });
    expect(clock(d, 'answer')).toMatchObject({ state: 'met', stoppedAt: '2026-10-12T07:00:00.000Z' });
    const row = await stored(o.id, 'answer');
    expect(row).toMatchObject({ state: 'met', breached_at: null });
    // 2026-10-12 15:00 → 2026-10-13 24:00 is 33 hours to spare.
    expect(Number(row.margin_minutes)).toBe(33 * 60);
    expect(Number(row.minutes_used)).toBe(12 * 24 * 60 + 5 * 60);

    // The same complaint left alone is breached at 2026-10-13 24:00, and the watcher stores it so.
    w.at('2026-09-30 10:00');
    const late = await w.create('gas_agent', { ...gasComplaint, callerPhone: '13905331111' });
    await runDeadlineWatcher(w.t.ctx, new Date('2026-10-14T01:00:00Z'));
    expect(await stored(late.id, 'answer')).toMatchObject({ state: 'breached' });
    expect((await w.get('gas_admin', late.id)).breached).toBe(true);
  });

  it('G-5.7.4 / H-7.3.6 an extension with reason and new date is taken before the deadline, refused after it (422, nothing written)', async () => {
    w.at('2026-03-02 10:00');
    const o = await w.create('gas_agent', { ...gasComplaint, callerPhone: '13905332222' });
    expect(clock(o, 'answer').dueText).toBe('2026-03-09 24:00');
    w.at('2026-03-05 10:00');
    const noReason = await w.tryAct('gas_agent', o.id, {
      type: 'deadline_extended',
      extendedTo: '2026-03-16T18:00:00+08:00',
    });
    expect(noReason.statusCode).toBe(422);
    const ext = await w.act('gas_agent', o.id, {
      type: 'deadline_extended',
      extendedTo: '2026-03-16T18:00:00+08:00',
      reason: '需燃气表检定机构出具检定报告',
    });
    expect(clock(ext, 'answer')).toMatchObject({ state: 'running', dueText: '2026-03-16 18:00' });
    expect(ext.events.at(-1).payload).toMatchObject({ previousDue: '2026-03-09T16:00:00.000Z' });

    // After the due: refused, and nothing is written.
    w.at('2026-03-02 10:00');
    const p = await w.create('gas_agent', { ...gasComplaint, callerPhone: '13905333333' });
    w.at('2026-03-10 09:00');
    const before = await snapshot(w);
    const res = await w.tryAct('gas_agent', p.id, {
      type: 'deadline_extended',
      extendedTo: '2026-03-20T18:00:00+08:00',
      reason: '等待配件',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('EXTENSION_AFTER_DEADLINE');
    expect(await snapshot(w)).toEqual(before);

    // H-7.3.6: a heating repair's 3 working days, the same rule.
    w.at('2026-03-02 10:00');
    const h = await w.create('heat_agent', {
      itemCode: 'heating_repair',
      channel: 'phone',
      callerName: '赵淑芬',
      description: '暖气片不热',
    });
    w.at('2026-03-06 09:00');
    const heat = await w.tryAct('heat_agent', h.id, {
      type: 'deadline_extended',
      extendedTo: '2026-03-12T18:00:00+08:00',
      reason: '需停水更换立管',
    });
    expect(heat.json().code).toBe('EXTENSION_AFTER_DEADLINE');
  });

  it('H-7.4.3 a heating-quality complaint is responded to within 0.5 h; a late response stays breached, even once met', async () => {
    w.at('2026-03-02 10:00');
    const o = await w.create('heat_agent', heatComplaint);
    expect(clock(o, 'response')).toMatchObject({ clause: 'H-7.4.3', dueText: '2026-03-02 10:30' });
    w.at('2026-03-02 10:40');
    const d = await w.act('heat_agent', o.id, {
      type: 'customer_contacted',
      note: '已电话联系，约定今日上门测温',
    });
    expect(clock(d, 'response')).toMatchObject({
      state: 'breached',
      breachedAt: '2026-03-02T02:30:00.000Z',
      stoppedAt: '2026-03-02T02:40:00.000Z',
    });
    expect(d.breached).toBe(true);
    expect(await stored(o.id, 'response')).toMatchObject({ state: 'breached', margin_minutes: -10 });

    // Stored as breached by the watcher before the late contact: still breached afterwards.
    w.at('2026-03-02 10:00');
    const p = await w.create('heat_agent', { ...heatComplaint, callerPhone: '13905334444' });
    await runDeadlineWatcher(w.t.ctx, new Date('2026-03-02T02:35:00Z'));
    expect(await stored(p.id, 'response')).toMatchObject({ state: 'breached' });
    w.at('2026-03-02 10:50');
    await w.act('heat_agent', p.id, { type: 'customer_contacted', note: '联系用户' });
    w.at('2026-03-03 10:00');
    await runDeadlineWatcher(w.t.ctx, new Date('2026-03-03T02:00:00Z'));
    expect(await stored(p.id, 'response')).toMatchObject({ state: 'breached' });
    expect(clock(await w.get('heat_admin', p.id), 'response').state).toBe('breached');
  });

  it('H-7.3.9 a heating leak call is answered with an agreed visit time within 0.5 h; a late one is stored as breached', async () => {
    w.at('2026-03-02 10:00');
    const o = await w.create('heat_agent', {
      itemCode: 'heating_leak',
      channel: 'phone',
      callerName: '赵淑芬',
      description: '暖气阀门滴水',
    });
    w.at('2026-03-02 10:45');
    const d = await w.act('heat_agent', o.id, {
      type: 'appointment_agreed',
      agreedAt: '2026-03-02T13:00:00+08:00',
    });
    expect(clock(d, 'reply')).toMatchObject({ clause: 'H-7.3.9', state: 'breached' });
    expect(clock(d, 'on_site')).toMatchObject({ state: 'running', dueText: '2026-03-02 13:00' });
    expect(await stored(o.id, 'reply')).toMatchObject({ state: 'breached' });
    expect(d.nextDueAt).toBe('2026-03-02T05:00:00.000Z');
  });
});
