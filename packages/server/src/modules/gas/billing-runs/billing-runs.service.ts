import { domainError, parseBillingMonth } from '@ranre/domain';
import { and, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { billingRuns, customers } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { buildPlanContext, loadEnterprise } from './context.ts';
import {
  BATCH_SIZE,
  executeRun,
  type RunHooks,
  type RunRow,
  type RunSummary,
} from './billing-runs.executor.ts';

// A billing run (G-6.2.3 cycle) over every pipeline account of an enterprise for one month: created here (one
// active run per enterprise and period, every notice field checked first), executed by billing-runs.executor.ts.

export { BATCH_SIZE, type RunHooks, type RunRow, type RunSummary };

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

  /** Runs (or resumes) a run to the end (billing-runs.executor.ts). Safe to call twice. */
  async execute(runId: string, hooks: RunHooks = {}): Promise<RunRow> {
    return executeRun(this.ctx, runId, hooks);
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
