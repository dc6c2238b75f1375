import type { AppContext } from '../../../core/context.ts';
import type { JobRunner } from '../../../jobs/runner.ts';
import { pruneChanges } from './read-cache.repository.ts';

export const READ_CACHE_PRUNE_JOB = 'read-cache-prune';

/** Changes are kept twice the longest time to live the configuration allows (a minute): no answer outlives them. */
export const CHANGES_KEPT_SECONDS = 120;

/** Every minute: the changes no cached answer can be asked about any more are forgotten. */
export async function registerReadCacheJobs(runner: JobRunner, ctx: AppContext): Promise<void> {
  await runner.register(
    READ_CACHE_PRUNE_JOB,
    async () => void (await pruneChanges(ctx.database.db, CHANGES_KEPT_SECONDS)),
    '* * * * *',
  );
}
