import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workOrderClocks, workOrders } from '../../../db/schema.ts';
import { customerTestWorld, ID, account, heatAccount } from './customers.fixtures.ts';

let w: Awaited<ReturnType<typeof customerTestWorld>>;
beforeAll(async () => {
  w = await customerTestWorld();
});
afterAll(() => w.t.close());

const call: typeof w.call = (...args) => w.call(...args);
const snapshot = () => w.snapshot();
const open = (who: string, body: object) => w.open(who, body);

describe('personal data', () => {
  it('G-5.7.6: an agent sees masked ID numbers and phones; reveal is audited', async () => {
    const c = await open('gas_agent', account({ phone2: '0533-2961000' }));
    for (const who of ['gas_agent', 'gas_admin', 'reg']) {
      const list = (await call(who, 'GET', `/customers?q=${c.account.accountNo}`)).json().items[0];
      const one = (await call(who, 'GET', `/customers/${c.account.id}`)).json().account;
      for (const shown of [list, one]) {
        expect(shown).toMatchObject({
          idCard: '370303********' + ID.slice(-4),
          phone: '138****1234',
          phone2: '053*****1000',
        });
      }
    }
    const res = await call('gas_agent', 'POST', `/customers/${c.account.id}/reveal`, {
      reason: '客户来电核实身份，办理过户',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idCard: ID, phone: '13805331234', phone2: '0533-2961000' });
    const { rows } = await w.t.database.executeSql(
      `select actor_name, after from audit_events where action = 'customer.reveal' and entity_id = $1`,
      [c.account.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_name: 'gas_agent',
      after: { reason: '客户来电核实身份，办理过户' },
    });
    expect(JSON.stringify(rows[0]!.after)).not.toContain(ID);
  });

  it('H-7.6.6.3: reveal is for the roles that need it, in their own enterprise, with a reason', async () => {
    const c = await open('gas_agent', account());
    for (const who of ['gas_dispatcher', 'gas_tech', 'gas_billing', 'gas_admin']) {
      expect(
        (await call(who, 'POST', `/customers/${c.account.id}/reveal`, { reason: '上门维修需联系客户' }))
          .statusCode,
        who,
      ).toBe(200);
    }
    const before = await snapshot();
    for (const who of ['reg', 'gas_inspector', 'resident']) {
      expect(
        (await call(who, 'POST', `/customers/${c.account.id}/reveal`, { reason: '查看' })).statusCode,
        who,
      ).toBe(403);
    }
    expect(
      (await call('heat_agent', 'POST', `/customers/${c.account.id}/reveal`, { reason: '查看一下' }))
        .statusCode,
    ).toBe(404);
    expect((await call('gas_agent', 'POST', `/customers/${c.account.id}/reveal`, {})).statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});

describe('scope and the 360 view', () => {
  it('scoping: a heating agent cannot see gas customers; the regulator sees both and may filter', async () => {
    const gas = await open('gas_agent', account({ name: '孙晓燕' }));
    const heat = await open('heat_agent', heatAccount({ name: '孙晓燕' }));
    expect((await call('heat_agent', 'GET', `/customers/${gas.account.id}`)).statusCode).toBe(404);
    const seen = (await call('heat_agent', 'GET', `/customers?q=${encodeURIComponent('孙晓燕')}`))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(seen).toContain(heat.account.id);
    expect(seen).not.toContain(gas.account.id);
    expect((await call('heat_agent', 'GET', `/customers?enterpriseId=${w.world.gas.id}`)).statusCode).toBe(
      403,
    );
    expect(
      (await call('heat_agent', 'PATCH', `/customers/${gas.account.id}`, { name: 'x', version: 1 }))
        .statusCode,
    ).toBe(404);
    const all = (await call('reg', 'GET', `/customers?q=${encodeURIComponent('孙晓燕')}`))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(all).toEqual(expect.arrayContaining([gas.account.id, heat.account.id]));
    const filtered = (
      await call('reg', 'GET', `/customers?q=${encodeURIComponent('孙晓燕')}&enterpriseId=${w.world.heat.id}`)
    ).json().items;
    expect(filtered.map((x: { id: string }) => x.id)).toEqual([heat.account.id]);
    expect((await call('resident', 'GET', '/customers')).statusCode).toBe(403);
    expect((await call('reg', 'POST', '/customers', account())).statusCode).toBe(403);
  });

  it('G-5.8.2: the 360 view shows the service history', async () => {
    const c = await open('gas_agent', account());
    const base = {
      enterpriseId: w.world.gas.id,
      channel: 'hotline',
      customerId: c.account.id,
      callerName: '王海涛',
      description: '演示',
    };
    const [closed, open1, open2] = await w.t.database.db
      .insert(workOrders)
      .values([
        {
          ...base,
          orderNo: 'GD-1',
          itemCode: 'gas.repair',
          state: 'closed',
          receivedAt: new Date('2026-01-05T02:00:00Z'),
        },
        {
          ...base,
          orderNo: 'GD-2',
          itemCode: 'gas.complaint',
          state: 'dispatched',
          isComplaint: true,
          receivedAt: new Date('2026-02-20T02:00:00Z'),
          nextDueAt: new Date('2026-02-27T09:00:00Z'),
        },
        {
          ...base,
          orderNo: 'GD-3',
          itemCode: 'gas.consultation',
          state: 'received',
          receivedAt: new Date('2026-03-01T02:00:00Z'),
          nextDueAt: new Date('2026-03-01T09:00:00Z'),
          breached: true,
        },
      ])
      .returning();
    await w.t.database.db.insert(workOrderClocks).values({
      orderId: open1!.id,
      name: 'complaint',
      enterpriseId: w.world.gas.id,
      clause: 'G-5.7.2',
      state: 'running',
      dueAt: new Date('2026-02-27T09:00:00Z'),
      evaluatedAt: new Date('2026-03-02T02:00:00Z'),
    });
    const res = await call('gas_agent', 'GET', `/customers/${c.account.id}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.serviceHistory.map((o: { orderNo: string }) => o.orderNo)).toEqual(['GD-3', 'GD-2', 'GD-1']);
    expect(view.serviceHistory[2]).toEqual({
      id: closed!.id,
      orderNo: 'GD-1',
      itemCode: 'gas.repair',
      state: 'closed',
      receivedAt: '2026-01-05T02:00:00.000Z',
      nextDueAt: null,
      breached: false,
      isComplaint: false,
    });
    expect(view.openOrders.map((o: { orderNo: string }) => o.orderNo)).toEqual(['GD-2', 'GD-3']);
    expect(view.openOrders[0]).toMatchObject({
      id: open1!.id,
      isComplaint: true,
      clocks: [{ name: 'complaint', clause: 'G-5.7.2', state: 'running', dueAt: '2026-02-27T09:00:00.000Z' }],
    });
    expect(view.openOrders[1]).toMatchObject({ id: open2!.id, breached: true, clocks: [] });
  });
});
