import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../../db/schema.ts';
import { createEnterprise, createUser } from '../../../testing/harness.ts';
import { orderWorld, type OrderWorld } from '../../service/workorders/testing.ts';

// G-6.2.14: a pipeline gas company ceasing business applies 90 working days ahead, the gas authority decides, and
// only then are the customers told with their arrangements. G-9.3.2: an appliance company tells its customers in
// advance and names who takes over its open orders and warranties.

let w: OrderWorld;
let appl = '';

beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-11-26 09:00');
  const e = await createEnterprise(w.t.database, 'appliance', '测试燃气具公司');
  appl = e.id;
  for (const [u, role] of [
    ['appl_admin', 'enterprise_admin'],
    ['appl_agent', 'agent'],
  ] as const) {
    w.ids[u] = (await createUser(w.t.database, e.id, u, role)).id;
  }
});
afterAll(() => w.close());

const filing = (over: Record<string, unknown> = {}) => ({
  ceasesOn: '2027-07-01',
  reason: '经营调整，退出张店区管道燃气经营',
  arrangements: '供气范围内用户由市燃气管理部门指定的企业继续供气，预存气费原额转入新企业账户。',
  ...over,
});

const sms = (enterpriseId: string, refId: string) =>
  w.t.database.db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.enterpriseId, enterpriseId),
        eq(notifications.kind, 'business_cessation'),
        eq(notifications.refId, refId),
      ),
    );

describe('pipeline company (G-6.2.14)', () => {
  let id = '';

  it('G-6.2.14 the application is due 90 working days before the first day without supply; later is refused naming the date', async () => {
    const preview = await w.call('gas_admin', 'GET', '/cessations/preview?ceasesOn=2027-03-01');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ clause: 'G-6.2.14', today: '2026-11-26', customers: 2 });
    const applyBy = preview.json().applyBy as string;
    expect(applyBy < '2026-11-26').toBe(true);
    const late = await w.call('gas_admin', 'POST', '/cessations', filing({ ceasesOn: '2027-03-01' }));
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CESSATION_TOO_LATE', details: { applyBy } });
    expect(late.json().messages.zh).toContain(applyBy);

    const ok = await w.call('gas_admin', 'POST', '/cessations', filing());
    expect(ok.statusCode, ok.body).toBe(201);
    id = ok.json().id;
    expect(ok.json()).toMatchObject({
      clause: 'G-6.2.14',
      status: 'awaiting_approval',
      ceasesOn: '2027-07-01',
      notifyBy: '2027-05-31',
      customers: 2,
    });
    expect(ok.json().applyBy >= '2026-11-26').toBe(true);
    const again = await w.call('gas_admin', 'POST', '/cessations', filing({ ceasesOn: '2027-08-01' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CESSATION_OPEN');
  });

  it('G-6.2.14 the customers are told only once the gas authority agrees; the company cannot agree for itself', async () => {
    const early = await w.call('gas_admin', 'POST', `/cessations/${id}/notify`);
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('CESSATION_NOT_APPROVED');
    expect(await sms(w.world.gas.id, id)).toHaveLength(0);
    expect(
      (await w.call('gas_admin', 'POST', `/cessations/${id}/decision`, { decision: 'approved' })).statusCode,
    ).toBe(403);
    const seen = (await w.call('reg', 'GET', '/cessations')).json().items;
    expect(seen.map((c: { id: string }) => c.id)).toContain(id);
    const noReason = await w.call('reg', 'POST', `/cessations/${id}/decision`, { decision: 'rejected' });
    expect(noReason.json().code).toBe('REASON_REQUIRED');
    w.at('2026-12-01 10:00');
    const approved = await w.call('reg', 'POST', `/cessations/${id}/decision`, {
      decision: 'approved',
      note: '同意，按所报方案安排用户供气',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    const twice = await w.call('reg', 'POST', `/cessations/${id}/decision`, {
      decision: 'rejected',
      note: '改变主意',
    });
    expect(twice.statusCode).toBe(409);

    const told = await w.call('gas_admin', 'POST', `/cessations/${id}/notify`);
    expect(told.statusCode, told.body).toBe(200);
    expect(told.json().status).toBe('customers_notified');
    expect(told.json().steps.at(-1)).toMatchObject({ step: 'customers_notified', notices: 2 });
    const queued = await sms(w.world.gas.id, id);
    expect(queued.map((n) => n.recipient).sort()).toEqual(['13905330001', '13905330002']);
    expect(queued[0]!.body).toContain('2027-07-01');
    expect(queued[0]!.body).toContain('预存气费原额转入');
    const again = await w.call('gas_admin', 'POST', `/cessations/${id}/notify`);
    expect(again.json().code).toBe('CESSATION_STEP_DONE');
    expect(await sms(w.world.gas.id, id)).toHaveLength(2);
    const withdraw = await w.call('gas_admin', 'POST', `/cessations/${id}/withdraw`);
    expect(withdraw.json().code).toBe('CESSATION_ALREADY_NOTIFIED');
  });
});

describe('appliance company (G-9.3.2)', () => {
  it('G-9.3.2 open orders need a named successor; customers are told at least 30 days ahead; no approval is asked', async () => {
    w.at('2026-11-26 09:00');
    const order = await w.create('appl_agent', {
      itemCode: 'appliance_walk_in_repair',
      channel: 'counter',
      callerName: '郑淑珍',
      callerPhone: '13905330099',
      address: '张店区柳泉路 210 号',
      description: '燃气灶点不着火，送店维修',
    });
    expect(order.id).toBeTruthy();
    const body = {
      ceasesOn: '2027-01-31',
      reason: '门店租约到期，停止经营',
      arrangements: '送修器具可于停业前到店领取。',
    };
    const noOne = await w.call('appl_admin', 'POST', '/cessations', body);
    expect(noOne.statusCode).toBe(422);
    expect(noOne.json()).toMatchObject({
      code: 'CESSATION_SUCCESSOR_REQUIRED',
      details: { field: 'successor' },
    });
    const soon = await w.call('appl_admin', 'POST', '/cessations', {
      ...body,
      ceasesOn: '2026-12-20',
      successor: '张店燃气具维修部',
    });
    expect(soon.json().code).toBe('CESSATION_TOO_LATE');

    const ok = await w.call('appl_admin', 'POST', '/cessations', {
      ...body,
      successor: '张店燃气具维修部',
      successorPhone: '0533-2100000',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().id as string;
    expect(ok.json()).toMatchObject({
      clause: 'G-9.3.2',
      status: 'filed',
      applyBy: null,
      notifyBy: '2026-12-31',
      openOrders: 1,
    });
    expect(
      (await w.call('reg', 'POST', `/cessations/${id}/decision`, { decision: 'approved' })).json().code,
    ).toBe('CESSATION_NO_APPROVAL');
    // Each enterprise sees its own filings only.
    const own = (await w.call('appl_admin', 'GET', '/cessations')).json().items;
    expect(own.map((c: { enterpriseId: string }) => c.enterpriseId)).toEqual([appl]);
    expect((await w.call('gas_admin', 'POST', `/cessations/${id}/notify`)).statusCode).toBe(404);

    const told = await w.call('appl_admin', 'POST', `/cessations/${id}/notify`);
    expect(told.statusCode, told.body).toBe(200);
    const queued = await sms(appl, id);
    expect(queued.map((n) => n.recipient)).toEqual(['13905330099']);
    expect(queued[0]!.body).toContain('张店燃气具维修部');
    expect(queued[0]!.body).toContain('0533-2100000');
  });

  it('G-9.3.2 a filing not yet told to customers can be withdrawn and filed again; a heating company has no such filing', async () => {
    const e = await createEnterprise(w.t.database, 'appliance', '第二燃气具公司');
    await createUser(w.t.database, e.id, 'appl2_admin', 'enterprise_admin');
    const body = {
      ceasesOn: '2027-02-28',
      reason: '歇业装修',
      arrangements: '歇业期间报修请拨打厂家服务电话。',
    };
    const first = await w.call('appl2_admin', 'POST', '/cessations', body);
    expect(first.statusCode, first.body).toBe(201);
    const out = await w.call('appl2_admin', 'POST', `/cessations/${first.json().id}/withdraw`);
    expect(out.json().status).toBe('withdrawn');
    expect((await w.call('appl2_admin', 'POST', `/cessations/${first.json().id}/notify`)).json().code).toBe(
      'CESSATION_CLOSED',
    );
    const second = await w.call('appl2_admin', 'POST', '/cessations', body);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ notifyBy: '2027-01-28', noticeOverdue: false });
    expect((await w.call('heat_admin', 'POST', '/cessations', body)).json().code).toBe('CESSATION_NO_CLAUSE');
    expect((await w.call('gas_agent', 'GET', '/cessations')).statusCode).toBe(403);

    // Past the notice date with the customers not yet told, the filing shows as overdue to the company and the regulator.
    w.at('2027-01-29 10:00');
    const mine = (await w.call('appl2_admin', 'GET', '/cessations')).json().items[0];
    expect(mine).toMatchObject({ id: second.json().id, noticeOverdue: true });
    const regView = (await w.call('reg', 'GET', '/cessations')).json().items;
    expect(regView.find((c: { id: string }) => c.id === second.json().id).noticeOverdue).toBe(true);
    expect(regView.find((c: { id: string }) => c.id === first.json().id).noticeOverdue).toBe(false);
  });
});
