import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentCustomers, staff } from '../../../db/schema.ts';
import { linkUserToStaff } from '../../../testing/harness.ts';
import { PNG_1PX, orderWorld, repair, type Detail, type OrderWorld } from './testing.ts';

let w: OrderWorld;
let gasOrder: Detail;
let heatOrder: Detail;
beforeAll(async () => {
  w = await orderWorld();
  w.at('2026-03-02 09:00');
  gasOrder = await w.create('gas_agent', repair());
  heatOrder = await w.create('heat_agent', {
    itemCode: 'heating_repair',
    channel: 'phone',
    callerName: '赵淑芬',
    description: '暖气不热',
  });
});
afterAll(() => w.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

describe('scoping: every query filtered by the caller’s enterprise', () => {
  it('another enterprise’s order does not exist for the caller; the regulator reads all', async () => {
    expect((await w.call('heat_agent', 'GET', `/work-orders/${gasOrder.id}`)).statusCode).toBe(404);
    const act = await w.call('heat_admin', 'POST', `/work-orders/${gasOrder.id}/events`, {
      version: 1,
      event: { type: 'cancelled', reason: 'x' },
    });
    expect(act.statusCode).toBe(404);
    const file = await w.call('gas_agent', 'POST', `/work-orders/${gasOrder.id}/attachments`, {
      kind: 'photo',
      dataUrl: PNG_1PX,
    });
    expect((await w.call('heat_agent', 'GET', `/attachments/${file.json().id}`)).statusCode).toBe(404);
    expect(
      (
        await w.call('heat_agent', 'POST', `/work-orders/${gasOrder.id}/attachments`, {
          kind: 'photo',
          dataUrl: PNG_1PX,
        })
      ).statusCode,
    ).toBe(404);

    const gasList = ids(await w.call('gas_agent', 'GET', '/work-orders'));
    expect(gasList).toContain(gasOrder.id);
    expect(gasList).not.toContain(heatOrder.id);
    const all = ids(await w.call('reg', 'GET', '/work-orders'));
    expect(all).toEqual(expect.arrayContaining([gasOrder.id, heatOrder.id]));
    const one = ids(await w.call('reg', 'GET', `/work-orders?enterpriseId=${w.world.heat.id}`));
    expect(one).toEqual([heatOrder.id]);
    expect(
      (await w.call('gas_agent', 'GET', `/work-orders?enterpriseId=${w.world.heat.id}`)).statusCode,
    ).toBe(403);
    const reg = await w.get('reg', gasOrder.id);
    expect(reg.allowedEvents).toEqual(expect.arrayContaining(['supervised', 'responsibility_decided']));
    expect(reg.script).toBeNull();
  });

  it('a technician sees the orders assigned to him; a resident only his own', async () => {
    const mine = await w.create('gas_agent', repair());
    await w.act('gas_dispatcher', mine.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    expect(ids(await w.call('gas_tech', 'GET', '/work-orders'))).toEqual([mine.id]);
    expect(ids(await w.call('gas_tech', 'GET', '/work-orders?assignee=me&state=open'))).toEqual([mine.id]);
    expect((await w.call('gas_tech', 'GET', `/work-orders/${gasOrder.id}`)).statusCode).toBe(404);
    expect((await w.get('gas_tech', mine.id)).allowedEvents).toEqual(
      expect.arrayContaining(['accepted', 'returned']),
    );

    // A resident files for himself; an account linked to his login makes its orders his.
    const own = await w.create('gas_resident', {
      itemCode: 'consultation',
      channel: 'wechat',
      callerName: '张先生',
      description: '想问一下阶梯气价怎么算',
    });
    expect(own).toMatchObject({ customerId: null, ownerId: null, script: null });
    expect(ids(await w.call('gas_resident', 'GET', '/work-orders'))).toEqual([own.id]);
    expect((await w.call('gas_resident', 'GET', `/work-orders/${gasOrder.id}`)).statusCode).toBe(404);
    const foreign = await w.call('gas_resident', 'POST', '/work-orders', {
      ...repair({ channel: 'app' }),
      customerId: w.customers.gas,
    });
    expect(foreign.statusCode, foreign.body).toBe(403);
    await w.t.database.db.insert(residentCustomers).values({
      userId: w.ids.gas_resident!,
      customerId: w.customers.gas,
      enterpriseId: w.world.gas.id,
    });
    const linked = await w.create('gas_resident', repair({ channel: 'app', callerPhone: undefined }));
    expect(linked.customerId).toBe(w.customers.gas);
    expect(ids(await w.call('gas_resident', 'GET', '/work-orders?sort=received'))).toEqual(
      expect.arrayContaining([own.id, linked.id, gasOrder.id, mine.id]),
    );
    // G-5.8.1: the resident cancels his own request himself.
    const cancelled = await w.act('gas_resident', own.id, { type: 'cancelled', reason: '已自行查到' });
    expect(cancelled.state).toBe('cancelled');
    expect((await w.call('gas_resident', 'GET', '/work-orders/board')).statusCode).toBe(403);
  });

  it('the list filters and pages with a cursor; the board puts the soonest due first and orders without one last', async () => {
    w.at('2026-03-03 09:00');
    for (let i = 0; i < 5; i++) {
      await w.create('heat_agent', {
        itemCode: i % 2 ? 'consultation' : 'heating_leak',
        channel: 'phone',
        callerName: `用户${i}`,
        description: `第 ${i} 单`,
      });
      w.at(`2026-03-03 09:0${i + 1}`);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await w.call(
        'heat_admin',
        'GET',
        `/work-orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...ids(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);

    const byDue: string[] = [];
    cursor = null;
    do {
      const res = await w.call(
        'heat_admin',
        'GET',
        `/work-orders?sort=due&limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      byDue.push(...ids(res));
      cursor = res.json().nextCursor;
    } while (cursor);
    const board = (await w.call('heat_dispatcher', 'GET', '/work-orders/board')).json().items as Detail[];
    expect(board.map((o) => o.id)).toEqual(byDue);
    const dues = board.map((o) => o.nextDueAt);
    const set = dues.filter(Boolean);
    expect(set).toEqual([...set].sort());
    expect(dues.slice(set.length).every((d) => d === null)).toBe(true);
    expect(board[0]!.nextDueAt).not.toBeNull();

    const q = await w.call('heat_admin', 'GET', `/work-orders?q=${encodeURIComponent('第 3 单')}`);
    expect(q.json().items).toHaveLength(1);
    const bad = await w.call('heat_admin', 'GET', '/work-orders?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('assignees, the reception script (G-5.5.4) and the public catalogue (G-4.2.3)', async () => {
    const a = (await w.call('gas_dispatcher', 'GET', '/work-orders/assignees')).json().items;
    expect(a.map((x: { role: string }) => x.role).sort()).toEqual(['inspector', 'technician', 'technician']);
    const h = (await w.call('gas_dispatcher', 'GET', '/work-orders/assignees?purpose=handover')).json().items;
    expect(h.length).toBeGreaterThan(a.length);
    const script = (await w.call('gas_agent', 'GET', '/work-orders/script?channel=phone')).json();
    expect(script.zh[1]).toBe('这里是测试燃气公司，gas_agent号为您服务。');
    // A login linked to its staff record states its badge number (G-5.5.4(b)).
    const [record] = await w.t.database.db
      .insert(staff)
      .values({
        enterpriseId: w.world.gas.id,
        name: 'gas_dispatcher',
        badgeNo: 'RQ007',
        employeeNo: 'RQ2019007',
        post: '调度员',
      })
      .returning();
    await linkUserToStaff(w.t.database, 'gas_dispatcher', record!.id);
    const badge = (await w.call('gas_dispatcher', 'GET', '/work-orders/script?channel=counter')).json();
    expect(badge.zh[1]).toBe('我是测试燃气公司的服务人员gas_dispatcher，工号RQ007，这是我的工作证。');

    const open = await w.t.app.inject({ url: '/api/catalogue' });
    expect(open.statusCode).toBe(200);
    const codes = open.json().items.map((i: { code: string }) => i.code);
    expect(codes).toEqual(expect.arrayContaining(['gas_complaint', 'heating_quality_complaint', 'referral']));
    const heating = (await w.t.app.inject({ url: '/api/catalogue?sector=heating' })).json().items;
    expect(heating.every((i: { sector: string }) => i.sector !== 'gas')).toBe(true);
    const complaint = heating.find((i: { code: string }) => i.code === 'heating_quality_complaint');
    expect(complaint.clocks[0]).toMatchObject({
      clause: 'H-7.4.3',
      limit: '0.5h',
      limitText: { zh: '0.5小时' },
    });
    const lpg = (await w.t.app.inject({ url: '/api/catalogue?enterpriseKind=bottled_gas' })).json().items;
    expect(lpg.map((i: { code: string }) => i.code)).not.toContain('gas_connection');
  });
});
