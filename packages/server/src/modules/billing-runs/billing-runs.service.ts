import { domainError, parseBillingMonth } from '@ranre/domain';
import { and, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { billingRuns, customers } from '../../db/schema.ts';
import type { Actor, AppContext } from '../../http/context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { enterpriseScope } from '../../http/guard.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { buildPlanContext, loadEnterprise } from './context.ts';
import { billBatch, type BatchOutcome } from './engine.ts';

// A billing run (G-6.2.3 cycle) over every pipeline account of an enterprise for one month. Accounts are billed in
// batches in id order; each batch commits its bills, notices and ledger entries together with the run's counters and
// cursor, so a run that stops (crash, restart) resumes after the last committed batch, and the unique constraint
// `bills_regular_uq` keeps exactly one bill per account and period whatever happens.

export const BATCH_SIZE = 5000;
const SAMPLE_LIMIT = 100;

export type RunRow = typeof billingRuns.$inferSelect;
export interface RunSummary {
  cursor?: string | null;
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
}

type Dispatch = (runId: string) => Promise<void>;
let dispatcher: Dispatch | null = null;

/** The job runner installs itself here; without one (JOBS=off) a run executes in this process in the background. */
export function setRunDispatcher(d: Dispatch | null): void {
  dispatcher = d;
}

export class BillingRunService {
  constructor(private readonly ctx: AppContext) {}

  async start(actor: Actor, input: { period: string; enterpriseId?: string }): Promise<RunRow> {
    const enterpriseId = this.writableEnterprise(actor, input.enterpriseId);
    const run = await this.create(enterpriseId, input.period, actor);
    if (dispatcher) await dispatcher(run.id);
    else void this.execute(run.id).catch(() => undefined);
    return run;
  }

  /** Creates the run row (queued) after checking the period and that every notice can be complete (G-6.2.7). */
  async create(enterpriseId: string, period: string, actor: Actor | null): Promise<RunRow> {
    const month = parseBillingMonth(period);
    const enterprise = await loadEnterprise(this.ctx.database.db, enterpriseId);
    await buildPlanContext(this.ctx, { enterpriseId, period, runId: null, actorId: null });
    const { db } = this.ctx.database;
    return db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'billing-run:' + enterpriseId}))`);
      const [active] = await tx
        .select({ id: billingRuns.id })
        .from(billingRuns)
        .where(
          and(
            eq(billingRuns.enterpriseId, enterpriseId),
            eq(billingRuns.period, period),
            inArray(billingRuns.status, ['queued', 'running']),
          ),
        );
      if (active) {
        throw domainError(
          'BILLING_RUN_IN_PROGRESS',
          `${enterprise.name} ${period} 的计费批次正在进行，请等待其完成。`,
          `A billing run for ${period} is already in progress for ${enterprise.name}; wait for it to finish.`,
          { runId: active.id },
        );
      }
      const [{ n }] = (await tx
        .select({ n: count() })
        .from(customers)
        .where(and(eq(customers.enterpriseId, enterpriseId), like(customers.kind, 'pipeline%')))) as [
        { n: number },
      ];
      const [run] = await tx
        .insert(billingRuns)
        .values({
          enterpriseId,
          sector: 'gas',
          period,
          periodFrom: month.from,
          periodTo: month.to,
          total: Number(n),
          startedBy: actor?.id ?? null,
        })
        .returning();
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'billing_run.create',
        entity: 'billing_run',
        entityId: run!.id,
        after: { period, total: Number(n) },
      });
      return run!;
    });
  }

  /** Runs (or resumes) a run to the end. Safe to call twice: each batch locks the run row and reads its cursor. */
  async execute(runId: string, hooks: RunHooks = {}): Promise<RunRow> {
    const { db } = this.ctx.database;
    let run = await this.get(runId);
    if (run.status === 'done') return run;
    const plan = await buildPlanContext(this.ctx, {
      enterpriseId: run.enterpriseId,
      period: run.period,
      runId: run.id,
      actorId: run.startedBy,
    });
    await db
      .update(billingRuns)
      .set({ status: 'running', error: null, startedAt: run.startedAt ?? this.ctx.now() })
      .where(eq(billingRuns.id, runId));
    let batch = 0;
    try {
      for (;;) {
        const step = await db.transaction(async (tx) => {
          const [locked] = await tx.select().from(billingRuns).where(eq(billingRuns.id, runId)).for('update');
          const summary = (locked!.summary ?? {}) as RunSummary;
          if (locked!.status === 'done') return { row: locked!, done: true };
          const out = await billBatch(tx, plan, {
            afterId: summary.cursor ?? null,
            limit: hooks.batchSize ?? BATCH_SIZE,
          });
          const done = out.processed === 0;
          const next: RunSummary = {
            ...summary,
            cursor: out.lastId ?? summary.cursor ?? null,
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
              ...(done ? { status: 'done', finishedAt: this.ctx.now() } : {}),
            })
            .where(eq(billingRuns.id, runId))
            .returning();
          if (done) {
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
                reasons: next.reasons,
              },
            });
          }
          return { row: row!, done };
        });
        run = step.row;
        hooks.onProgress?.(run);
        if (step.done) return run;
        batch++;
        await hooks.afterBatch?.(batch, run);
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await db
        .update(billingRuns)
        .set({ status: 'failed', error: message.slice(0, 2000) })
        .where(eq(billingRuns.id, runId));
      throw err;
    }
  }

  /** A failed or interrupted run continues after its last committed batch. */
  async resume(actor: Actor, id: string): Promise<RunRow> {
    const run = await this.read(actor, id);
    this.writableEnterprise(actor, run.enterpriseId);
    if (run.status === 'done') return run;
    await appendAudit(this.ctx.database.db, {
      actor,
      enterpriseId: run.enterpriseId,
      action: 'billing_run.resume',
      entity: 'billing_run',
      entityId: run.id,
    });
    if (dispatcher) await dispatcher(run.id);
    else void this.execute(run.id).catch(() => undefined);
    return run;
  }

  async get(id: string): Promise<RunRow> {
    const [run] = await this.ctx.database.db.select().from(billingRuns).where(eq(billingRuns.id, id));
    if (!run) throw notFound('billing run');
    return run;
  }

  async read(actor: Actor, id: string): Promise<RunRow> {
    const run = await this.get(id);
    const scope = enterpriseScope(actor);
    if (scope && scope !== run.enterpriseId) throw notFound('billing run');
    return run;
  }

  async list(actor: Actor, q: { enterpriseId?: string | undefined; limit: number }): Promise<RunRow[]> {
    const scope = enterpriseScope(actor, q.enterpriseId);
    return this.ctx.database.db
      .select()
      .from(billingRuns)
      .where(scope ? eq(billingRuns.enterpriseId, scope) : undefined)
      .orderBy(desc(billingRuns.createdAt))
      .limit(q.limit);
  }

  private writableEnterprise(actor: Actor, requested?: string): string {
    if (actor.role === 'regulator') throw forbidden();
    if (requested && requested !== actor.enterpriseId) throw forbidden();
    return actor.enterpriseId;
  }
}

function merge(a: Record<string, number>, b: Record<string, number | undefined>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + (v ?? 0);
  return out;
}
