import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkUserToStaff } from '../../../testing/harness.ts';
import { PNG_1PX, orderWorld, repair, toOnSite, type OrderWorld } from './testing.ts';

// Issue 17: what the technician and the agent are offered is what the domain accepts now; a repeated tap is
// harmless; an order found by address still carries a phone the technician can call.

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const feedback = {
  staffName: '王海涛',
  customer: '李秀英',
  handledAt: '2026-03-02T11:30:00+08:00',
  result: '更换灶前阀，试火正常',
};

async function completed(w: OrderWorld, id: string) {
  const sig = await w.call('gas_tech', 'POST', `/work-orders/${id}/attachments`, {
    kind: 'signature',
    dataUrl: PNG_1PX,
  });
  await w.act('gas_tech', id, {
    type: 'completed',
    record: { result: '更换灶前阀', onSite: true, signature: true, signatureAttachmentId: sig.json().id },
  });
  return w.act('gas_tech', id, { type: 'feedback_given', feedback });
}

describe('next steps on an order', () => {
  it('arriving twice records one arrival: a second tap, even from a page one version behind, writes nothing', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    const arrived = await toOnSite(w, o.id);
    expect(arrived.allowedEvents).not.toContain('arrived_on_site');
    // The page that sent the first tap still holds the version before it.
    const stale = await w.call('gas_tech', 'POST', `/work-orders/${o.id}/events`, {
      version: arrived.version - 1,
      event: { type: 'arrived_on_site' },
    });
    expect(stale.statusCode, stale.body).toBe(200);
    const again = await w.tryAct('gas_tech', o.id, { type: 'arrived_on_site' });
    expect(again.statusCode, again.body).toBe(200);
    const d = await w.get('gas_tech', o.id);
    expect(d.events.filter((e: { type: string }) => e.type === 'arrived_on_site')).toHaveLength(1);
    expect(d.version).toBe(arrived.version);
  });

  it('归档 is not offered before the return visit nor after an unsatisfied one, and the reason is given', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    await toOnSite(w, o.id);
    let d = await completed(w, o.id);
    d = await w.get('gas_agent', o.id);
    expect(d.allowedEvents).toContain('return_visited');
    expect(d.allowedEvents).not.toContain('closed');
    expect(d.blockedEvents.find((b: { type: string }) => b.type === 'closed').reason.zh).toContain(
      '须回访后方可归档',
    );
    d = await w.act('gas_agent', o.id, { type: 'return_visited', satisfaction: 'dissatisfied' });
    expect(d.allowedEvents).not.toContain('closed');
    expect(d.allowedEvents).toContain('redispatched');
    expect(d.blockedEvents.find((b: { type: string }) => b.type === 'closed').reason.zh).toContain(
      '回访不满意',
    );
  });

  it('an order for a customer found by address carries the phone on the customer’s file when none is typed', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create(
      'gas_agent',
      repair({ callerPhone: undefined, customerId: w.customers.gas2, callerName: '王建国' }),
    );
    expect(o.callerPhone).toBe('13905330002');
    const typed = await w.create(
      'gas_agent',
      repair({ callerPhone: '13905339999', customerId: w.customers.gas2, callerName: '王建国' }),
    );
    expect(typed.callerPhone).toBe('13905339999');
  });
});

describe('who may be dispatched', () => {
  it('G-5.6.1: a technician whose certificate has expired is listed with the reason and refused; a repair never lists an inspector', async () => {
    w.at('2026-03-02 09:00');
    const gasId = w.world.gas.id;
    const { rows } = await w.t.database.executeSql(
      `insert into staff (enterprise_id, name, badge_no, employee_no, post)
       values ('${gasId}', 'gas_tech2', 'B-902', 'E-902', '维修工') returning id`,
    );
    await linkUserToStaff(w.t.database, 'gas_tech2', String(rows[0]!.id));
    await w.t.database.executeSql(
      `insert into certificates (staff_id, enterprise_id, name, number, issuer, issued_on, expires_on)
       values ('${String(rows[0]!.id)}', '${gasId}', '燃气作业人员证', 'RQ-2023-1', '淄博市住建局', '2023-03-01', '2026-03-01')`,
    );
    const list = await w.call(
      'gas_dispatcher',
      'GET',
      '/work-orders/assignees?purpose=dispatch&itemCode=gas_repair',
    );
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as {
      displayName: string;
      role: string;
      unavailable: { zh: string } | null;
    }[];
    expect(items.map((p) => p.role)).not.toContain('inspector');
    expect(items.find((p) => p.displayName === 'gas_tech')?.unavailable).toBeNull();
    expect(items.find((p) => p.displayName === 'gas_tech2')?.unavailable?.zh).toContain('资格证书已过期');
    const all = await w.call('gas_dispatcher', 'GET', '/work-orders/assignees?purpose=dispatch');
    expect((all.json().items as { role: string }[]).map((p) => p.role)).toContain('inspector');

    const o = await w.create('gas_agent', repair());
    const expired = await w.tryAct('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech2 });
    expect(expired.statusCode).toBe(422);
    expect(expired.json()).toMatchObject({ code: 'ASSIGNEE_NOT_QUALIFIED', details: { field: 'assignee' } });
    const inspector = await w.tryAct('gas_dispatcher', o.id, {
      type: 'dispatched',
      assignee: w.ids.gas_inspector,
    });
    expect(inspector.json()).toMatchObject({ code: 'ASSIGNEE_INVALID' });
    const ok = await w.tryAct('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('words on the order page', () => {
  it('a clock explanation opens with the catalogue label, not the internal clock name', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    for (const c of o.clocks as {
      name: string;
      label: { zh: string };
      explanation: { zh: string; en: string };
    }[]) {
      expect(c.explanation.zh.startsWith(c.name)).toBe(false);
      expect(c.explanation.zh.startsWith(c.label.zh)).toBe(true);
    }
    const listed = await w.get('gas_agent', o.id);
    expect(listed.clocks[0].explanation.zh).not.toMatch(/^[a-z_]+（/);
  });
});
