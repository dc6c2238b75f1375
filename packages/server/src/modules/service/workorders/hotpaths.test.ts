import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderWorld, repair, type Detail, type OrderWorld } from './testing.ts';

// Issue 21: list rows without clock explanations (the order's detail still explains every clock), and the
// dispatcher's board sending only its columns and, after the first poll, only what changed.

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

type Board = { full: boolean; items: Detail[]; removed: string[]; cursor: string };
const board = async (since?: string): Promise<Board> => {
  const res = await w.call('gas_dispatcher', 'GET', `/work-orders/board${since ? `?since=${since}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Board;
};

describe('the order list and the order detail', () => {
  it('G-6.2.13 a list row carries its clocks’ state and due without the explanation; the detail explains every clock', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    const list = await w.call('gas_agent', 'GET', '/work-orders?limit=50');
    const row = (list.json().items as Detail[]).find((r) => r.id === o.id)!;
    expect(row.clocks.length).toBeGreaterThan(0);
    for (const c of row.clocks) {
      expect(c).not.toHaveProperty('explanation');
      expect(c.dueAt).not.toBeNull();
    }
    const detail = await w.get('gas_agent', o.id);
    expect(detail.clocks.map((c: Detail) => c.name)).toEqual(row.clocks.map((c: Detail) => c.name));
    for (const c of detail.clocks) expect(c.explanation.zh.length).toBeGreaterThan(10);
  });
});

describe('the dispatcher’s board', () => {
  it('H-7.3.4 the first poll sends the whole board with only the columns the screen shows', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    const first = await board();
    expect(first.full).toBe(true);
    const row = first.items.find((r) => r.id === o.id)!;
    expect(Object.keys(row).sort()).toEqual(
      [
        'address',
        'agreedAt',
        'assigneeId',
        'assigneeName',
        'breached',
        'callerName',
        'customerName',
        'id',
        'isComplaint',
        'itemCode',
        'itemName',
        'nextDueAt',
        'orderNo',
        'receivedAt',
        'state',
        'version',
      ].sort(),
    );
  });

  it('H-7.3.4 a dispatch appears in the next poll and nothing unchanged is sent again; a closed order is removed', async () => {
    w.at('2026-03-02 10:00');
    const a = await w.create('gas_agent', repair({ description: '甲：灶具漏气' }));
    const b = await w.create('gas_agent', repair({ description: '乙：热水器打不着' }));
    const first = await board();
    expect(first.items.map((r) => r.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    const quiet = await board(first.cursor);
    expect(quiet).toMatchObject({ full: false, items: [], removed: [] });

    await w.act('gas_dispatcher', a.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    const next = await board(quiet.cursor);
    expect(next.full).toBe(false);
    expect(next.items.map((r) => r.id)).toEqual([a.id]);
    expect(next.items[0]).toMatchObject({ state: 'dispatched', assigneeName: expect.any(String) });
    expect(next.removed).toEqual([]);

    const c = await w.create('gas_agent', repair({ description: '丙：新报修' }));
    const added = await board(next.cursor);
    expect(added.items.map((r) => r.id)).toEqual([c.id]);

    await w.act('gas_agent', b.id, { type: 'cancelled', reason: '用户自行处理' });
    const closed = await board(added.cursor);
    expect(closed.items).toEqual([]);
    expect(closed.removed).toEqual([b.id]);
    expect((await board(closed.cursor)).items).toEqual([]);
  });

  it('another enterprise’s changes never reach the board', async () => {
    w.at('2026-03-02 11:00');
    const first = await board();
    await w.create('heat_agent', {
      itemCode: 'heating_leak',
      channel: 'phone',
      callerName: '赵淑芬',
      callerPhone: '13905330003',
      description: '暖气片不热',
    });
    expect(await board(first.cursor)).toMatchObject({ items: [], removed: [] });
  });

  it('a cursor that is not one is refused with 400', async () => {
    for (const since of ['abc', '9:3:', '3:9:10', '3:9:5,4']) {
      const res = await w.call('gas_dispatcher', 'GET', `/work-orders/board?since=${since}`);
      expect(res.statusCode, since).toBe(400);
    }
  });
});

// Issue 21: an intake writes its rows in one statement and answers from them without reading them back; the
// answer must be the detail any later read gives, for every kind of intake.
describe('the answer to an intake', () => {
  const intakes: [string, string, Record<string, unknown>][] = [
    ['a repair by an agent', 'gas_agent', repair()],
    [
      'a complaint (its row and repeat notice)',
      'gas_agent',
      {
        itemCode: 'gas_complaint',
        channel: 'phone',
        callerName: '王建国',
        callerPhone: '13905330002',
        description: '维修人员未按约定时间上门',
        complaintCategory: 'missed_time_limit',
      },
    ],
    [
      'a referral (closed at once, no clocks)',
      'gas_agent',
      {
        itemCode: 'referral',
        channel: 'phone',
        callerName: '刘女士',
        description: '小区楼道灯不亮',
        referral: { to: '物业公司', contact: '0533-2881234' },
      },
    ],
    ['a resident’s own request', 'gas_resident', repair({ channel: 'app' })],
  ];
  for (const [what, who, body] of intakes) {
    it(`${what}: the answer is the detail read afterwards, numbered and audited`, async () => {
      w.at('2026-03-03 10:00');
      const res = await w.call(who, 'POST', '/work-orders', body);
      expect(res.statusCode, res.body).toBe(201);
      const answer = res.json() as Detail;
      expect(answer.orderNo).toMatch(/^G20260303-\d{4}$/);
      expect(answer).toEqual(await w.get(who, answer.id));
      const audit = await w.count(
        `select count(*)::int as n from audit_events where entity_id = '${answer.id}'
           and action = 'work_order.create' and after->>'orderNo' = '${answer.orderNo}'`,
      );
      expect(audit).toBe(1);
    });
  }
});
