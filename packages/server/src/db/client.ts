import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { DURABLE_START_PARAMS, DurableNodeFS } from './pglite-durable.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Engine = 'pglite' | 'postgres';

/** One handle over either engine: the same Drizzle API, the same SQL, the same migrations. */
export interface Database {
  db: Db;
  engine: Engine;
  /** Raw SQL for pg-boss and for the few statements Drizzle does not express; multi-statement text when no values. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Background batch work (a billing run) awaits this before each of its statements' turns on the database, so the
   * hotline's requests go first. On a server (a pool of connections) it returns at once; on PGlite see `turnTaker`.
   */
  backgroundTurn(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = new URL('../../drizzle', import.meta.url).pathname;

/** Extensions the migrations use (pg_trgm for the customer search); a server ships them in postgresql-contrib. */
export const PGLITE_EXTENSIONS = { pg_trgm };

export type OpenOptions = {
  url?: string;
  dataDir?: string;
  /** an already open PGlite (tests) */ client?: PGlite;
};

/** PostgreSQL server when a URL is given, else PGlite on disk under dataDir (or in memory without one). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.url ? openServer(opts.url) : openEmbedded(opts.dataDir, opts.client);
}

async function openServer(url: string): Promise<Database> {
  // jit=off: ranre's statements are short lookups and batch probes. The server's JIT compiles any plan above its
  // cost threshold, and a billing batch's account query crosses it: 225 ms of compiling for 150 ms of work per
  // 5,000 accounts (EXPLAIN ANALYZE, PostgreSQL 15). PGlite has no JIT.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // An idle connection can be ended by the server (a restart, an administrator, a test database dropped WITH FORCE
  // while a closing client still has its socket): node-postgres then emits 'error' on the pool, which without a
  // listener is an uncaught exception that stops the process. The pool drops that client; the next query reconnects.
  pool.on('error', (err) => process.emitWarning(`database connection closed by the server: ${err.message}`));
  await pool.query('select 1');
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    executeSql: async (text, values) => pool.query(text, values as unknown[]),
    backgroundTurn: async () => {},
    close: () => pool.end(),
  };
}

async function openEmbedded(dataDir?: string, existing?: PGlite): Promise<Database> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // Before PGlite touches the folder: a second process refuses here, at once, with what to do instead.
  const unlock = dataDir && !existing ? lockDataDir(dataDir) : () => {};
  let client: PGlite;
  try {
    // On disk, commits are made durable (pglite-durable.ts; ARCHITECTURE.md "Durability"); in memory there is no disk.
    const storage = dataDir ? { fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS } : {};
    client = existing ?? (await PGlite.create({ ...storage, extensions: PGLITE_EXTENSIONS }));
  } catch (err) {
    unlock();
    throw err;
  }
  const backgroundTurn = turnTaker(client);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    engine: 'pglite',
    executeSql: async (text, values) => {
      if (values && values.length > 0)
        return client.query(text, values) as Promise<{ rows: Record<string, unknown>[] }>;
      // PGlite's extended protocol takes one statement; pg-boss sends multi-statement scripts without parameters.
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    backgroundTurn,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Marks background work (a billing run): its own queries do not count as others' in `turnTaker`. */
export const backgroundWork = new AsyncLocalStorage<true>();

/** Quiet time after the last query before background work goes: longer than a request's pause between its queries. */
const QUIET_MS = 15;
/** The longest background work waits for quiet, so that a steady stream of requests cannot stop a run. */
const MAX_WAIT_MS = 250;

/**
 * PGlite is one connection whose statements run on this process's only thread: while a statement of a billing batch
 * runs, no request is even accepted, and PGlite's queue serves whoever asked first. A request that makes three
 * queries (session, list, count) would wait for a batch three times over. So the client counts the queries of
 * everything else in flight, and background work goes only once they have drained and nothing new came for
 * QUIET_MS (or after MAX_WAIT_MS at most); its own queries, run inside `backgroundWork`, are not counted. With batches small enough to last well under a second, a request waits
 * at most for the one statement already running.
 */
function turnTaker(client: PGlite): () => Promise<void> {
  let pending = 0;
  let lastDone = 0;
  const track =
    <A extends unknown[], R>(fn: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> => {
      if (backgroundWork.getStore()) return fn(...a);
      pending++;
      return fn(...a).finally(() => {
        pending--;
        lastDone = performance.now();
      });
    };
  const c = client as unknown as Record<
    'query' | 'exec' | 'transaction',
    (...a: unknown[]) => Promise<unknown>
  >;
  for (const m of ['query', 'exec', 'transaction'] as const) c[m] = track(c[m]!.bind(client));
  const nextLoop = () => new Promise((r) => setImmediate(r));
  return async () => {
    // PGlite's promises settle as microtasks: a run that never waits for a timer or I/O never lets the event loop
    // read a socket, and requests are not even seen (the 33 s freeze). Two hops put a whole poll phase (incoming
    // requests read, their first queries issued) before the check below.
    await nextLoop();
    await nextLoop();
    const start = performance.now();
    for (;;) {
      const now = performance.now();
      if (now - start >= MAX_WAIT_MS) return;
      if (pending === 0 && now - lastDone >= QUIET_MS) return;
      await new Promise((r) => setTimeout(r, pending === 0 ? QUIET_MS - (now - lastDone) : 2));
    }
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migratePg(database.db as never, { migrationsFolder });
  }
}
