import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, seedTestWorld, type TestApp } from '../../../testing/harness.ts';
import { addSchedules, completeEnterprise } from './billing.fixtures.ts';
import { BillingRunService } from './billing-runs.service.ts';

// Issue 12: during a billing run on PGlite the API froze (a GET took 33 s, /api/health stopped answering): the run's
// batches held the one connection, and its statements, chained as microtasks, never let the event loop read a
// socket. A request's query and a timer must both get their turn while the run is still going.
// (bench/pglite-responsiveness measures the latencies at 100,000 accounts.)
const ACCOUNTS = 2_000;
let t: TestApp;
let gasId: string;

beforeAll(async () => {
  t = await buildTestApp();
  gasId = (await seedTestWorld(t.database)).gas.id;
  await completeEnterprise(t.database, gasId);
  await addSchedules(t.database, gasId);
  t.setNow(new Date('2026-12-01T02:00:00Z'));
  const run = (q: string) => t.database.executeSql(q, [gasId]);
  await t.database.executeSql(
    `insert into customers (enterprise_id, account_no, kind, name)
     select $1, 'RS' || lpad(i::text, 6, '0'), 'pipeline_urban_resident', '用户' || i from generate_series(1, $2::int) i`,
    [gasId, ACCOUNTS],
  );
  await run(`insert into premises (enterprise_id, customer_id, district, address)
     select $1, id, '张店区', '华光路 ' || account_no || ' 号' from customers where enterprise_id = $1`);
  await run(`insert into contracts (enterprise_id, customer_id, contract_no, sector, signed_on, valid_from,
       settlement_cycle, terms)
     select $1, id, 'HT' || account_no, 'gas', '2024-01-01', '2024-01-01', 'monthly',
       '{"settlementCycle":"monthly","settlementMethod":"postpaid_reading"}' from customers where enterprise_id = $1`);
  await run(`insert into meters (enterprise_id, customer_id, sector, serial_no, installed_on)
     select $1, id, 'gas', 'M' || account_no, '2024-01-01' from customers where enterprise_id = $1`);
  await run(`insert into meter_readings (enterprise_id, customer_id, meter_id, read_on, kind, register, usage)
     select $1, customer_id, id, d.read_on, 'actual', case when d.read_on = '2026-11-30' then 9000 else 1000 end, 0
     from meters, (values ('2026-10-31'::date), ('2026-11-30'::date)) d(read_on) where enterprise_id = $1`);
}, 120_000);
afterAll(async () => t?.close());

describe('a billing run leaves room for requests', () => {
  it('a query and a timer asked for during the run are served before the run ends', async () => {
    const service = new BillingRunService(t.ctx);
    const created = await service.create(gasId, '2026-11', null);
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let finished = false;
    const run = service
      .execute(created.id, { onProgress: (r) => r.status === 'running' && started() })
      .finally(() => (finished = true));
    await running;
    // A request's query (outside the run) and a timer (the event loop reading sockets) while the run goes on.
    const timer = new Promise<boolean>((r) => setTimeout(() => r(finished), 5));
    const query = t.database.db.execute(sql`select count(*) from users`).then(() => finished);
    expect(await query).toBe(false);
    expect(await timer).toBe(false);
    const done = await run;
    expect(done).toMatchObject({ status: 'done', processed: ACCOUNTS, billed: ACCOUNTS });
  }, 120_000);
});
