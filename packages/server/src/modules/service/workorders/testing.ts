import { parseShanghaiDateTime } from '@ranre/domain';
import { expect } from 'vitest';
import { customers } from '../../../db/schema.ts';
import { buildTestApp, createUser, seedTestWorld, type TestApp } from '../../../testing/harness.ts';

// Shared set-up of the work-order tests: the test world plus the people of the loop, a few customer accounts,
// and helpers that call the API as one of them.

export type Method = 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH';
type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

export interface OrderWorld {
  t: TestApp;
  world: Awaited<ReturnType<typeof seedTestWorld>>;
  ids: Record<string, string>;
  customers: { gas: string; gas2: string; heat: string };
  call(who: string, method: Method, url: string, payload?: object): Promise<Response>;
  /** POST /work-orders, expecting 201. */
  create(who: string, body: Record<string, unknown>): Promise<Detail>;
  /** POST /work-orders/:id/events with the order's current version, expecting 200. */
  act(who: string, id: string, event: Record<string, unknown>): Promise<Detail>;
  /** The same, returning the raw response. */
  tryAct(who: string, id: string, event: Record<string, unknown>): Promise<Response>;
  get(who: string, id: string): Promise<Detail>;
  at(shanghai: string): Date;
  count(sql: string): Promise<number>;
  close(): Promise<void>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Detail = Record<string, any>;

const PEOPLE = [
  ['gas', 'gas_dispatcher', 'dispatcher'],
  ['gas', 'gas_tech', 'technician'],
  ['gas', 'gas_tech2', 'technician'],
  ['gas', 'gas_inspector', 'inspector'],
  ['gas', 'gas_resident', 'resident'],
  ['gas', 'gas_agent2', 'agent'],
  ['heat', 'heat_dispatcher', 'dispatcher'],
  ['heat', 'heat_tech', 'technician'],
] as const;

export const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function orderWorld(): Promise<OrderWorld> {
  const t = await buildTestApp({ SESSION_TTL_HOURS: '720' });
  const world = await seedTestWorld(t.database);
  const ids: Record<string, string> = {};
  const { rows } = await t.database.executeSql('select id, username from users');
  for (const r of rows) ids[String(r.username)] = String(r.id);
  for (const [e, username, role] of PEOPLE) {
    ids[username] = (await createUser(t.database, world[e].id, username, role)).id;
  }
  const made = await t.database.db
    .insert(customers)
    .values([
      {
        enterpriseId: world.gas.id,
        accountNo: 'RQ0001',
        kind: 'pipeline_urban_resident',
        name: '李秀英',
        phone: '13905330001',
      },
      {
        enterpriseId: world.gas.id,
        accountNo: 'RQ0002',
        kind: 'pipeline_urban_resident',
        name: '王建国',
        phone: '13905330002',
      },
      {
        enterpriseId: world.heat.id,
        accountNo: 'RL0001',
        kind: 'heating_resident',
        name: '赵淑芬',
        phone: '13905330003',
      },
    ])
    .returning({ id: customers.id });
  const cookies: Record<string, string> = {};
  const cookie = async (who: string) => (cookies[who] ??= await t.login(who));
  // The tests move the clock by months: a session that has expired meanwhile is simply opened again.
  const call: OrderWorld['call'] = async (who, method, url, payload) => {
    const send = async () =>
      t.app.inject({ method, url: `/api${url}`, headers: { cookie: await cookie(who) }, payload });
    const res = await send();
    if (res.statusCode !== 401) return res;
    delete cookies[who];
    return send();
  };
  const get = async (who: string, id: string) => {
    const res = await call(who, 'GET', `/work-orders/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Detail;
  };
  const tryAct: OrderWorld['tryAct'] = async (who, id, event) => {
    const version = (await get(who, id)).version as number;
    return call(who, 'POST', `/work-orders/${id}/events`, { version, event });
  };
  return {
    t,
    world,
    ids,
    customers: { gas: made[0]!.id, gas2: made[1]!.id, heat: made[2]!.id },
    call,
    get,
    tryAct,
    create: async (who, body) => {
      const res = await call(who, 'POST', '/work-orders', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as Detail;
    },
    act: async (who, id, event) => {
      const res = await tryAct(who, id, event);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Detail;
    },
    at: (shanghai) => {
      const d = parseShanghaiDateTime(shanghai);
      t.setNow(d);
      return d;
    },
    count: async (sql) => Number((await t.database.executeSql(sql)).rows[0]!.n),
    close: () => t.close(),
  };
}

/** The counts a failed request must leave as they were. */
export async function snapshot(w: OrderWorld) {
  const tables = [
    'work_orders',
    'work_order_events',
    'work_order_clocks',
    'complaints',
    'attachments',
    'audit_events',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) out[table] = await w.count(`select count(*)::int as n from ${table}`);
  out.versions = await w.count('select coalesce(sum(version), 0)::int as n from work_orders');
  return out;
}

export const repair = (over: Record<string, unknown> = {}) => ({
  itemCode: 'gas_repair',
  channel: 'phone',
  callerName: '李秀英',
  callerPhone: '13905330001',
  description: '燃气灶打不着火，表后阀门漏气味',
  ...over,
});

/** Dispatch → accept → on site: the order as a technician has it in hand. */
export async function toOnSite(w: OrderWorld, id: string, tech = 'gas_tech') {
  await w.act('gas_dispatcher', id, { type: 'dispatched', assignee: w.ids[tech] });
  await w.act(tech, id, { type: 'accepted' });
  return w.act(tech, id, { type: 'arrived_on_site' });
}
