// Customer search at 1 M accounts (issue 3: "search by name, phone, account number or address in well under a second
// at 1 M accounts"). Creates a fresh database on the PostgreSQL server, migrates it, loads the accounts and their
// premises with one INSERT … SELECT generate_series, then times the repository's search against a plain sequential
// ILIKE scan of the same query, measured in the same run.
//
//   npx tsx bench/customer-search.bench.ts
//   DATABASE_URL=postgres://user@host:5432/db BENCH_ROWS=1000000 BENCH_KEEP=1 npx tsx bench/customer-search.bench.ts
import { normaliseAccountNumber } from '@ranre/domain';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../packages/server/src/db/client.ts';
import { enterprises } from '../packages/server/src/db/schema.ts';
import {
  COMPOUND_STEMS,
  COMPOUND_SUFFIXES,
  DEMO_DISTRICTS,
  GIVEN_FEMALE,
  GIVEN_MALE,
  MOBILE_PREFIXES,
  SURNAMES,
} from '../packages/server/src/demo/seed-customers-data.ts';
import {
  buildSearchText,
  canonicalPhone,
  premisesValues,
} from '../packages/server/src/modules/service/customers/customer-rules.ts';
import { searchCustomers } from '../packages/server/src/modules/service/customers/customers.repository.ts';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const KEEP = process.env.BENCH_KEEP === '1';
const RUNS = 7;
const BASELINE_RUNS = 3;
const SAMPLE = 'ZB' + String(Math.max(1, Math.floor(ROWS * 0.777777))).padStart(8, '0');
const MIDDLE = 'ZB' + String(Math.floor(ROWS / 2)).padStart(8, '0');

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (m: string) => console.log(m);

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: URL_ });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** `arr[1 + (i * mult + add) % n]`: a cheap, deterministic, well-spread choice per row. */
const pick = (param: string, mult: number, add = 0) =>
  `(${param}::text[])[1 + ((i * ${mult} + ${add}) % cardinality(${param}::text[]))::int]`;
const between = (lo: number, hi: number, mult: number) => `(${lo} + ((i * ${mult}) % ${hi - lo + 1}))`;

/**
 * One statement: a CTE of generated rows, the accounts inserted from it, their premises inserted from what that
 * returns. Search text and address are built exactly as buildSearchText / formatAddress build them (checked below).
 */
const LOAD_SQL = `
with src as (
  select i,
    'ZB' || lpad(i::text, 8, '0') as account_no,
    ${pick('$2', 7919)} || case when i % 2 = 0
      then ${pick('$3', 104729)} || case when i % 3 = 0 then '' else ${pick('$3', 1299709, 5)} end
      else ${pick('$4', 104729)} || case when i % 3 = 0 then '' else ${pick('$4', 1299709, 5)} end end as name,
    ${pick('$5', 31)} || lpad(((i * 48271 + 11) % 100000000)::text, 8, '0') as phone,
    ${pick('$6', 15485863)} as pair,
    ${pick('$7', 32452843)} || ${pick('$8', 49979687)} as community,
    ${between(1, 40, 86028121)} as building,
    ${between(1, 4, 67867967)} as unit,
    ${between(1, 18, 15485867)} as floor,
    ${between(1, 4, 104723)} as door
  from generate_series(1::bigint, $9::bigint) as i
), addr as (
  select src.*, split_part(pair, '|', 1) as district, split_part(pair, '|', 2) as street,
    split_part(pair, '|', 1) || ' ' || split_part(pair, '|', 2) || ' ' || community || ' ' || building || '号楼 '
      || unit || '单元 ' || floor || '层 ' || floor || '0' || door || '室' as address
  from src
), ins as (
  insert into customers (enterprise_id, account_no, kind, name, phone, search_text)
  select $1, account_no, 'pipeline_urban_resident', name, phone,
    name || ' ' || phone || ' ' || account_no || ' ' || address
  from addr
  returning id, account_no
)
insert into premises (enterprise_id, customer_id, district, street, community, building, unit, floor, building_floors, room, address)
select $1, ins.id, addr.district, addr.street, addr.community, addr.building::text, addr.unit::text, addr.floor, 18,
  addr.floor || '0' || addr.door, addr.address
from ins join addr using (account_no)`;

async function load(database: Database, loader: pg.Client, enterpriseId: string) {
  const { rows: indexes } = await loader.query(
    `select indexname, indexdef from pg_indexes where tablename in ('customers', 'premises')
       and indexname not in (select conname from pg_constraint)`,
  );
  // A bulk load builds indexes once at the end, as anyone loading a million rows would.
  for (const ix of indexes) await loader.query(`drop index "${ix.indexname}"`);
  const pairs = DEMO_DISTRICTS.flatMap((d) => d.streets.map((s) => `${d.name}|${s}`));
  let t0 = process.hrtime.bigint();
  await loader.query(LOAD_SQL, [
    enterpriseId,
    SURNAMES,
    GIVEN_MALE,
    GIVEN_FEMALE,
    MOBILE_PREFIXES,
    pairs,
    COMPOUND_STEMS,
    COMPOUND_SUFFIXES,
    ROWS,
  ]);
  log(`loaded ${ROWS.toLocaleString()} accounts + premises in ${(ms(t0) / 1000).toFixed(1)} s`);
  t0 = process.hrtime.bigint();
  await loader.query(`set maintenance_work_mem = '1GB'`);
  for (const ix of indexes) await loader.query(ix.indexdef);
  await loader.query('analyze customers; analyze premises');
  log(`built ${indexes.length} indexes and analyzed in ${(ms(t0) / 1000).toFixed(1)} s`);
  const { rows: sizes } = await loader.query(
    `select relname, pg_size_pretty(pg_relation_size(oid)) as size from pg_class
       where relname in ('customers', 'customers_search_key_trgm', 'customers_account_uq', 'customers_phone_idx')`,
  );
  log(`sizes: ${sizes.map((s) => `${s.relname} ${s.size}`).join(', ')}`);
  await checkLikeTheApp(database);
}

/** The generated text must be what the application writes, or the benchmark measures something else. */
async function checkLikeTheApp(database: Database) {
  const { rows } = await database.executeSql(
    `select c.name, c.phone, c.account_no, c.search_text, p.district, p.street, p.community, p.building, p.unit,
       p.floor, p.room, p.address from customers c join premises p on p.customer_id = c.id
       where c.account_no in ('ZB00000001', $1)`,
    [SAMPLE],
  );
  for (const r of rows as Record<string, string>[]) {
    const address = premisesValues({ ...r, buildingFloors: 18 } as never).address;
    const text = buildSearchText({
      name: r.name!,
      phone: r.phone!,
      phone2: null,
      accountNo: r.account_no!,
      addresses: [address],
    });
    if (address !== r.address || text !== r.search_text) {
      throw new Error(`generated row differs from the app's: ${r.search_text} ≠ ${text}`);
    }
  }
}

async function main() {
  const name = `ranre_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const u = new URL(URL_);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  const loader = new pg.Client({ connectionString: u.toString() });
  await loader.connect();
  try {
    log(`database ${name} on ${u.host}`);
    await migrateDatabase(database);
    const [e] = await database.db
      .insert(enterprises)
      .values({
        name: '基准测试燃气公司',
        kind: 'pipeline_gas',
        creditCode: 'BENCH',
        hotline: '0533-1',
        supervisionPhone: '0533-2',
      })
      .returning();
    await load(database, loader, e!.id);

    const sample = (
      await database.executeSql(
        `select c.name, c.phone, c.account_no, p.street, p.community, p.building, p.unit from customers c
         join premises p on p.customer_id = c.id where c.account_no = $1`,
        [SAMPLE],
      )
    ).rows[0] as Record<string, string>;
    const threeChar = (
      await database.executeSql(
        `select name from customers where account_no >= $1 and char_length(name) = 3 order by account_no limit 1`,
        [MIDDLE],
      )
    ).rows[0]!.name as string;
    const queries: [string, string, string | null][] = [
      ['phone (exact)', sample.phone!, e!.id],
      ['account number (exact)', sample.account_no!, e!.id],
      ['name fragment, 2 chars', threeChar.slice(1), e!.id],
      ['full name, 3 chars', threeChar, e!.id],
      ['surname, 1 char', threeChar.slice(0, 1), e!.id],
      [
        'address: compound + building + unit',
        `${sample.community} ${sample.building}号楼 ${sample.unit}单元`,
        e!.id,
      ],
      ['address: street fragment', sample.street!.slice(0, 3), e!.id],
      ['phone fragment, last 7 digits', sample.phone!.slice(-7), e!.id],
      ['no match', '不存在的村庄', e!.id],
      ['regulator, all enterprises: phone', sample.phone!, null],
    ];

    const rows: string[][] = [];
    for (const [label, q, enterpriseId] of queries) {
      const run = () =>
        searchCustomers(database.db, {
          enterpriseId,
          q,
          limit: 20,
          exact: { accountNo: normaliseAccountNumber(q), phone: canonicalPhone(q) },
        });
      await run();
      await run();
      const times: number[] = [];
      let found = 0;
      for (let k = 0; k < RUNS; k++) {
        const t0 = process.hrtime.bigint();
        found = (await run()).rows.length;
        times.push(ms(t0));
      }
      const base: number[] = [];
      for (let k = 0; k < BASELINE_RUNS; k++) {
        await loader.query('begin');
        await loader.query(
          'set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_indexonlyscan = off',
        );
        const t0 = process.hrtime.bigint();
        await loader.query(
          `select id from customers where ($1::uuid is null or enterprise_id = $1) and search_text ilike $2
             order by account_no, id limit 20`,
          [enterpriseId, `%${q.replace(/[\\%_]/g, '\\$&')}%`],
        );
        base.push(ms(t0));
        await loader.query('commit');
      }
      const ours = median(times);
      const seq = median(base);
      rows.push([label, q, String(found), ours.toFixed(1), seq.toFixed(1), `${(seq / ours).toFixed(0)}×`]);
      log(
        `${label.padEnd(38)} ${q.padEnd(22)} ${String(found).padStart(3)} rows  ${ours.toFixed(1).padStart(8)} ms  (seq ILIKE ${seq.toFixed(1)} ms, ${(seq / ours).toFixed(0)}× faster)`,
      );
    }
    log('\n| query | q | rows | search ms (median of 7) | seq ILIKE ms (median of 3) | ratio |');
    log('|---|---|---|---|---|---|');
    for (const r of rows) log(`| ${r.join(' | ')} |`);
  } finally {
    await loader.end();
    await database.close();
    if (KEEP) log(`kept database ${name}`);
    else await admin(`drop database if exists ${name} with (force)`);
  }
}

await main();
