// Issue 18: the scan-to-answer time of the filling line (G-7.1.6). 1,000,000 cylinders registered on the PostgreSQL
// server; the fill check as the API runs it (CylinderFillService.scan: the cylinder read by its code, the domain's
// checkFillScan, the scan row and its audit event written by one statement) against a bare
// `select … from cylinders where code = $1` on the same database in the same run, and the decision alone (the read
// and the rule, without recording the scan). Prints p50/p99 of each and the ratio of the check to the bare SELECT.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<your db> npx tsx bench/cylinder-fill-check.bench.ts
//   BENCH_ROWS=100000 BENCH_SCANS=500 … (smaller)
import { checkFillScan } from '@ranre/domain';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import pg from 'pg';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../packages/server/src/core/actor.ts';
import { migrateDatabase, openDatabase } from '../packages/server/src/db/client.ts';
import { cylinders, enterprises, users } from '../packages/server/src/db/schema.ts';
import { factsByCode } from '../packages/server/src/modules/gas/cylinder-fills/cylinder-fills.repository.ts';
import { CylinderFillService } from '../packages/server/src/modules/gas/cylinder-fills/cylinder-fills.service.ts';
import { appContext } from './billing-data.ts';

const BASE = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SCANS = Number(process.env.BENCH_SCANS ?? 2_000);
const log = (m: string) => console.log(m);

function quantiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { p50: q(0.5), p99: q(0.99), max: s[s.length - 1]! };
}
const fmt = (x: { p50: number; p99: number; max: number }) =>
  `p50 ${x.p50.toFixed(2)} ms, p99 ${x.p99.toFixed(2)} ms, max ${x.max.toFixed(2)} ms`;

async function main() {
  const name = `ranre_bench_cyl_${randomBytes(3).toString('hex')}`;
  log(
    `load average at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = BASE.replace(/\/[^/]*$/, `/${name}`);
  const database = await openDatabase({ url });
  try {
    await migrateDatabase(database);
    const { db } = database;
    const [e] = await db
      .insert(enterprises)
      .values({
        name: '基准测试液化气公司',
        kind: 'bottled_gas',
        creditCode: `BENCH${randomBytes(3).toString('hex')}`,
        hotline: '0533-5163000',
        supervisionPhone: '12345',
      })
      .returning();
    const [u] = await db
      .insert(users)
      .values({
        enterpriseId: e!.id,
        username: 'bench_filler',
        displayName: '充装工',
        role: 'technician',
        passwordHash: 'x',
      })
      .returning();
    let t0 = performance.now();
    // Cylinders of every age: most fillable, some overdue, some scrapped (so refusals are measured too).
    await db.execute(sql`
      insert into cylinders (enterprise_id, code, manufacturer, serial_no, manufactured_on, model, capacity_dl,
        rated_fill_g, tolerance_g, marking, last_inspected_on, next_inspection_on, scrap_due_on, last_treated_on,
        scrapped_on, state, created_by, created_at)
      select ${e!.id}::uuid, 'YH' || lpad(g::text, 9, '0'), '示范钢瓶厂', 'S' || g, date '2018-01-01' + (g % 2000),
        'YSP35.5', 355, 14500, 500, '示范', date '2024-01-01' + (g % 700),
        case when g % 50 = 0 then date '2025-06-01' else date '2028-01-01' + (g % 700) end,
        date '2033-01-01' + (g % 2000), date '2024-01-02' + (g % 700),
        case when g % 97 = 0 then date '2026-01-01' end, 'in_stock', ${u!.id}::uuid, now()
      from generate_series(1, ${ROWS}) g`);
    await db.execute(sql`analyze cylinders`);
    log(`${ROWS.toLocaleString()} cylinders registered in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const actor: Actor = {
      id: u!.id,
      username: 'bench_filler',
      displayName: '充装工',
      role: 'technician',
      enterpriseId: e!.id,
      enterpriseName: '基准测试液化气公司',
      enterpriseKind: 'bottled_gas',
    };
    const service = new CylinderFillService(appContext(database));
    const code = (i: number) => `YH${String(1 + ((i * 7_919_113) % ROWS)).padStart(9, '0')}`;
    // Warm both paths.
    for (let i = 0; i < 50; i++) {
      await service.scan(actor, { code: code(i), station: '1号秤' });
      await db
        .select({ id: cylinders.id })
        .from(cylinders)
        .where(eq(cylinders.code, code(i)));
    }
    // The plans of the scan's two statements (the read by the unique code index; the scan + audit insert).
    for (const q of [
      sql`explain (analyze, buffers, costs off) select id, enterprise_id, next_inspection_on, scrap_due_on,
        last_inspected_on, last_treated_on, scrapped_on from cylinders where code = ${code(7)} limit 1`,
    ]) {
      const plan = (await db.execute(q)) as unknown as { rows: Record<string, string>[] };
      log(plan.rows.map((r) => `  ${Object.values(r)[0]}`).join('\n'));
    }
    log(
      'per scan: 2 round trips (the read by code; one statement writing the scan and its audit event), 1 transaction ' +
        '(the insert statement, committed asynchronously); the decision itself is the domain rule in process',
    );
    const bare: number[] = [];
    const check: number[] = [];
    const decide: number[] = [];
    let refused = 0;
    // Interleaved, so both see the same machine load.
    for (let i = 100; i < 100 + SCANS; i++) {
      t0 = performance.now();
      await db
        .select()
        .from(cylinders)
        .where(eq(cylinders.code, code(i)));
      bare.push(performance.now() - t0);
      t0 = performance.now();
      const r = await service.scan(actor, { code: code(i + 1), station: '1号秤' });
      check.push(performance.now() - t0);
      if (!r.ok) refused++;
      // The decision alone (read by code + the domain rule), without recording the scan.
      t0 = performance.now();
      const f = await factsByCode(db, code(i + 2));
      checkFillScan(
        f
          ? {
              enterpriseId: f.enterpriseId,
              nextInspectionOn: String(f.nextInspectionOn),
              scrapDueOn: String(f.scrapDueOn),
              lastInspectedOn: f.lastInspectedOn,
              lastTreatedOn: f.lastTreatedOn,
              scrappedOn: f.scrappedOn,
            }
          : null,
        actor.enterpriseId,
        '2026-12-01',
      );
      decide.push(performance.now() - t0);
    }
    const b = quantiles(bare);
    const c = quantiles(check);
    log(`bare SELECT by code:     ${fmt(b)}`);
    log(`decision only (read + rule): ${fmt(quantiles(decide))}`);
    log(`fill check (scan, write): ${fmt(c)}  (${SCANS} scans, ${refused} refused)`);
    log(
      `ratio p99 check / bare: ${(c.p99 / b.p99).toFixed(1)}×; target p99 ≤ 20 ms: ${c.p99 <= 20 ? 'met' : 'MISSED'}`,
    );
    log(
      `load average at end: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')} (2 cores shared)`,
    );
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

await main();
