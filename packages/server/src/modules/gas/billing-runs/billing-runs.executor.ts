import { and, eq, like, sql } from 'drizzle-orm';
import { backgroundWork, type Database, type Db } from '../../../db/client.ts';
import { billingRuns, customers } from '../../../db/schema.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { buildPlanContext } from './context.ts';
import type { PlanContext } from './engine.plan.ts';
import { prepareBatch, writeBatch, type BatchOutcome, type PreparedBatch } from './engine.ts';

// Executes a billing run (G-6.2.3). The accounts are cut into shards by id; each shard is billed in batches in id
// order by its own loop, and the shards run at once on a database server (PGlite has one connection: one shard).
// Each batch commits its bills, notices and ledger entries together with its shard's cursor and the run's counters,
// so a run that stops resumes after each shard's last committed batch, and `bills_regular_uq` keeps exactly one
// bill per account and period whatever happens. While a batch is written, the shard's next batch is loaded and
// planned on another connection (reads only), so loading and writing overlap.

// Larger batches spread the per-statement cost (planning the load and write statements, the reference checks, the
// commit) over more accounts; 5,000 accounts are a few megabytes of JSON.
export const BATCH_SIZE = 5000;
// On PGlite a statement runs on the server's only thread and holds its only connection: a 5,000-account batch held
// both for 1.5–2 s, and every request waited (issue 12). 500 accounts load and write in well under 200 ms each, and
// the run gives way to requests before each (`Database.backgroundTurn`). Measured in bench/pglite-responsiveness.
export const PGLITE_BATCH_SIZE = 500;
const SAMPLE_LIMIT = 100;

export type RunRow = typeof billingRuns.$inferSelect;

/** A shard of a run: the accounts with id ≤ `upTo` (all remaining for the last), billed up to `cursor`. */
export interface Shard {
  upTo: string | null;
  cursor: string | null;
  done?: boolean;
}

export interface RunSummary {
  shards?: Shard[];
  reasons?: Record<string, number>;
  samples?: BatchOutcome['samples'];
  corrected?: number;
  batches?: number;
  [k: string]: unknown;
}

/** Test and benchmark hooks: `afterBatch` may throw to simulate a crash after a committed batch. */
export interface RunHooks {
  afterBatch?: (batch: number, run: RunRow) => void | Promise<void>;
  onProgress?: (run: RunRow) => void;
  batchSize?: number;
  /** Shards billed at once; by default 2 on a database server, 1 on PGlite. */
  workers?: number;
  /**
   * Give way to other requests between statements (PGlite's default): load and write a batch in turns, no prefetch.
   * false = the server's pipeline (the next batch loaded during the write), for comparison in the benchmark.
   */
  yieldTurns?: boolean;
}

/** Another executor committed this shard's batch first: the batch is rolled back and the shard re-read. */
class ShardMoved extends Error {}

export async function executeRun(app: AppContext, runId: string, hooks: RunHooks = {}): Promise<RunRow> {
  const { db } = app.database;
  let run = await getRun(db, runId);
  if (run.status === 'done') return run;
  const plan = await buildPlanContext(app, {
    enterpriseId: run.enterpriseId,
    period: run.period,
    runId: run.id,
    actorId: run.startedBy,
  });
  await db
    .update(billingRuns)
    .set({ status: 'running', error: null, startedAt: run.startedAt ?? app.now() })
    .where(eq(billingRuns.id, runId));
  const workers = Math.max(1, hooks.workers ?? (app.database.engine === 'postgres' ? 2 : 1));
  const shards = await ensureShards(db, run, workers);
  const state = { batch: 0, failed: null as unknown };
  const results = await backgroundWork.run(true, () =>
    Promise.allSettled(shards.map((s, i) => billShard(app.database, plan, runId, i, s, hooks, state))),
  );
  const failure = results.find((r) => r.status === 'rejected');
  if (failure) {
    const err = (failure as PromiseRejectedResult).reason as unknown;
    const message = err instanceof Error ? err.message : String(err);
    await db
      .update(billingRuns)
      .set({ status: 'failed', error: message.slice(0, 2000) })
      .where(eq(billingRuns.id, runId));
    throw err;
  }
  run = await finish(app, runId);
  hooks.onProgress?.(run);
  return run;
}

/** The run's shards, cut once (at the first execution) at the id quantiles of its accounts. */
async function ensureShards(db: Db, run: RunRow, workers: number): Promise<Shard[]> {
  const existing = (run.summary as RunSummary | null)?.shards;
  if (existing) return existing;
  const legacyCursor = ((run.summary ?? {}) as { cursor?: string | null }).cursor ?? null;
  const shards: Shard[] = [];
  if (legacyCursor || workers === 1 || run.total < workers * 2) {
    shards.push({ upTo: null, cursor: legacyCursor });
  } else {
    let from: string | null = null;
    for (let k = 1; k < workers; k++) {
      const [cut] = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.enterpriseId, run.enterpriseId), like(customers.kind, 'pipeline%')))
        .orderBy(customers.id)
        .offset(Math.floor((run.total * k) / workers))
        .limit(1);
      if (!cut) break;
      shards.push({ upTo: cut.id, cursor: from });
      from = cut.id;
    }
    shards.push({ upTo: null, cursor: from });
  }
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(billingRuns)
      .where(eq(billingRuns.id, run.id))
      .for('no key update');
    const summary = (locked!.summary ?? {}) as RunSummary;
    if (summary.shards) return summary.shards;
    await tx
      .update(billingRuns)
      .set({ summary: { ...summary, shards } })
      .where(eq(billingRuns.id, run.id));
    return shards;
  });
}

async function billShard(
  database: Database,
  plan: PlanContext,
  runId: string,
  index: number,
  start: Shard,
  hooks: RunHooks,
  state: { batch: number; failed: unknown },
): Promise<void> {
  const { db } = database;
  const turns = hooks.yieldTurns ?? database.engine === 'pglite';
  const limit = hooks.batchSize ?? (database.engine === 'pglite' ? PGLITE_BATCH_SIZE : BATCH_SIZE);
  // The prefetch is awaited before the next transaction opens: on PGlite (one connection) a transaction waiting
  // on a query queued behind it would wait forever.
  const pipe: { ahead: Promise<PreparedBatch | null> | null } = { ahead: null };
  let cursor = start.cursor;
  try {
    for (;;) {
      if (state.failed) throw state.failed;
      let prefetched = pipe.ahead ? await pipe.ahead : null;
      pipe.ahead = null;
      if (turns) {
        // Load, then write, each after the requests waiting for the connection: a request waits for one statement
        // of the run at most. The load is checked against the shard's cursor in the transaction, as a prefetch is.
        await database.backgroundTurn();
        prefetched = await prepareBatch(db, plan, { afterId: cursor, upTo: start.upTo, limit });
        await database.backgroundTurn();
      }
      let step: { row: RunRow; done: boolean };
      try {
        step = await db.transaction(async (tx) => {
          const [current] = await tx.select().from(billingRuns).where(eq(billingRuns.id, runId));
          const shard = ((current!.summary ?? {}) as RunSummary).shards![index]!;
          if (current!.status === 'done' || shard.done) return { row: current!, done: true };
          const prepared =
            prefetched && prefetched.afterId === shard.cursor
              ? prefetched
              : await prepareBatch(tx, plan, { afterId: shard.cursor, upTo: shard.upTo, limit });
          if (prepared.outcome.processed > 0 && !turns) {
            // A failed prefetch is not an error of the run: the batch is then loaded inside its transaction.
            pipe.ahead = prepareBatch(db, plan, {
              afterId: prepared.outcome.lastId,
              upTo: shard.upTo,
              limit,
            }).catch(() => null);
          }
          const out = await writeBatch(tx, plan, prepared);
          return { row: await record(tx, runId, index, shard.cursor, out), done: out.processed === 0 };
        });
      } catch (err) {
        if (err instanceof ShardMoved) continue;
        throw err;
      }
      hooks.onProgress?.(step.row);
      if (step.done) return;
      cursor = ((step.row.summary ?? {}) as RunSummary).shards![index]!.cursor;
      state.batch++;
      await hooks.afterBatch?.(state.batch, step.row);
    }
  } catch (err) {
    state.failed ??= err;
    throw err;
  }
}

/**
 * Adds a written batch to the run: the shard's cursor and the counters. The run row is locked only here, at the
 * end of the batch (NO KEY UPDATE: the bills' foreign key to the run takes KEY SHARE, which it must not wait for).
 */
async function record(
  tx: Db,
  runId: string,
  index: number,
  expectedCursor: string | null,
  out: BatchOutcome,
): Promise<RunRow> {
  const [locked] = await tx.select().from(billingRuns).where(eq(billingRuns.id, runId)).for('no key update');
  const summary = (locked!.summary ?? {}) as RunSummary;
  const shards = [...summary.shards!];
  if (shards[index]!.cursor !== expectedCursor) throw new ShardMoved();
  const done = out.processed === 0;
  shards[index] = {
    ...shards[index]!,
    cursor: out.lastId ?? expectedCursor,
    ...(done ? { done: true } : {}),
  };
  const next: RunSummary = {
    ...summary,
    shards,
    reasons: merge(summary.reasons ?? {}, out.reasons),
    samples: [...(summary.samples ?? []), ...out.samples].slice(0, SAMPLE_LIMIT),
    corrected: (summary.corrected ?? 0) + out.corrected,
    batches: (summary.batches ?? 0) + (done ? 0 : 1),
  };
  const [row] = await tx
    .update(billingRuns)
    .set({
      processed: sql`${billingRuns.processed} + ${out.processed}`,
      billed: sql`${billingRuns.billed} + ${out.billed}`,
      estimated: sql`${billingRuns.estimated} + ${out.estimated}`,
      skipped: sql`${billingRuns.skipped} + ${out.skipped}`,
      summary: next,
    })
    .where(eq(billingRuns.id, runId))
    .returning();
  return row!;
}

/** Every shard is done: the run is done, once, with its audit event. */
async function finish(app: AppContext, runId: string): Promise<RunRow> {
  return app.database.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(billingRuns)
      .where(eq(billingRuns.id, runId))
      .for('no key update');
    if (locked!.status === 'done') return locked!;
    const [row] = await tx
      .update(billingRuns)
      .set({ status: 'done', finishedAt: app.now() })
      .where(eq(billingRuns.id, runId))
      .returning();
    await appendAudit(tx, {
      actor: null,
      enterpriseId: row!.enterpriseId,
      action: 'billing_run.done',
      entity: 'billing_run',
      entityId: runId,
      after: {
        billed: row!.billed,
        estimated: row!.estimated,
        skipped: row!.skipped,
        reasons: (row!.summary as RunSummary).reasons ?? {},
      },
    });
    return row!;
  });
}

async function getRun(db: Db, id: string): Promise<RunRow> {
  const [run] = await db.select().from(billingRuns).where(eq(billingRuns.id, id));
  if (!run) throw notFound('billing run');
  return run;
}

function merge(a: Record<string, number>, b: Record<string, number | undefined>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + (v ?? 0);
  return out;
}
