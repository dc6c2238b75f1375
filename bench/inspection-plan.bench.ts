// The yearly safety-inspection plan (issue 15, G-5.11.1: "the plan for 1,000,000 customers generated in ≤ 10 s on the
// server database, against a plain INSERT … SELECT of the same rows in the same run"). The real path is `buildPlan`,
// what the service and the demo seed call: the customers staged with their routes, one aggregate for the route loads,
// the routes balanced across inspectors in the domain, every visit by one INSERT … SELECT. The lower bound writes the
// same visits (customers × their kind's windows, each with its premises, route and an inspector) with one
// INSERT … SELECT and nothing else.
//
//   npx tsx bench/inspection-plan.bench.ts
//   BENCH_ROWS=200000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/inspection-plan.bench.ts
//
// 1,000,000 customers: 90 % urban residents (1 visit a year), 7 % rural residents (2), 3 % non-residential (4), in
// 500 communities of 20 buildings each; 20 inspectors. Both sides write into an empty inspection_visits.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { visitWindows, visitsPerYear } from '@ranre/domain';
import { migrateDatabase, openDatabase } from '../packages/server/src/db/client.ts';
import { buildPlan } from '../packages/server/src/modules/gas/inspections/inspections.service.ts';
import { setUp } from './billing-data.ts';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const INSPECTORS = 20;
const YEAR = 2027;
const BUDGET_S = 10;
const sec = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
const log = (m: string) => console.log(m);

const GENERATE = [
  `insert into customers (enterprise_id, account_no, kind, name)
   select $1, 'AJ' || lpad(i::text, 8, '0'),
     case when i % 100 < 90 then 'pipeline_urban_resident' when i % 100 < 97 then 'pipeline_rural_resident'
          else 'pipeline_non_resident' end,
     '用户' || i from generate_series(1, $2::int) i`,
  `insert into premises (enterprise_id, customer_id, district, community, building, address)
   select $1, id, '张店区', '小区' || (hashtext(account_no) & 511) % 500, (hashtext(account_no || 'b') & 31) % 20 || '号楼',
     '张店区 ' || account_no from customers where enterprise_id = $1`,
  `insert into users (enterprise_id, username, display_name, role, password_hash)
   select $1, 'bench_insp_' || i || '_' || $2, '安检员' || i, 'inspector', 'x' from generate_series(1, ${INSPECTORS}) i`,
];

/**
 * The same visits as buildPlan writes, by one INSERT … SELECT (the inspector by a hash of the route), with ids made
 * the way buildPlan makes them (one time-ordered base and a row number), so both sides pay the same for an id.
 */
const LOWER_BOUND = `
  with w as (
    select x->>0 as kind, (x->>1)::int as seq, (x->>2)::date as wfrom, (x->>3)::date as wto
    from jsonb_array_elements($3::jsonb) x
  ), i as (select array_agg(id order by id) as ids, ranre_uuid_v7() as base from users
    where enterprise_id = $1 and role = 'inspector'
  ), v as (
    select c.enterprise_id, c.id, p.id as premises_id, c.kind, w.seq, w.wfrom, w.wto, p.community, p.building,
      row_number() over () as n
    from customers c join w on w.kind = c.kind join premises p on p.customer_id = c.id
    where c.enterprise_id = $1 and c.status <> 'closed'
  )
  insert into inspection_visits (id, plan_id, enterprise_id, customer_id, premises_id, kind, seq, window_from,
    window_to, community, building, inspector_id)
  select ranre_uuid_v7_nth(i.base, v.n), $2::uuid, v.enterprise_id, v.id, v.premises_id, v.kind, v.seq, v.wfrom,
    v.wto, v.community, v.building, i.ids[1 + (hashtext(v.community || '|' || v.building) & 1023) % ${INSPECTORS}]
  from v cross join i`;

async function main() {
  const name = `ranre_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: URL_ });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(URL_);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  (database.db as unknown as { $client: pg.Pool }).$client.on('error', () => undefined);
  const sql = new pg.Client({ connectionString: u.toString() });
  await sql.connect();
  try {
    log(
      `PostgreSQL server, database ${name}: ${ROWS.toLocaleString('en')} customers, ${INSPECTORS} inspectors`,
    );
    await migrateDatabase(database);
    const enterpriseId = await setUp(database);
    let t0 = process.hrtime.bigint();
    await sql.query(GENERATE[0]!, [enterpriseId, ROWS]);
    await sql.query(GENERATE[1]!, [enterpriseId]);
    await sql.query(GENERATE[2]!, [enterpriseId, name]);
    await sql.query('analyze');
    log(`  generated customers with premises in ${sec(t0).toFixed(1)} s`);

    const perKind = Object.fromEntries(visitsPerYear({}));
    const windows = Object.entries(perKind).flatMap(([kind, n]) =>
      visitWindows(YEAR, n).map((w) => [kind, w.seq, w.from, w.to]),
    );
    const inspectorIds = (
      await sql.query(`select id from users where enterprise_id = $1 and role = 'inspector' order by id`, [
        enterpriseId,
      ])
    ).rows.map((r: { id: string }) => r.id);

    // The lower bound, under a plan row of its own, then emptied so the real run starts from the same empty table.
    const plan = await sql.query(
      `insert into inspection_plans (enterprise_id, year, visits_per_kind, inspector_ids, planned_count, customer_count)
       values ($1, ${YEAR - 1}, $2, $3, 0, 0) returning id`,
      [enterpriseId, JSON.stringify(perKind), JSON.stringify(inspectorIds)],
    );
    t0 = process.hrtime.bigint();
    const lower = await sql.query(LOWER_BOUND, [enterpriseId, plan.rows[0].id, JSON.stringify(windows)]);
    const lowerS = sec(t0);
    log(
      `  lower bound (one INSERT … SELECT): ${lower.rowCount?.toLocaleString('en')} visits in ${lowerS.toFixed(1)} s`,
    );
    // Superuser, triggers off: the records table (append-only) refers to the visits and refuses a cascading TRUNCATE.
    await sql.query('set session_replication_role = replica');
    await sql.query('truncate inspection_visits cascade');
    await sql.query('set session_replication_role = origin');
    await sql.query('vacuum analyze inspection_visits');

    t0 = process.hrtime.bigint();
    const made = await database.db.transaction((tx) =>
      buildPlan(tx, { enterpriseId, year: YEAR, perKind, inspectorIds, createdBy: null, now: new Date() }),
    );
    const realS = sec(t0);
    log(
      `  buildPlan: ${made.plannedCount.toLocaleString('en')} visits for ${made.customerCount.toLocaleString('en')} customers on ${made.routes.toLocaleString('en')} routes in ${realS.toFixed(1)} s (${realS <= BUDGET_S ? 'within' : 'OVER'} the ${BUDGET_S} s budget)`,
    );
    if (made.plannedCount !== lower.rowCount)
      throw new Error('the two sides wrote different numbers of visits');
    log(`  ratio buildPlan / lower bound: ${(realS / lowerS).toFixed(2)}×`);
  } finally {
    await sql.end();
    await database.close();
    if (process.env.BENCH_KEEP) log(`  kept database ${name}`);
    else await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
}

await main();
