import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, PNG_1PX, type OrderWorld } from '../../service/workorders/testing.ts';

// H-7.3.8, G-5.11.7: a gas or heating company's paid repair of the customer's own facility waits for the same signed
// price list as appliance work; the company's own facility is repaired free, and an order that says nothing keeps
// the loop as before.

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-11-26 09:00');
});
afterAll(() => w.close());

async function repair(who: 'gas' | 'heat') {
  const o = await w.create(who === 'gas' ? 'gas_agent' : 'heat_agent', {
    itemCode: who === 'gas' ? 'gas_repair' : 'heating_repair',
    channel: 'phone',
    callerName: '李秀英',
    callerPhone: '13905330001',
    address: '张店区华光路 12 号 1 单元 201',
    description: '户内阀门漏气，用户自购的灶前阀',
  });
  const tech = who === 'gas' ? 'gas_tech' : 'heat_tech';
  await w.act(`${who}_dispatcher`, o.id, { type: 'dispatched', assignee: w.ids[tech] });
  await w.act(tech, o.id, { type: 'accepted' });
  await w.act(tech, o.id, { type: 'arrived_on_site' });
  return { id: o.id as string, tech };
}

const lines = [
  { kind: 'part', name: '灶前球阀', quantity: 1, unitFen: 3500 },
  { kind: 'labour', name: '维修人工', quantity: 1, unitFen: 3000 },
];

describe('paid repair of the customer’s own facility (H-7.3.8)', () => {
  it('H-7.3.8 a gas repair of the customer’s own facility cannot start before the customer signs the price list', async () => {
    const { id, tech } = await repair('gas');
    const before = await w.call(tech, 'GET', `/work-orders/${id}/consent`);
    expect(before.json()).toMatchObject({ required: false, ownerAsked: true, facilityOwner: null });
    const early = await w.call(tech, 'POST', `/work-orders/${id}/consent`, {
      lines,
      signerName: '李秀英',
      signatureAttachmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(early.json().code).toBe('CONSENT_NOT_NEEDED');
    const owned = await w.call(tech, 'POST', `/work-orders/${id}/facility-owner`, { owner: 'customer' });
    expect(owned.statusCode, owned.body).toBe(201);
    expect(owned.json()).toMatchObject({ required: true, facilityOwner: 'customer' });
    const detail = await w.get(tech, id);
    expect(detail.blockedEvents.map((b: { type: string }) => b.type)).toContain('started');
    const start = await w.tryAct(tech, id, { type: 'started' });
    expect(start.json()).toMatchObject({ code: 'CONSENT_REQUIRED', details: { clause: 'H-7.3.8' } });
    expect(start.json().messages.zh).toContain('H-7.3.8');
    const sig = await w.call(tech, 'POST', `/work-orders/${id}/attachments`, {
      kind: 'signature',
      dataUrl: PNG_1PX,
    });
    const signed = await w.call(tech, 'POST', `/work-orders/${id}/consent`, {
      lines,
      signerName: '李秀英',
      signatureAttachmentId: sig.json().id,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().consent.totalFen).toBe(6500);
    await w.act(tech, id, { type: 'started' });
    await w.act(tech, id, {
      type: 'completed',
      record: { result: '更换灶前阀', onSite: true, signature: true },
    });
    expect((await w.call(tech, 'GET', `/work-orders/${id}/receipt.pdf`)).statusCode).toBe(200);
  });

  it('H-7.3.8 the same for a heating company’s paid repair', async () => {
    const { id, tech } = await repair('heat');
    await w.call(tech, 'POST', `/work-orders/${id}/facility-owner`, { owner: 'customer' });
    const done = await w.tryAct(tech, id, {
      type: 'completed',
      record: { result: '更换散热器阀门', onSite: true, signatureRefusedReason: '用户外出，家属在场' },
    });
    expect(done.json()).toMatchObject({ code: 'CONSENT_REQUIRED', details: { clause: 'H-7.3.8' } });
  });

  it('H-7.3.8 a facility the company maintains is repaired free, without a price list', async () => {
    const { id, tech } = await repair('gas');
    await w.call(tech, 'POST', `/work-orders/${id}/facility-owner`, { owner: 'company' });
    await w.act(tech, id, {
      type: 'completed',
      record: { result: '更换表前阀', onSite: true, signatureRefusedReason: '用户外出，家属在场' },
    });
    expect(
      await w.count(`select count(*)::int as n from repair_consents where work_order_id = '${id}'`),
    ).toBe(0);
    expect(
      await w.count(
        `select count(*)::int as n from audit_events where action = 'repair_facility_owner.create'`,
      ),
    ).toBe(3);
  });
});
