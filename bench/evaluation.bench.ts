// Issue 14's performance target for the evaluation on a PostgreSQL server: with 5,000,000 work orders and their
// clocks, every indicator of one enterprise for a heating season in ≤ 1 s, the whole cockpit page's data (every
// enterprise's figures plus the six-season trend) in ≤ 2 s, and the first page of a drill-down in ≤ 300 ms — each
// beside a plain aggregate query over the same rows in the same run (the floor any implementation pays).
//
// The data is made on the server by INSERT … SELECT generate_series in a database of its own (`<db>_eval_bench`,
// dropped and created, dropped again at the end), never the one named:
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/evaluation.bench.ts
//   BENCH_ORDERS=500000 …   (a smaller run); BENCH_KEEP=1 keeps the database afterwards for EXPLAIN ANALYZE;
//   BENCH_REUSE=1 measures a kept database again without making the data anew
//
// The clock indicators read the per-day counts of migration 0054, which the triggers keep as the rows are made
// (the bulk inserts below pay for them, as any writer does); the fold job's first pass is timed separately.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Actor } from '../packages/server/src/core/actor.ts';
import type { AppContext } from '../packages/server/src/core/context.ts';
import { migrateDatabase, openDatabase, type Database } from '../packages/server/src/db/client.ts';
import { EvaluationService } from '../packages/server/src/modules/oversight/evaluation/evaluation.service.ts';
import { runClockFold } from '../packages/server/src/modules/oversight/evaluation/clock-fold.job.ts';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 5_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SEASON = '2025-2026';

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** The median of `RUNS` timed runs after one warm-up. */
async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) ms.push((await time(fn)).ms);
  ms.sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)]!;
}

async function main() {
  const u = new URL(SERVER_URL);
  const name = `${u.pathname.slice(1) || 'postgres'}_eval_bench`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  }
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  try {
    await migrateDatabase(database);
    if (!reuse) await generate(database);
    await run(database);
  } finally {
    await database.close();
    // BENCH_KEEP=1 leaves the database for EXPLAIN ANALYZE of the queries afterwards.
    if (!process.env.BENCH_KEEP) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function generate(database: Database) {
  const db = database.db;
  const exec = (q: ReturnType<typeof sql>) => db.execute(q);
  // Ten enterprises, five pipeline gas and five heating, and the regulator; the heating ones with the season's dates.
  await exec(sql`
    insert into enterprises (name, kind, credit_code, hotline, supervision_phone, district)
    select '基准企业' || g, case when g <= 5 then 'pipeline_gas' else 'heating' end, 'BENCH' || g, '12345', '12345',
      (array['张店区', '淄川区', '临淄区', '周村区', '博山区'])[1 + g % 5]
    from generate_series(1, 10) g`);
  await exec(sql`insert into enterprises (name, kind, credit_code, hotline, supervision_phone)
    values ('监管', 'regulator', 'BENCHREG', '12345', '12345')`);
  await exec(sql`
    insert into heating_seasons (enterprise_id, area, period, starts_on, ends_on, legal_heating_days, payment_due_on)
    select e.id, '全市', y || '-' || (y + 1), make_date(y, 11, 15), make_date(y + 1, 3, 15), 120, make_date(y, 11, 15)
    from enterprises e cross join generate_series(2020, 2026) y where e.kind = 'heating'`);

  console.log(`generating ${ORDERS.toLocaleString()} work orders with their clocks …`);
  const made = await time(async () => {
    // Orders over two years up to 2026-11-15, each enterprise one tenth, four service items of its kind.
    await exec(sql`
      insert into work_orders (enterprise_id, order_no, item_code, channel, caller_name, description, state,
        is_complaint, received_at, created_at, updated_at)
      select e.id, 'B' || g, (case when e.kind = 'heating'
          then array['heating_leak', 'heating_repair', 'heating_quality_complaint', 'heating_service_complaint']
          else array['gas_repair', 'gas_complaint', 'gas_indoor_leak', 'valve_pit_cover'] end)[1 + (g / 10) % 4],
        'phone', '基准', '基准', 'closed', (g / 10) % 4 >= 2,
        timestamptz '2024-11-15 00:00+08' + (g::double precision / ${ORDERS}) * interval '730 days',
        now(), now()
      from generate_series(1, ${ORDERS}) g
      join (select id, kind, row_number() over (order by name) - 1 as n from enterprises where kind <> 'regulator') e
        on e.n = g % 10`);
    // Each order's clock(s) as its item names them; 90 % met, 8 % breached, 2 % still running.
    await exec(sql`
      insert into work_order_clocks (order_id, name, enterprise_id, clause, state, started_at, due_at, stopped_at,
        evaluated_at)
      select o.id, c.name, o.enterprise_id, 'bench',
        case when h < 90 then 'met' when h < 98 then 'breached' else 'running' end,
        o.received_at, o.received_at + interval '1 day',
        case when h < 98 then o.received_at + interval '2 hours' end, o.received_at
      from (select o.*, abs(hashtext(o.order_no)) % 100 as h from work_orders o) o
      join (values ('gas_repair', 'response'), ('gas_repair', 'on_site'), ('gas_complaint', 'answer'),
        ('gas_indoor_leak', 'on_site'), ('valve_pit_cover', 'repair'), ('heating_leak', 'reply'),
        ('heating_repair', 'on_site'), ('heating_quality_complaint', 'resolution'),
        ('heating_service_complaint', 'resolution')) as c(item, name) on c.item = o.item_code`);
    // One event per order, and 1 % cancelled (left out of every indicator).
    await exec(sql`
      insert into work_order_events (order_id, enterprise_id, type, at, actor_name, actor_role)
      select o.id, o.enterprise_id, 'created', o.received_at, '基准', 'agent' from work_orders o`);
    await exec(sql`
      insert into work_order_events (order_id, enterprise_id, type, at, actor_name, actor_role)
      select o.id, o.enterprise_id, 'cancelled', o.received_at, '基准', 'agent' from work_orders o
      where abs(hashtext(o.order_no || 'c')) % 100 = 0`);
    // Heating complaints judged; 3 % unreasonable.
    await exec(sql`
      insert into complaints (order_id, enterprise_id, category, reasonable)
      select o.id, o.enterprise_id, 'quality', abs(hashtext(o.order_no || 'r')) % 100 >= 3 from work_orders o
      where o.item_code in ('heating_quality_complaint', 'heating_service_complaint')`);
    await exec(sql`analyze`);
  });
  const counts = (
    (await exec(sql`select (select count(*) from work_orders)::int as orders,
      (select count(*) from work_order_clocks)::int as clocks, (select count(*) from work_order_events)::int as events`)) as unknown as {
      rows: object[];
    }
  ).rows[0];
  console.log(`  made in ${(made.ms / 1000).toFixed(0)} s:`, counts);

  let folded = 0;
  const fold = await time(async () => {
    // The fold job's passes until nothing is left (it runs every minute; a bulk load is folded over a few).
    for (let moved = await runClockFold({ database }); moved > 0; moved = await runClockFold({ database }))
      folded += moved;
    await exec(sql`analyze evaluation_clock_days`);
  });
  console.log(`  ${folded.toLocaleString()} per-day deltas folded in ${(fold.ms / 1000).toFixed(1)} s`);
}

async function run(database: Database) {
  const db = database.db;
  const exec = (q: ReturnType<typeof sql>) => db.execute(q);
  const ents = (
    (await exec(
      sql`select id, kind from enterprises where kind <> 'regulator' order by name`,
    )) as unknown as {
      rows: { id: string; kind: string }[];
    }
  ).rows;
  const reg = (
    (await exec(sql`select id from enterprises where kind = 'regulator'`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows[0]!.id;
  const days = (
    (await exec(sql`select count(*)::int as n from evaluation_clock_days`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]!.n;
  console.log(`  ${days.toLocaleString()} per-day count rows`);
  const ctx = { database, now: () => new Date('2026-12-01T00:00:00Z') } as unknown as AppContext;
  const service = new EvaluationService(ctx);
  const actor = {
    id: reg,
    role: 'regulator',
    enterpriseId: reg,
    username: 'reg',
    displayName: '监管',
  } as Actor;
  const gas = ents.find((e) => e.kind === 'pipeline_gas')!.id;
  const heat = ents.find((e) => e.kind === 'heating')!.id;
  const window = sql`o.received_at >= timestamptz '2025-11-15 00:00+08' and o.received_at < timestamptz '2026-03-16 00:00+08'`;
  const plain = (enterprise: string | null) =>
    exec(sql`
      select o.enterprise_id, o.item_code, c.name, count(*) filter (where c.state = 'met') as met, count(*) as n
      from work_orders o join work_order_clocks c on c.order_id = o.id
      where ${window} ${enterprise ? sql`and o.enterprise_id = ${enterprise}::uuid` : sql``}
      group by 1, 2, 3`);

  const line = (label: string, ms: number, base: number, limit: number) =>
    console.log(
      `  ${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   plain aggregate ${base.toFixed(0).padStart(6)} ms   ` +
        `ratio ${(ms / base).toFixed(2)}   target ≤ ${limit} ms  ${ms <= limit ? 'OK' : 'MISSED'}`,
    );
  const one = await service.figures(actor, { period: SEASON, enterpriseId: heat });
  const rate = one.indicators.find((i) => i.id === 'heating_complaint_timeliness')!.figures[0]!;
  console.log(`  check: ${SEASON} heating complaint timeliness of one company`, rate);
  for (const [label, id] of [
    ['every indicator, one gas company, season', gas],
    ['every indicator, one heating company, season', heat],
  ] as const) {
    line(
      label,
      await median(() => service.figures(actor, { period: SEASON, enterpriseId: id })),
      await median(() => plain(id)),
      1000,
    );
  }
  line(
    'the cockpit: every enterprise + 6-season trend',
    await median(() =>
      Promise.all([
        service.figures(actor, { period: SEASON }),
        service.trend(actor, { period: SEASON, count: 6 }),
      ]),
    ),
    await median(() => plain(null)),
    2000,
  );
  line(
    'the cockpit figures alone (every enterprise)',
    await median(() => service.figures(actor, { period: SEASON })),
    await median(() => plain(null)),
    2000,
  );
  const drill = () =>
    service.drilldown(actor, {
      indicator: 'heating_complaint_timeliness',
      enterpriseId: heat,
      period: SEASON,
      part: 'denominator',
      page: 1,
      pageSize: 20,
    });
  const first = await drill();
  console.log(`  drill-down total ${first.total} (figure's denominator ${rate.denominator})`);
  line(
    'first drill-down page (20 of the season)',
    await median(drill),
    await median(() =>
      exec(sql`select o.id from work_orders o join work_order_clocks c on c.order_id = o.id
        where ${window} and o.enterprise_id = ${heat}::uuid and o.item_code = 'heating_quality_complaint'
        order by o.received_at limit 20`),
    ),
    300,
  );
}

await main();
