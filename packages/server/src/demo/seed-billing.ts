import { addDays, buildCalendar, parseBillingMonth, toShanghaiDate, type DateString } from '@ranre/domain';
import { eq, sql } from 'drizzle-orm';
import { assertNoticeBaseComplete, noticeBaseOf } from '../modules/gas/billing-runs/context.ts';
import { billBatch } from '../modules/gas/billing-runs/engine.ts';
import type { PlanContext } from '../modules/gas/billing-runs/engine.plan.ts';
import { loadSchedules } from '../modules/gas/billing-runs/engine.repository.ts';
import { packagedCalendarData } from '../modules/platform/calendar/base-data.ts';
import type { Db } from '../db/client.ts';
import type { MeteringSeedResult } from './seed-metering.ts';
import { billingRuns, customers, enterprises } from '../db/schema.ts';
import { uuidv7 } from '../db/ids.ts';

// Demo bills (issue 4): each month of the metering seed's year is billed through the billing engine itself, as a
// finished billing run per month, with notices — so the screens show price changes split inside a month, tier
// crossings, estimated bills and the correction documents that settle them (G-6.2.4, G-6.2.5). The current month is
// left unbilled for a clerk to run from the screen. Notices are dated the day after the month's reading.

const BATCH = 1000;

export async function seedBilling(tx: Db, metering: MeteringSeedResult, now: Date) {
  const today = toShanghaiDate(now);
  const calendar = buildCalendar(packagedCalendarData(), []);
  let bills = 0;
  for (const m of metering.enterprises) {
    const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, m.enterpriseId));
    if (!e || m.periods.length === 0) continue;
    const base = noticeBaseOf(e);
    assertNoticeBaseComplete(base);
    const { byClass, tierYearStartMonth } = await loadSchedules(tx, e.id);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(sql`${customers.enterpriseId} = ${e.id} and ${customers.kind} like 'pipeline%'`);
    for (const period of m.periods) {
      if (period >= today.slice(0, 7)) continue;
      const month = parseBillingMonth(period);
      const readOn = m.readDates.find((d) => d.startsWith(period)) ?? month.to;
      const issuedOn = (readOn < today ? addDays(readOn, 1) : today) as DateString;
      const at = new Date(`${issuedOn}T02:00:00Z`);
      const [run] = await tx
        .insert(billingRuns)
        .values({
          enterpriseId: e.id,
          sector: 'gas',
          period,
          periodFrom: month.from,
          periodTo: month.to,
          status: 'running',
          total: count?.n ?? 0,
          startedAt: at,
          createdAt: at,
        })
        .returning();
      const ctx: PlanContext = {
        enterpriseId: e.id,
        period,
        monthFrom: month.from,
        to: month.to,
        issuedOn,
        calendar,
        schedulesByClass: byClass,
        tierYearStartMonth,
        noticeBase: base,
        runId: run!.id,
        actorId: null,
        newId: () => uuidv7(),
        dueCache: new Map(),
        pricers: new Map(),
        ranges: new Map(),
      };
      const totals = { processed: 0, billed: 0, estimated: 0, skipped: 0, corrected: 0 };
      const reasons: Record<string, number> = {};
      const samples: unknown[] = [];
      let cursor: string | null = null;
      for (;;) {
        const out = await billBatch(tx, ctx, { afterId: cursor, limit: BATCH });
        if (out.processed === 0) break;
        cursor = out.lastId;
        totals.processed += out.processed;
        totals.billed += out.billed;
        totals.estimated += out.estimated;
        totals.skipped += out.skipped;
        totals.corrected += out.corrected;
        for (const [k, v] of Object.entries(out.reasons)) reasons[k] = (reasons[k] ?? 0) + (v ?? 0);
        samples.push(...out.samples.slice(0, 100 - samples.length));
      }
      bills += totals.billed + totals.corrected;
      await tx
        .update(billingRuns)
        .set({
          status: 'done',
          processed: totals.processed,
          billed: totals.billed,
          estimated: totals.estimated,
          skipped: totals.skipped,
          summary: { cursor, reasons, samples, corrected: totals.corrected, batches: 1 },
          finishedAt: at,
        })
        .where(eq(billingRuns.id, run!.id));
    }
  }
  return { bills };
}
