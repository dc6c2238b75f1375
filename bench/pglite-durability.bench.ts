// Issue 12: what an acknowledged write costs on embedded PGlite with and without durability. 1,000 single-row
// transactions (each an acknowledged write, as a work-order intake or a payment is) on a data folder on disk:
//   1. fsync off — PGlite's default (`-F`): a commit is handed to the OS page cache only;
//   2. `-F` removed alone — PostgreSQL calls fsync(), but Emscripten's NODEFS has none: still the page cache;
//   3. DurableNodeFS + DURABLE_START_PARAMS — fsync() reaches the disk, the WAL is flushed through it.
// Prints milliseconds per commit (mean, p50, p99) and fsync calls per commit.
//
//   npx tsx bench/pglite-durability.bench.ts          (BENCH_COMMITS=200 for a quick look)
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DURABLE_START_PARAMS, DurableNodeFS, fsyncCount } from '../packages/server/src/db/pglite-durable.ts';

const COMMITS = Number(process.env.BENCH_COMMITS ?? 1000);
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
