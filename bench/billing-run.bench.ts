// Monthly gas billing run (issue 4): 1,000,000 pipeline accounts on the PostgreSQL server, the real run (the
// service and executor the job uses: id shards billed at once, each loading its next batch while one is written;
// domain pricing, tiers, notice fields and due date in memory; one statement per batch for bills + charges +
// notices) against a raw-SQL lower bound that writes the same bills, charge entries, notice template and notices
// with one INSERT … SELECT each, measured in the same run; then 100,000 accounts on embedded PGlite.
//
//   npx tsx bench/billing-run.bench.ts
//   BENCH_ROWS=200000 BENCH_PGLITE_ROWS=20000 DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/billing-run.bench.ts
//
// Each account has a meter, a monthly contract, premises and two actual readings (end of October and November);
// one residential schedule. Both sides bill November 2026; the lower bound's rows are removed (as superuser, with
// triggers off) before the real run so both write into empty tables. The lower bound is one statement per table on
// one connection; the run may use both cores, so it can come in under the lower bound.
import { paymentDueDate } from '@ranre/domain';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { migrateDatabase, openDatabase } from '../packages/server/src/db/client.ts';
import type { AppContext } from '../packages/server/src/core/context.ts';
import { BillingRunService } from '../packages/server/src/modules/gas/billing-runs/billing-runs.service.ts';
import { PAY_HOW } from '../packages/server/src/modules/gas/billing-runs/context.ts';
import { appContext, generate, POINT, setUp } from './billing-data.ts';

const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PGLITE_ROWS = Number(process.env.BENCH_PGLITE_ROWS ?? 100_000);

const sec = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
/** CPU seconds the whole machine has been busy (all processes: this one and the database's), from /proc/stat. */
function busy(): number {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return (f.reduce((a, b) => a + b, 0) - f[3]! - f[4]!) / 100;
  } catch {
    return NaN;
  }
}
const cpu = (b0: number) => `${(busy() - b0).toFixed(1)} CPU-s`;
const log = (m: string) => console.log(m);

/** The same bills, charges and notices as the run writes, each with one INSERT … SELECT (flat tier 1: all volumes fit). */
const LOWER_BOUND = [
  `insert into bills (enterprise_id, customer_id, sector, period, bill_no, kind, period_from, period_to, start_register,
     end_register, volume, estimated, amount_fen, lines, issued_on)
   select c.enterprise_id, c.id, 'gas', '2026-11', 'G202611-' || c.account_no, 'regular', '2026-11-01', '2026-11-30',
     o.register, e.register, e.register - o.register, false, ((e.register - o.register) * 326 + 500) / 1000,
     jsonb_build_array(jsonb_build_object('from', '2026-11-01', 'to', '2026-11-30', 'days', 30, 'scheduleId', s.id,
       'tier', 1, 'volume', e.register - o.register, 'price', 326, 'amount', ((e.register - o.register) * 326 + 500) / 1000,
       'tierYear', '2026-01-01')),
     '2026-12-01'
   from customers c join meters m on m.customer_id = c.id
     join meter_readings e on e.meter_id = m.id and e.read_on = '2026-11-30'
     join meter_readings o on o.meter_id = m.id and o.read_on = '2026-10-31'
     cross join (select id from price_schedules where enterprise_id = $1) s
   where c.enterprise_id = $1 /*C*/`,
  `insert into ledger_entries (enterprise_id, customer_id, sector, kind, amount_fen, ref_type, ref_id, booked_on)
   select enterprise_id, customer_id, 'gas', 'charge', amount_fen, 'bill', id::text, issued_on from bills
   where enterprise_id = $1 and period = '2026-11' /*L*/`,
  // The enterprise's part of every notice, once (G-6.2.7), as the run's template; then each notice's own fields.
  `insert into notice_templates (id, enterprise_id, content)
   select gen_random_uuid(), x.id, jsonb_build_object('company', x.name, 'payWhere', $2::text, 'payWhen', $3::text,
     'payHow', $4::text, 'queryPhone', x.hotline, 'complaintPhone', x.hotline, 'supervisionPhone', x.supervision_phone,
     'dueExplanation', $5::jsonb)
   from enterprises x where x.id = $1`,
  `insert into payment_notices (enterprise_id, customer_id, bill_id, notice_no, issued_on, due_date, fields, template_id)
   select b.enterprise_id, b.customer_id, b.id, 'N202611-' || c.account_no, b.issued_on, $2::date,
     jsonb_build_object('accountNumber', c.account_no, 'accountName', c.name, 'address', p.address,
       'startReading', b.start_register, 'endReading', b.end_register, 'volume', b.volume, 'prices', jsonb_build_array(326),
       'amountDueFen', b.amount_fen, 'payDeadline', $2::text, 'periodFrom', b.period_from, 'periodTo', b.period_to,
       'estimated', false, 'readingKind', 'actual', 'dueDays', 10, 'dueSource', 'statutory', 'priceChanged', false),
     (select id from notice_templates where enterprise_id = $1)
   from bills b join customers c on c.id = b.customer_id
     join lateral (select address from premises where customer_id = c.id limit 1) p on true
   where b.enterprise_id = $1 and b.period = '2026-11' /*B*/`,
];

/** Accounts with lo < id ≤ hi only (for the floor on two connections); the whole enterprise without a range. */
function ranged(text: string, range?: { lo: string | null; hi: string | null }): string {
  const cut = (col: string) =>
    [range?.lo ? `and ${col} > '${range.lo}'` : '', range?.hi ? `and ${col} <= '${range.hi}'` : ''].join(' ');
  return text
    .replace('/*C*/', cut('c.id'))
    .replace('/*L*/', cut('customer_id'))
    .replace('/*B*/', cut('b.customer_id'));
}

type Run = (text: string, values?: unknown[]) => Promise<unknown>;

/** The lower bound's statements in one transaction: bills, charges, (the template once) and notices. */
async function lowerBound(
  run: Run,
  enterpriseId: string,
  due: { lastDay: string; explanation: unknown },
  range?: { lo: string | null; hi: string | null },
  withTemplate = true,
) {
  await run('begin');
  await run(ranged(LOWER_BOUND[0]!, range), [enterpriseId]);
  await run(ranged(LOWER_BOUND[1]!, range), [enterpriseId]);
  if (withTemplate) await template(run, enterpriseId, due);
  await run(ranged(LOWER_BOUND[3]!, range), [enterpriseId, due.lastDay]);
  await run('commit');
}

async function template(run: Run, enterpriseId: string, due: { explanation: unknown }) {
  await run(LOWER_BOUND[2]!, [
    enterpriseId,
    `${POINT.name}（${POINT.address}）`,
    `${POINT.name} ${POINT.hours}`,
    PAY_HOW,
    JSON.stringify(due.explanation),
  ]);
}

/** Empties the documents (superuser, triggers off) so the next writer starts from the same empty tables. */
async function emptyDocuments(sql: pg.Client) {
  await sql.query(`set session_replication_role = replica`);
  await sql.query(`truncate payment_notices, notice_templates, ledger_entries, bills cascade`);
  await sql.query(`set session_replication_role = origin`);
  await sql.query(`vacuum analyze bills`);
}

async function realRun(ctx: AppContext, enterpriseId: string): Promise<number> {
  const service = new BillingRunService(ctx);
  const t0 = process.hrtime.bigint();
  const created = await service.create(enterpriseId, '2026-11', null);
  let shown = 0;
  const run = await service.execute(created.id, {
    onProgress: (r) => {
      const pct = Math.floor((r.processed / Math.max(1, r.total)) * 10);
      if (pct > shown) {
        shown = pct;
        log(`    ${r.processed.toLocaleString()} / ${r.total.toLocaleString()} (${sec(t0).toFixed(1)} s)`);
      }
    },
  });
  const s = sec(t0);
  if (run.billed !== run.total)
    throw new Error(`billed ${run.billed} of ${run.total}: ${JSON.stringify(run.summary)}`);
  return s;
}

async function server() {
  const name = `ranre_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: URL_ });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(URL_);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  // Dropping the scratch database ends any pooled connection still open; that is expected here.
  (database.db as unknown as { $client: pg.Pool }).$client.on('error', () => undefined);
  const sql = new pg.Client({ connectionString: u.toString() });
  await sql.connect();
  try {
    log(`PostgreSQL server, database ${name}: ${ROWS.toLocaleString()} accounts`);
    await migrateDatabase(database);
    const ctx = appContext(database);
    const enterpriseId = await setUp(database);
    await generate((t, v) => sql.query(t, v as unknown[]), enterpriseId, ROWS);

    const due = paymentDueDate('2026-12-01', undefined, await ctx.calendar.current());
    const q: Run = (t, v) => sql.query(t, v as unknown[]);
    let t0 = process.hrtime.bigint();
    let b0 = busy();
    await lowerBound(q, enterpriseId, due);
    const lower = sec(t0);
    const lowerCpu = cpu(b0);
    const [{ n }] = (await sql.query(`select count(*)::int as n from bills`)).rows as [{ n: number }];
    log(
      `  lower bound (INSERT … SELECT bills, charges, notices): ${n.toLocaleString()} bills in ${lower.toFixed(1)} s (${lowerCpu})`,
    );

    // For the record, not the target: the same statements split over two connections, half the accounts each —
    // what this machine's server can write on both cores with no reading, pricing or transport at all.
    await emptyDocuments(sql);
    const [{ mid }] = (
      await sql.query(
        `select id::text as mid from customers where enterprise_id = $1 order by id offset $2 limit 1`,
        [enterpriseId, Math.floor(ROWS / 2)],
      )
    ).rows as [{ mid: string }];
    const second = new pg.Client({ connectionString: u.toString() });
    await second.connect();
    t0 = process.hrtime.bigint();
    b0 = busy();
    await template(q, enterpriseId, due);
    await Promise.all([
      lowerBound(q, enterpriseId, due, { lo: null, hi: mid }, false),
      lowerBound((t, v) => second.query(t, v as unknown[]), enterpriseId, due, { lo: mid, hi: null }, false),
    ]);
    const floor2 = sec(t0);
    await second.end();
    log(`  the same on two connections at once (for the record): ${floor2.toFixed(1)} s (${cpu(b0)})`);

    await emptyDocuments(sql);
    b0 = busy();
    log('  billing run (service + batch engine):');
    const real = await realRun(ctx, enterpriseId);
    log(`  billing run: ${ROWS.toLocaleString()} bills in ${real.toFixed(1)} s (${cpu(b0)})`);
    log(
      `\nRESULT server ${ROWS.toLocaleString()} accounts: run ${real.toFixed(1)} s, lower bound ${lower.toFixed(1)} s, ratio ${(real / lower).toFixed(2)}× (target ≤ 60 s and ≤ 2×); raw SQL on two connections ${floor2.toFixed(1)} s`,
    );
  } finally {
    await sql.end();
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function embedded() {
  const database = await openDatabase({});
  try {
    log(`\nPGlite (in memory): ${PGLITE_ROWS.toLocaleString()} accounts`);
    await migrateDatabase(database);
    const enterpriseId = await setUp(database);
    await generate((t, v) => database.executeSql(t, v as unknown[]), enterpriseId, PGLITE_ROWS);
    const real = await realRun(appContext(database), enterpriseId);
    log(`\nRESULT pglite ${PGLITE_ROWS.toLocaleString()} accounts: run ${real.toFixed(1)} s`);
  } finally {
    await database.close();
  }
}

if (ROWS > 0) await server();
if (PGLITE_ROWS > 0) await embedded();
