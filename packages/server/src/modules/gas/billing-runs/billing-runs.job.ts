import { inArray } from 'drizzle-orm';
import { billingRuns } from '../../../db/schema.ts';
import type { AppContext } from '../../../core/context.ts';
import type { JobRunner } from '../../../jobs/runner.ts';
import { BillingRunService, setRunDispatcher } from './billing-runs.service.ts';

export const BILLING_RUN_JOB = 'billing-run';

/**
 * Billing runs as pg-boss jobs. A run left queued or running by a stopped process is sent again at start-up; it
 * resumes after its last committed batch.
 */
export async function registerBillingRunJobs(runner: JobRunner, ctx: AppContext): Promise<void> {
  const service = new BillingRunService(ctx);
  await runner.register(BILLING_RUN_JOB, async (data) => {
    const { runId } = data as { runId: string };
    await service.execute(runId);
  });
  setRunDispatcher(async (runId) => {
    await runner.send(BILLING_RUN_JOB, { runId });
  });
  const unfinished = await ctx.database.db
    .select({ id: billingRuns.id })
    .from(billingRuns)
    .where(inArray(billingRuns.status, ['queued', 'running']));
  for (const r of unfinished) await runner.send(BILLING_RUN_JOB, { runId: r.id });
}
