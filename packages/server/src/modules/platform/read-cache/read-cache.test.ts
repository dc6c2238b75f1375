import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  orderWorld,
  PNG_1PX,
  repair,
  type Detail,
  type OrderWorld,
} from '../../service/workorders/testing.ts';
import { changedSince, pruneChanges, snapshotNow } from './read-cache.repository.ts';
import { readCacheOf } from './read-cache.service.ts';

// Issue 21: the read cache answers a repeated read from memory only while nothing it was read from has changed.
// To tell an answer from memory from one computed anew, a test changes a row with its table's change triggers
// switched off (`hidden`): the cache cannot know of that change, so an old answer shows it was kept.

let w: OrderWorld;
beforeAll(async () => {
  w = await orderWorld();
});
afterAll(() => w.close());

const TRIGGERED = [
  'work_orders',
  'work_order_events',
  'work_order_clocks',
  'complaints',
  'attachments',
  'resident_order_entries',
  'repair_consents',
  'repair_facility_owners',
  'hazards',
  'temperature_measurements',
  'customers',
  'users',
  'staff',
];

/** A change the triggers do not note: only a kept answer can still show what was there before. */
async function hidden(table: string, statement: string) {
  await w.t.database.executeSql(
    `begin; alter table ${table} disable trigger user; ${statement}; alter table ${table} enable trigger user; commit`,
  );
}

const read = async (who: string, url: string) => {
  const res = await w.call(who, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
};
const describeOf = async (id: string) =>
  (await read('gas_dispatcher', `/work-orders/${id}`)).description as string;

describe('the read cache', () => {
  it('answers a repeated read from memory, and the next read after a change made anywhere shows the change', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    expect(await describeOf(o.id)).toBe(repair().description);
    await hidden('work_orders', `update work_orders set description = '隐藏的改动' where id = '${o.id}'`);
    // Kept: the change was not noted.
    expect(await describeOf(o.id)).toBe(repair().description);
    // A change straight in the database, not through this process, is noted by the triggers.
    await w.t.database.executeSql(`update work_orders set description = '看得见的改动' where id = $1`, [
      o.id,
    ]);
    expect(await describeOf(o.id)).toBe('看得见的改动');
  });

  it('a kept answer is the bytes first sent, for the list, the board, the detail and the customer search', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    for (const url of [
      '/work-orders?limit=50',
      '/work-orders/board',
      `/work-orders/${o.id}`,
      '/customers?q=李',
    ]) {
      const first = await w.call('gas_dispatcher', 'GET', url);
      const again = await w.call('gas_dispatcher', 'GET', url);
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  });

  it('an event, an attachment or a renamed customer or assignee shows on the next read of each view', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair({ customerId: w.customers.gas }));
    const boardRow = async () =>
      ((await read('gas_dispatcher', '/work-orders/board')).items as Detail[]).find((r) => r.id === o.id);
    expect((await boardRow())?.assigneeName ?? null).toBeNull();
    await w.act('gas_dispatcher', o.id, { type: 'dispatched', assignee: w.ids.gas_tech });
    expect((await boardRow())?.assigneeId).toBe(w.ids.gas_tech);
    await w.t.database.executeSql(`update users set display_name = '新名字' where id = $1`, [w.ids.gas_tech]);
    expect((await boardRow())?.assigneeName).toBe('新名字');

    const search = async () => (await read('gas_dispatcher', '/customers?q=RQ0001')).items as Detail[];
    expect((await search())[0]?.name).toBe('李秀英');
    await w.t.database.executeSql(`update customers set name = '李秀英（改）' where id = $1`, [
      w.customers.gas,
    ]);
    expect((await search())[0]?.name).toBe('李秀英（改）');
    await w.t.database.executeSql(`update customers set name = '李秀英' where id = $1`, [w.customers.gas]);

    const before = await read('gas_dispatcher', `/work-orders/${o.id}`);
    const res = await w.call('gas_tech', 'POST', `/work-orders/${o.id}/attachments`, {
      kind: 'photo',
      dataUrl: PNG_1PX,
    });
    expect(res.statusCode, res.body).toBe(201);
    const after = await read('gas_dispatcher', `/work-orders/${o.id}`);
    expect(after.attachments.length).toBe(before.attachments.length + 1);
  });

  it('another enterprise’s change leaves the answer kept; a change of everyone’s (the calendar) does not', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    await describeOf(o.id);
    await hidden('work_orders', `update work_orders set description = '隐藏的改动' where id = '${o.id}'`);
    await w.t.database.executeSql(`update customers set name = name where id = $1`, [w.customers.heat]);
    expect(await describeOf(o.id)).toBe(repair().description);
    await w.t.database.executeSql(`update calendar_years set year = year where false`);
    expect(await describeOf(o.id)).toBe('隐藏的改动');
  });

  it('an answer is kept no longer than its time to live, by the application’s clock', async () => {
    const at = w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    await describeOf(o.id);
    await hidden('work_orders', `update work_orders set description = '隐藏的改动' where id = '${o.id}'`);
    w.t.setNow(new Date(at.getTime() + w.t.ctx.config.readCacheSeconds * 1000 - 1));
    expect(await describeOf(o.id)).toBe(repair().description);
    w.t.setNow(new Date(at.getTime() + w.t.ctx.config.readCacheSeconds * 1000));
    expect(await describeOf(o.id)).toBe('隐藏的改动');
  });

  it('each person has his own answers: a technician never gets the dispatcher’s list; the regulator reads anew', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    const all = (await read('gas_dispatcher', '/work-orders?limit=100')).items as Detail[];
    expect(all.some((r) => r.id === o.id)).toBe(true);
    const his = (await read('gas_tech2', '/work-orders?limit=100')).items as Detail[];
    expect(his.some((r) => r.id === o.id)).toBe(false);

    await read('reg', `/work-orders/${o.id}`);
    await hidden('work_orders', `update work_orders set description = '监管看到的' where id = '${o.id}'`);
    expect((await read('reg', `/work-orders/${o.id}`)).description).toBe('监管看到的');
  });

  it('a burst of the same read computes the view once; the others wait for it and are answered its bytes', async () => {
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    const cache = readCacheOf(w.t.ctx);
    const begin = vi.spyOn(cache, 'begin');
    try {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => w.call('gas_dispatcher', 'GET', `/work-orders/${o.id}`)),
      );
      expect(begin).toHaveBeenCalledTimes(1);
      for (const a of answers) expect(a.body).toBe(answers[0]!.body);
    } finally {
      begin.mockRestore();
    }
  });

  it('a refused read is not kept, and a read waiting for it computes its own', async () => {
    const missing = '/work-orders/00000000-0000-4000-8000-000000000000';
    const answers = await Promise.all([1, 2, 3].map(() => w.call('gas_dispatcher', 'GET', missing)));
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404]);
  });

  it('a refused read is not kept', async () => {
    const size = readCacheOf(w.t.ctx).size;
    const res = await w.call('gas_dispatcher', 'GET', '/work-orders/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(readCacheOf(w.t.ctx).size).toBe(size);
  });

  it('every table the cached views read notes its inserts, updates, deletes and truncates', async () => {
    const { rows } = await w.t.database.executeSql(
      `select c.relname as t, array_agg(g.tgname::text order by g.tgname) as names
       from pg_trigger g join pg_class c on c.oid = g.tgrelid
       where g.tgname like '%\\_note\\_%' and c.relname = any($1) group by c.relname`,
      [TRIGGERED],
    );
    const byTable = new Map(rows.map((r) => [r.t as string, r.names as string[]]));
    for (const t of TRIGGERED) {
      expect(byTable.get(t), t).toEqual(
        ['deletes', 'inserts', 'truncates', 'updates'].map((k) => `${t}_note_${k}`),
      );
    }
  });

  it('a change is noted for the enterprise it touched, and the old notes are pruned', async () => {
    const db = w.t.database.db;
    const snapshot = await snapshotNow(db);
    expect(await changedSince(db, w.world.gas.id, snapshot)).toBe(false);
    await w.t.database.executeSql(`update customers set name = name where id = $1`, [w.customers.heat]);
    expect(await changedSince(db, w.world.gas.id, snapshot)).toBe(false);
    expect(await changedSince(db, w.world.heat.id, snapshot)).toBe(true);
    await w.t.database.executeSql(`update data_changes set noted_at = now() - interval '1 hour'`);
    await pruneChanges(db, 120);
    expect(await w.count('select count(*)::int as n from data_changes')).toBe(0);
  });

  it('a transaction notes each enterprise once, and a savepoint rolled back takes its note back with its change', async () => {
    const db = w.t.database.db;
    const heat = w.customers.heat;
    const snapshot = await snapshotNow(db);
    await w.t.database.executeSql(`begin;
      savepoint a;
      update customers set name = name where id = '${heat}';
      rollback to savepoint a;
      update customers set name = name where id = '${heat}';
      update customers set name = name where id = '${heat}';
      commit`);
    expect(await changedSince(db, w.world.heat.id, snapshot)).toBe(true);
    const notes = await w.count(
      `select count(*)::int as n from data_changes where enterprise_id = '${w.world.heat.id}' and not pg_visible_in_snapshot(xid, '${snapshot}'::pg_snapshot)`,
    );
    expect(notes).toBe(1);
  });

  it('a long transaction elsewhere does not make changes committed before the read count again', async () => {
    if (w.t.database.engine === 'pglite') return; // one connection: no transaction runs beside a read
    let end!: () => void;
    const held = new Promise<void>((r) => (end = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const tx = w.t.database.db.transaction(async (t) => {
      await t.execute(sql`select pg_current_xact_id()`);
      started();
      await held;
    });
    await running;
    try {
      w.at('2026-03-02 09:00');
      const o = await w.create('gas_agent', repair());
      await describeOf(o.id);
      await hidden('work_orders', `update work_orders set description = '隐藏的改动' where id = '${o.id}'`);
      expect(await describeOf(o.id)).toBe(repair().description);
    } finally {
      end();
      await tx;
    }
  });

  it('a transaction still open while a view is read is seen once it commits', async () => {
    if (w.t.database.engine === 'pglite') return; // one connection: no transaction runs beside a read
    w.at('2026-03-02 09:00');
    const o = await w.create('gas_agent', repair());
    let commit!: () => void;
    const held = new Promise<void>((r) => (commit = r));
    let wrote!: () => void;
    const written = new Promise<void>((r) => (wrote = r));
    const tx = w.t.database.db.transaction(async (t) => {
      await t.execute(sql`update work_orders set description = '后提交的' where id = ${o.id}`);
      wrote();
      await held;
    });
    await written;
    expect(await describeOf(o.id)).toBe(repair().description);
    expect(await describeOf(o.id)).toBe(repair().description);
    commit();
    await tx;
    expect(await describeOf(o.id)).toBe('后提交的');
  });
});
