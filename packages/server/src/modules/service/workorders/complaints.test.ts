import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1PX, orderWorld, repair, snapshot, type Detail, type OrderWorld } from './testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-03-02 09:00');
});
afterAll(() => w.close());

const complaint = (over: Record<string, unknown> = {}) => ({
  itemCode: 'gas_complaint',
  channel: 'phone',
  callerName: '王建国',
  callerPhone: '13905330002',
  address: '张店区共青团西路 88 号 3 单元 502',
  description: '维修人员未按约定时间上门',
  complaintCategory: 'missed_time_limit',
  ...over,
});
const feedback = {
  staffName: '王海涛',
  customer: '王建国',
  handledAt: '2026-03-03T10:00:00+08:00',
  result: '已上门处理并致歉',
};
const findings = { facts: '维修人员迟到 2 小时', correctiveMeasures: '调整排班', accountability: '扣绩效' };

/** Dispatch, accept and complete a complaint, ready for its feedback. */
async function handled(id: string): Promise<Detail> {
  await w.act('gas_dispatcher', id, { type: 'dispatched', assignee: w.ids.gas_tech });
  await w.act('gas_tech', id, { type: 'accepted' });
  return w.act('gas_tech', id, { type: 'completed', record: { result: '已核实', onSite: false } });
}

describe('complaints (H-7.4)', () => {
  it('H-7.6.5.3 every complaint gets a return visit before it closes', async () => {
    const o = await w.create('gas_agent', complaint({ callerPhone: '13905338001' }));
    await handled(o.id);
    await w.act('gas_tech', o.id, { type: 'feedback_given', feedback, findings });
    const before = await snapshot(w);
    const res = await w.tryAct('gas_agent', o.id, { type: 'closed' });
    expect(res.statusCode).toBe(422);
    expect(res.json().messages.en).toMatch(/return visit/);
    expect(await snapshot(w)).toEqual(before);
    await w.act('gas_agent', o.id, { type: 'return_visited', satisfaction: 'satisfied' });
    expect((await w.act('gas_agent', o.id, { type: 'closed' })).state).toBe('closed');
  });

  it('H-7.4.8 an undecided complaint counts as responsible: it needs findings until the authority decides otherwise', async () => {
    const o = await w.create('gas_agent', complaint({ callerPhone: '13905338002' }));
    expect(o.complaint).toMatchObject({
      category: 'missed_time_limit',
      responsibility: 'undecided',
      countsAsResponsible: true,
    });
    await handled(o.id);
    await w.act('gas_tech', o.id, {
      type: 'feedback_given',
      feedback,
      explanation: { policy: '《淄博市城镇燃气服务规范》约定上门时间' },
    });
    await w.act('gas_agent', o.id, { type: 'return_visited', satisfaction: 'satisfied' });
    const blocked = await w.tryAct('gas_agent', o.id, { type: 'closed' });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().code).toBe('COMPLAINT_CLOSE_BLOCKED');
    expect(blocked.json().details.problems[0].code).toBe('COMPLAINT_HANDLING_INCOMPLETE');

    const notRegulator = await w.tryAct('gas_admin', o.id, {
      type: 'responsibility_decided',
      responsibility: 'non_responsible',
    });
    expect(notRegulator.statusCode).toBe(403);
    const decided = await w.act('reg', o.id, {
      type: 'responsibility_decided',
      responsibility: 'non_responsible',
    });
    expect(decided.complaint).toMatchObject({
      responsibility: 'non_responsible',
      countsAsResponsible: false,
    });
    expect((await w.act('gas_agent', o.id, { type: 'closed' })).state).toBe('closed');
  });

  it('H-7.4.8 the regulator finds the complaints awaiting its decision across enterprises; an enterprise sees only its own', async () => {
    const o = await w.create('gas_agent', complaint({ callerPhone: '13905338011' }));
    const queue = async (who: string) =>
      (await w.call(who, 'GET', '/work-orders?responsibility=undecided&limit=200')).json().items as Detail[];
    const before = await queue('reg');
    expect(before.map((i) => i.id)).toContain(o.id);
    expect(before.every((i) => i.isComplaint)).toBe(true);
    expect(new Set(before.map((i) => i.enterpriseName)).size).toBeGreaterThan(0);
    expect((await queue('heat_admin')).map((i) => i.id)).not.toContain(o.id);
    await w.act('reg', o.id, { type: 'responsibility_decided', responsibility: 'responsible' });
    expect((await queue('reg')).map((i) => i.id)).not.toContain(o.id);
    const decided = (await w.call('reg', 'GET', '/work-orders?responsibility=responsible&limit=200')).json();
    expect(decided.items.map((i: Detail) => i.id)).toContain(o.id);
  });

  it('H-7.4.10 a responsible complaint closes only with facts, corrective measures and accountability', async () => {
    const o = await w.create('gas_agent', complaint({ callerPhone: '13905338003' }));
    await w.act('reg', o.id, { type: 'responsibility_decided', responsibility: 'responsible' });
    await handled(o.id);
    await w.act('gas_tech', o.id, {
      type: 'feedback_given',
      feedback,
      findings: { facts: '属实', correctiveMeasures: '', accountability: '' },
    });
    await w.act('gas_agent', o.id, { type: 'return_visited', satisfaction: 'satisfied' });
    const before = await snapshot(w);
    const res = await w.tryAct('gas_agent', o.id, { type: 'closed' });
    expect(res.json().code).toBe('COMPLAINT_CLOSE_BLOCKED');
    const fields = res.json().details.problems.map((p: { details: { field: string } }) => p.details.field);
    expect(fields).toEqual(['correctiveMeasures', 'accountability']);
    expect(await snapshot(w)).toEqual(before);

    const p = await w.create('gas_agent', complaint({ callerPhone: '13905338004' }));
    await handled(p.id);
    const fb = await w.act('gas_tech', p.id, { type: 'feedback_given', feedback, findings });
    expect(fb.complaint.findings).toEqual(findings);
    await w.act('gas_agent', p.id, { type: 'return_visited', satisfaction: 'basically_satisfied' });
    expect((await w.act('gas_agent', p.id, { type: 'closed' })).state).toBe('closed');
  });

  it('G-5.7.3 a repeat complainant is told the solution and a contact; 3 unresolved reports are flagged (H-7.4.5)', async () => {
    const first = await w.create('gas_agent', complaint());
    expect(first.customerId).toBe(w.customers.gas2);
    expect(first.complaint).toMatchObject({ repeatCount: 1, flagged: false });
    expect(first.complaint.repeat).toMatchObject({ repeatComplainant: false, solution: null, contact: null });

    const second = await w.create('gas_agent', complaint({ description: '还是没人来' }));
    expect(second.complaint).toMatchObject({ repeatCount: 2, flagged: false, category: 'missed_time_limit' });
    expect(second.complaint.repeat).toMatchObject({
      repeatComplainant: true,
      priorReports: 1,
      priorOrderNos: [first.orderNo],
      contact: 'gas_agent，0533-1234567',
    });
    expect(second.complaint.repeat.solution).toBeTruthy();
    expect(second.complaint.repeat.obligations[0].zh).toContain('G-5.7.3');

    const third = await w.create('gas_agent', {
      ...complaint({ description: '第三次反映' }),
      repeatNotice: {
        solution: '明日 9 点前由维修班长上门更换调压器',
        contact: '维修班长 王海涛 13905331234',
      },
    });
    expect(third.complaint).toMatchObject({ repeatCount: 3, flagged: true, category: 'repeated_unresolved' });
    expect(third.complaint.repeat).toMatchObject({
      repeatedUnresolved: true,
      solution: '明日 9 点前由维修班长上门更换调压器',
      contact: '维修班长 王海涛 13905331234',
    });
    const flagged = await w.call(
      'gas_admin',
      'GET',
      `/work-orders?complaint=true&customerId=${w.customers.gas2}`,
    );
    expect(flagged.json().items).toHaveLength(3);
  });

  it('G-5.7.6 / H-7.6.6.3 the complainant’s identity is shown only to those handling the complaint', async () => {
    const o = await w.create('gas_agent', complaint({ callerPhone: '13905330001', callerName: '李秀英' }));
    await w.act('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    const signed = await w.call('gas_dispatcher', 'POST', `/work-orders/${o.id}/attachments`, {
      kind: 'signature',
      dataUrl: PNG_1PX,
    });
    const signature = `/attachments/${signed.json().id}`;
    const full = {
      callerName: '李秀英',
      callerPhone: '13905330001',
      customerId: w.customers.gas,
      identityMasked: false,
    };
    for (const who of ['gas_agent', 'gas_dispatcher', 'gas_admin', 'gas_tech']) {
      expect(await w.get(who, o.id), who).toMatchObject(full);
    }
    for (const who of ['gas_agent2', 'gas_inspector', 'reg']) {
      const d = await w.get(who, o.id);
      expect(d, who).toMatchObject({
        callerName: '李**',
        callerPhone: '139****0001',
        customerId: null,
        customerName: '李**',
        identityMasked: true,
      });
      expect(d.address).not.toContain('502');
      expect(d.events[0].payload.customerId).toBeNull();
      expect(d.attachments, who).toEqual([]); // the signature is identity too
      expect((await w.call(who, 'GET', signature)).statusCode, who).toBe(404);
    }
    expect((await w.call('gas_dispatcher', 'GET', signature)).statusCode).toBe(200);
    const search = async (who: string) =>
      (await w.call(who, 'GET', `/work-orders?q=${encodeURIComponent('李秀英')}&complaint=true`)).json()
        .items;
    expect(await search('gas_dispatcher')).toHaveLength(1);
    expect(await search('gas_agent2')).toHaveLength(0);

    // Other orders show who called; the full phone to those handling it and to agents who call back.
    const r = await w.create('gas_agent', repair());
    expect(await w.get('gas_agent2', r.id)).toMatchObject({
      callerName: '李秀英',
      callerPhone: '13905330001',
    });
    expect(await w.get('gas_inspector', r.id)).toMatchObject({
      callerName: '李秀英',
      callerPhone: '139****0001',
    });
  });
});
