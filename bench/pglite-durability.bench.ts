// Issue 12: what an acknowledged write costs on embedded PGlite with and without durability. 1,000 single-row
// transactions (each an acknowledged write, as a work-order intake or a payment is) on a data folder on disk:
//   1. fsync off — PGlite's default (`-F`): a commit is handed to the OS page cache only;
//   2. `-F` removed alone — PostgreSQL calls fsync(), but Emscripten's NODEFS has none: still the page cache;
//   3. DurableNodeFS + DURABLE_START_PARAMS — fsync() reaches the disk, the WAL is flushed through it.
// Prints milliseconds per commit (mean, p50, p99) and fsync calls per commit; then a billing run of 20,000
// accounts (BENCH_RUN_ROWS) on disk with fsync off and on: what durability costs a batch job.
//
//   npx tsx bench/pglite-durability.bench.ts          (BENCH_COMMITS=200 for a quick look)
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, PGLITE_EXTENSIONS } from '../packages/server/src/db/client.ts';
import { DURABLE_START_PARAMS, DurableNodeFS, fsyncCount } from '../packages/server/src/db/pglite-durable.ts';
import { BillingRunService } from '../packages/server/src/modules/gas/billing-runs/billing-runs.service.ts';
import { appContext, generate, setUp } from './billing-data.ts';

const COMMITS = Number(process.env.BENCH_COMMITS ?? 1000);
const RUN_ROWS = Number(process.env.BENCH_RUN_ROWS ?? 20_000);
const log = (m: string) => console.log(m);

async function measure(label: string, options: (dir: string) => PGliteOptions) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-durable-'));
  try {
    const db = await PGlite.create(options(dir));
    await db.exec(
      `create table acknowledged (id serial primary key, body text not null, at timestamptz default now())`,
    );
    const times: number[] = [];
    const f0 = fsyncCount.calls;
    for (let i = 0; i < COMMITS; i++) {
      const t0 = performance.now();
      await db.query('insert into acknowledged (body) values ($1)', [`工单 ${i} 燃气灶打不着火`]);
      times.push(performance.now() - t0);
    }
    const fsyncs = fsyncCount.calls - f0;
    await db.close();
    const s = [...times].sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
    log(
      `  ${label.padEnd(52)} mean ${mean.toFixed(2).padStart(6)} ms  p50 ${at(0.5).toFixed(2).padStart(6)} ms  p99 ${at(0.99).toFixed(2).padStart(6)} ms  fsync/commit ${(fsyncs / COMMITS).toFixed(2)}`,
    );
    return mean;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

log(`PGlite on disk (${os.tmpdir()}): ${COMMITS} single-row transactions each`);
const off = await measure('fsync off (PGlite default, -F)', (dataDir) => ({ dataDir }));
await measure('-F removed alone (NODEFS has no fsync)', (dataDir) => ({
  dataDir,
  startParams: PGlite.defaultStartParams.filter((p) => p !== '-F'),
}));
const on = await measure('fsync on (DurableNodeFS, wal_sync_method=fsync)', (dataDir) => ({
  fs: new DurableNodeFS(dataDir),
  startParams: DURABLE_START_PARAMS,
}));
log(
  `\nRESULT durable commit ${on.toFixed(2)} ms vs ${off.toFixed(2)} ms without (${(on / off).toFixed(1)}×)`,
);

async function billingRun(label: string, options: (dir: string) => PGliteOptions) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ranre-durable-run-'));
  try {
    const client = await PGlite.create({ ...options(dir), extensions: PGLITE_EXTENSIONS });
    const database = await openDatabase({ client });
    await migrateDatabase(database);
    const enterpriseId = await setUp(database);
    await generate((t, v) => database.executeSql(t, v as unknown[]), enterpriseId, RUN_ROWS);
    const service = new BillingRunService(appContext(database));
    const created = await service.create(enterpriseId, '2026-11', null);
    const f0 = fsyncCount.calls;
    const t0 = performance.now();
    const run = await service.execute(created.id);
    const s = (performance.now() - t0) / 1000;
    log(
      `  ${label.padEnd(52)} billing run ${s.toFixed(1)} s (${run.billed} bills, ${fsyncCount.calls - f0} fsyncs)`,
    );
    await database.close();
    return s;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (RUN_ROWS > 0) {
  log(
    `\nA billing run of ${RUN_ROWS.toLocaleString()} accounts on disk (PGlite defaults of ranre: 500-account batches)`,
  );
  const runOff = await billingRun('fsync off (PGlite default, -F)', (dataDir) => ({ dataDir }));
  const runOn = await billingRun('fsync on (DurableNodeFS, wal_sync_method=fsync)', (dataDir) => ({
    fs: new DurableNodeFS(dataDir),
    startParams: DURABLE_START_PARAMS,
  }));
  log(
    `\nRESULT durable billing run ${runOn.toFixed(1)} s vs ${runOff.toFixed(1)} s without (${(runOn / runOff).toFixed(2)}×)`,
  );
}
