import type { Database } from '../../../db/client.ts';
import { foldClockDeltas } from './evaluation.repository.ts';

// Issue 14: the clock indicators' changes, appended by the triggers of migration 0054, folded into the per-day
// counts every minute so a reader sums a few rows per day. A reader is right whether or not the fold has run (it
// sums the days and the deltas in one snapshot); the fold only keeps the deltas few.

export const CLOCK_FOLD_JOB = 'evaluation-clock-fold';
const BATCH = 50_000;
/** One pass stops after this many batches; what is left waits a minute (a bulk import is folded over a few). */
const MAX_BATCHES = 20;

/** Folds the deltas in batches; returns how many were folded. */
export async function runClockFold(deps: { database: Database }): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i++) {
    const moved = await foldClockDeltas(deps.database.db, BATCH);
    total += moved;
    if (moved < BATCH) break;
  }
  return total;
}
