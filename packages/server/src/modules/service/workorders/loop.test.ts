import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1PX, orderWorld, repair, snapshot, toOnSite, type OrderWorld } from './testing.ts';

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const feedback = (over: Record<string, unknown> = {}) => ({
  staffName: '王海涛',
  customer: '李秀英',
  handledAt: '2026-03-02T11:30:00+08:00',
  result: '更换灶前阀，试火正常',
  ...over,
});

describe('the work-order loop (H-7.3.4)', () => {
  it('H-7.3.4 receive → dispatch → accept → appointment → complete with signature → feedback → satisfied return visit → closed', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    expect(o).toMatchObject({
      state: 'received',
      itemCode: 'gas_repair',
      customerId: w.customers.gas, // known caller by phone: linked for the customer's 360 view
      callerName: '李秀英',
      callerPhone: '13905330001',
      version: 1,
      ownerId: w.ids.gas_agent,
      allowedEvents: expect.arrayContaining(['dispatched', 'referred']),
    });
    expect(o.orderNo).toMatch(/^G20260302-\d{4}$/);
    expect(o.events.map((e: { type: string }) => e.type)).toEqual(['received']);
    expect(o.clocks.map((c: { name: string; state: string }) => [c.name, c.state])).toEqual([
      ['response', 'running'],
      ['on_site', 'running'],
    ]);
    expect(o.script.zh[1]).toContain('测试燃气公司');

    w.at('2026-03-02 09:05');
    await w.act('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    w.at('2026-03-02 09:10');
    await w.act('gas_tech', o.id, { type: 'accepted' });
    await w.act('gas_tech', o.id, { type: 'appointment_agreed', agreedAt: '2026-03-02T11:00:00+08:00' });
    let d = await w.get('gas_tech', o.id);
    expect(d.agreedAt).toBe('2026-03-02T03:00:00.000Z');
    expect(d.clocks.find((c: { name: string }) => c.name === 'response').state).toBe('met');
    expect(d.clocks.find((c: { name: string }) => c.name === 'on_site').dueText).toBe('2026-03-02 11:00');

    w.at('2026-03-02 10:50');
    await w.act('gas_tech', o.id, { type: 'arrived_on_site' });
    const sig = await w.call('gas_tech', 'POST', `/work-orders/${o.id}/attachments`, {
      kind: 'signature',
      dataUrl: PNG_1PX,
    });
    expect(sig.statusCode, sig.body).toBe(201);
    w.at('2026-03-02 11:30');
    await w.act('gas_tech', o.id, {
      type: 'completed',
      record: { result: '更换灶前阀', onSite: true, signature: true, signatureAttachmentId: sig.json().id },
    });
    await w.act('gas_tech', o.id, { type: 'feedback_given', feedback: feedback() });
    w.at('2026-03-03 10:00');
    await w.act('gas_agent', o.id, { type: 'return_visited', satisfaction: 'satisfied' });
    d = await w.act('gas_agent', o.id, { type: 'closed' });
    expect(d).toMatchObject({ state: 'closed', nextDueAt: null, breached: false, version: 9 });
    expect(d.events.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'dispatched',
      'accepted',
      'appointment_agreed',
      'arrived_on_site',
      'completed',
      'feedback_given',
      'return_visited',
      'closed',
    ]);
    expect(d.events[1]).toMatchObject({ actorName: 'gas_dispatcher', actorRole: 'dispatcher' });
    expect(d.events[1].payload).toMatchObject({ assignee: w.ids.gas_tech, assigneeName: 'gas_tech' });
    expect(d.attachments).toHaveLength(1);
    expect(d.allowedEvents).toEqual([]);
    const image = await w.call('gas_agent', 'GET', `/attachments/${sig.json().id}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    // The type was fixed from the image's bytes at upload; the browser must not guess another one (issue 12).
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.headers['content-security-policy']).toContain("default-src 'self'");
    const stored = await w.t.database.executeSql(
      `select name, state from work_order_clocks where order_id = $1 order by name`,
      [o.id],
    );
    expect(stored.rows).toEqual([
      { name: 'on_site', state: 'met' },
      { name: 'response', state: 'met' },
    ]);
  });

  it('H-7.3.4 a dissatisfied return visit sends the order back: dispatched again, and it cannot close', async () => {
    w.at('2026-03-04 09:00');
    const o = await w.create('gas_agent', repair());
    await toOnSite(w, o.id);
    await w.act('gas_tech', o.id, {
      type: 'completed',
      record: { result: '调整', onSite: true, signatureRefusedReason: '用户不在家，家属拒签' },
    });
    await w.act('gas_tech', o.id, { type: 'feedback_given', feedback: feedback() });
    await w.act('gas_agent', o.id, { type: 'return_visited', satisfaction: 'dissatisfied' });
    const refused = await w.tryAct('gas_agent', o.id, { type: 'closed' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('TRANSITION_NOT_ALLOWED');
    const again = await w.act('gas_dispatcher', o.id, {
      type: 'redispatched',
      assignee: w.ids.gas_tech2,
      reason: '回访不满意：仍有异味',
    });
    expect(again).toMatchObject({ state: 'dispatched', assigneeId: w.ids.gas_tech2 });
  });

  it('H-7.3.4 a technician returns an order with its reason; the dispatcher transfers another one', async () => {
    const o = await w.create('gas_agent', repair());
    await w.act('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    const noReason = await w.tryAct('gas_tech', o.id, { type: 'returned' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json()).toMatchObject({ code: 'PAYLOAD_MISSING', details: { field: 'reason' } });
    const back = await w.act('gas_tech', o.id, { type: 'returned', reason: '非本片区，地址有误' });
    expect(back).toMatchObject({ state: 'returned', assigneeId: null });
    expect(back.events.at(-1).payload).toEqual({ reason: '非本片区，地址有误' });
    // The technician who worked on it still reads it, but no longer acts on it.
    expect((await w.get('gas_tech', o.id)).allowedEvents).toEqual([]);

    const p = await w.create('gas_agent', repair());
    await w.act('gas_dispatcher', p.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    const moved = await w.act('gas_dispatcher', p.id, {
      type: 'transferred',
      assignee: w.ids.gas_tech2,
      reason: '王师傅另有抢修',
    });
    expect(moved).toMatchObject({
      state: 'dispatched',
      assigneeId: w.ids.gas_tech2,
      assigneeName: 'gas_tech2',
    });
    // The technician it was taken from never worked on it: for him it does not exist.
    const notHis = await w.call('gas_tech', 'POST', `/work-orders/${p.id}/events`, {
      version: moved.version,
      event: { type: 'accepted' },
    });
    expect(notHis.statusCode).toBe(404);
    const bad = await w.tryAct('gas_dispatcher', p.id, {
      type: 'transferred',
      assignee: w.ids.heat_tech,
      reason: 'x',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'ASSIGNEE_INVALID', details: { field: 'assignee' } });
  });

  it('G-5.5.1 the first responder owns the order until it is handed over with a time limit', async () => {
    const o = await w.create('gas_agent', repair());
    expect(o.ownerId).toBe(w.ids.gas_agent);
    await w.act('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    expect((await w.get('gas_agent', o.id)).ownerId).toBe(w.ids.gas_agent);
    const other = await w.tryAct('gas_agent2', o.id, {
      type: 'handed_over',
      to: w.ids.gas_agent2,
      dueBy: '2026-03-10T17:00:00+08:00',
    });
    expect(other.statusCode).toBe(403);
    const handed = await w.act('gas_agent', o.id, {
      type: 'handed_over',
      to: w.ids.gas_agent2,
      dueBy: '2026-03-10T17:00:00+08:00',
    });
    expect(handed).toMatchObject({ ownerId: w.ids.gas_agent2, ownerName: 'gas_agent2' });

    // A resident's own request has no owner until staff act on it.
    const mine = await w.create('gas_resident', repair({ channel: 'app', customerId: undefined }));
    expect(mine.ownerId).toBeNull();
    await w.act('gas_dispatcher', mine.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    expect((await w.get('gas_resident', mine.id)).ownerId).toBe(w.ids.gas_dispatcher);
  });

  it('G-5.5.2 a matter outside the company is recorded and closed at once with its referral', async () => {
    const o = await w.create('gas_agent', {
      itemCode: 'referral',
      channel: 'phone',
      callerName: '刘女士',
      callerPhone: '13905339999',
      description: '小区楼道灯不亮',
      referral: { to: '物业公司', contact: '0533-2881234' },
    });
    expect(o).toMatchObject({ state: 'closed', nextDueAt: null, clocks: [] });
    expect(o.events.map((e: { type: string }) => e.type)).toEqual(['received', 'referred']);
    expect(o.events[1].payload).toEqual({ referral: { to: '物业公司', contact: '0533-2881234' } });
    const missing = await w.call('gas_agent', 'POST', '/work-orders', {
      itemCode: 'referral',
      channel: 'phone',
      callerName: '刘女士',
      description: '小区楼道灯不亮',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().code).toBe('PAYLOAD_MISSING');
  });

  it('every channel, and a 12345 transfer keeps the city hotline’s receipt time and case number', async () => {
    w.at('2026-03-05 10:00');
    for (const channel of ['phone', 'counter', 'web', 'wechat', 'app', 'on_site']) {
      const o = await w.create('gas_agent', repair({ channel }));
      expect(o.channel).toBe(channel);
    }
    const t = await w.create('gas_agent', {
      ...repair({ channel: 'hotline_12345' }),
      receivedAt: '2026-03-05T09:20:00+08:00',
      externalRef: 'ZB12345-20260305-0087',
    });
    expect(t).toMatchObject({ receivedAt: '2026-03-05T01:20:00.000Z', externalRef: 'ZB12345-20260305-0087' });
    // The response clock counts from the city hotline's receipt: 40 minutes ago, so already breached.
    expect(t.clocks.find((c: { name: string }) => c.name === 'response')).toMatchObject({
      state: 'breached',
      startedAt: '2026-03-05T01:20:00.000Z',
    });
    const noRef = await w.call('gas_agent', 'POST', '/work-orders', repair({ channel: 'hotline_12345' }));
    expect(noRef.json()).toMatchObject({ code: 'EXTERNAL_REF_REQUIRED', details: { field: 'externalRef' } });
    const notTransfer = await w.call('gas_agent', 'POST', '/work-orders', {
      ...repair(),
      receivedAt: '2026-03-05T09:20:00+08:00',
    });
    expect(notTransfer.statusCode).toBe(422);
    const residentPhone = await w.call('gas_resident', 'POST', '/work-orders', repair());
    expect(residentPhone.json()).toMatchObject({ code: 'CHANNEL_NOT_ALLOWED' });
    const badPhone = await w.call('gas_agent', 'POST', '/work-orders', repair({ callerPhone: '12' }));
    expect(badPhone.json()).toMatchObject({ code: 'PHONE_INVALID', details: { field: 'callerPhone' } });
    const notOffered = await w.call(
      'gas_agent',
      'POST',
      '/work-orders',
      repair({ itemCode: 'heating_leak' }),
    );
    expect(notOffered.json()).toMatchObject({ code: 'CATALOGUE_ITEM_NOT_OFFERED' });
    const leak = await w.call('gas_agent', 'POST', '/work-orders', repair({ itemCode: 'gas_indoor_leak' }));
    expect(leak.json()).toMatchObject({ code: 'PAYLOAD_MISSING', details: { field: 'safetyAdviceGiven' } });
  });

  it('order numbers run per enterprise and day, each taken once even when intakes race', async () => {
    w.at('2026-03-06 08:00');
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        w.call(i % 2 ? 'heat_agent' : 'gas_agent', 'POST', '/work-orders', {
          itemCode: 'consultation',
          channel: 'phone',
          callerName: '张先生',
          description: `咨询 ${i}`,
        }),
      ),
    );
    const numbers = made.map((r) => r.json().orderNo as string).sort();
    expect(numbers).toEqual([
      'G20260306-0001',
      'G20260306-0002',
      'G20260306-0003',
      'H20260306-0001',
      'H20260306-0002',
      'H20260306-0003',
    ]);
  });

  it('past the 9,999th order of a day the number keeps every digit, and no order is left with a provisional one', async () => {
    w.at('2026-03-07 08:00');
    await w.t.database.executeSql(
      `insert into work_order_counters (enterprise_id, day, last)
       select enterprise_id, '2026-03-07', 9999 from users where username = 'gas_agent'`,
    );
    const o = await w.create('gas_agent', repair());
    expect(o.orderNo).toBe('G20260307-10000');
    expect(await w.count(`select count(*) as n from work_orders where order_no like '~%'`)).toBe(0);
  });

  it('a state change not allowed from the current state → 422, and nothing changes', async () => {
    const o = await w.create('gas_agent', repair());
    const before = await snapshot(w);
    for (const event of [
      { type: 'closed' },
      { type: 'accepted' },
      { type: 'feedback_given', feedback: feedback() },
      { type: 'received' },
    ]) {
      const res = await w.tryAct('gas_dispatcher', o.id, event);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('TRANSITION_NOT_ALLOWED');
      expect(res.json().details).toMatchObject({ state: 'received', event: event.type });
    }
    const role = await w.tryAct('gas_agent', o.id, { type: 'supervised', note: '督办' });
    expect(role.statusCode).toBe(403);
    expect(role.json()).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'ROLE_NOT_ALLOWED' } });
    expect(await snapshot(w)).toEqual(before);
    expect((await w.get('gas_agent', o.id)).version).toBe(1);
  });

  it('concurrent writers with the same version: exactly one wins, the other gets 409 VERSION_CONFLICT', async () => {
    const o = await w.create('gas_agent', repair());
    const post = (who: string, assignee: string) =>
      w.call(who, 'POST', `/work-orders/${o.id}/events`, {
        version: 1,
        event: { type: 'dispatched', assignee: w.ids[assignee] },
      });
    const results = await Promise.all([post('gas_dispatcher', 'gas_tech'), post('gas_admin', 'gas_tech2')]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const conflict = results.find((r) => r.statusCode === 409)!.json();
    expect(conflict).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentVersion: 2, sentVersion: 1 },
    });
    const d = await w.get('gas_admin', o.id);
    expect(d.version).toBe(2);
    expect(d.events.filter((e: { type: string }) => e.type === 'dispatched')).toHaveLength(1);
    const stale = await w.call('gas_dispatcher', 'POST', `/work-orders/${o.id}/events`, {
      version: 1,
      event: { type: 'cancelled', reason: '重复' },
    });
    expect(stale.statusCode).toBe(409);
  });
});
