import { assertBillingMonthEnded } from '@ranre/domain';
import { and, eq, inArray, or } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/roles.ts';
import { billingRuns, enterprises } from '../db/schema.ts';
import type { AppContext } from '../core/context.ts';
import {
  BillingRunService,
  type RunRow,
  type RunSummary,
} from '../modules/gas/billing-runs/billing-runs.service.ts';
import { SKIP_REASONS, type SkipReason } from '../modules/gas/billing-runs/engine.plan.ts';
import { CalendarService } from '../modules/platform/calendar/calendar.service.ts';
import { CliError } from './errors.ts';

const USAGE = 'usage: ranre billing run --enterprise <name|id|credit code> --period YYYY-MM';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `ranre billing run`: bills every pipeline account of an enterprise for a month in this process, printing progress
 * and the summary. An unfinished run of the same month (a crash, a stopped server) is resumed, not restarted.
 * With embedded PGlite the server must not be running on the same data folder.
 */
export async function billingCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'run') throw new CliError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: { enterprise: { type: 'string' }, period: { type: 'string' } },
  });
  if (!values.enterprise || !values.period) throw new CliError(USAGE);
  const config = loadConfig();
  const { database } = await openMigratedDatabase(config);
  try {
    const now = () => new Date();
    const ctx: AppContext = { config, database, now, calendar: new CalendarService(database, now) };
    const key = values.enterprise;
    const [ent] = await database.db
      .select()
      .from(enterprises)
      .where(
        UUID.test(key)
          ? eq(enterprises.id, key)
          : or(eq(enterprises.name, key), eq(enterprises.creditCode, key.toUpperCase())),
      );
    if (!ent) throw new CliError(`no enterprise named ${key}`);
    const service = new BillingRunService(ctx);
    const [open] = await database.db
      .select()
      .from(billingRuns)
      .where(
        and(
          eq(billingRuns.enterpriseId, ent.id),
          eq(billingRuns.period, values.period),
          inArray(billingRuns.status, ['queued', 'running', 'failed']),
        ),
      );
    // G-6.2.3: only a month that has ended is billed (the screen's and the API's rule, here too for a new run).
    if (!open) assertBillingMonthEnded(values.period, now());
    const run = open ?? (await service.create(ent.id, values.period, null));
    console.log(
      `${open ? 'resuming' : 'started'} billing run ${run.id}: ${ent.name} ${values.period}, ${run.total} accounts`,
    );
    const started = Date.now();
    const done = await service.execute(run.id, { onProgress: (r) => printProgress(r, started) });
    process.stdout.write('\n');
    printSummary(done, started);
  } finally {
    await database.close();
  }
}

function printProgress(r: RunRow, started: number) {
  const width = 30;
  const share = r.total > 0 ? Math.min(1, r.processed / r.total) : 1;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  const line = `[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${r.processed}/${r.total}  billed ${r.billed}  estimated ${r.estimated}  skipped ${r.skipped}  ${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}`);
  else console.log(line);
}

function printSummary(r: RunRow, started: number) {
  const s = (r.summary ?? {}) as RunSummary;
  console.log(`计费批次完成 / billing run done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    `  processed ${r.processed}  billed ${r.billed}  estimated ${r.estimated}  skipped ${r.skipped}  corrections ${s.corrected ?? 0}`,
  );
  const reasons = Object.entries(s.reasons ?? {});
  if (reasons.length > 0) console.log('  skipped, by reason:');
  for (const [code, n] of reasons) {
    const label = SKIP_REASONS[code as SkipReason];
    console.log(`    ${String(n).padStart(8)}  ${code}  ${label ? `${label.zh} / ${label.en}` : ''}`);
  }
}
