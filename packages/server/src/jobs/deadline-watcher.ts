import { formatDue, formatMinutes, type Messages, type WorkCalendar } from '@ranre/domain';
import { and, asc, inArray } from 'drizzle-orm';
import type { Database, Db } from '../db/client.ts';
import { clockAlerts, workOrders } from '../db/schema.ts';
import type { AppContext } from '../core/context.ts';
import { clockLabel, storeOrderClocks, type ClockRow } from '../modules/service/workorders/order-clocks.ts';
import { toLogEntry } from '../modules/service/workorders/order-log.ts';
import * as repo from '../modules/service/workorders/workorders.repository.ts';
import type { JobRunner } from './runner.ts';
import { registerBillingJobs } from './notification-sender.ts';
import { registerBillingRunJobs } from '../modules/gas/billing-runs/billing-runs.job.ts';
import { registerReadCacheJobs } from '../modules/platform/read-cache/read-cache.job.ts';
import { NOTICE_OVERRUN_JOB, runNoticeOverruns } from '../modules/service/notices/overrun.job.ts';
import { HEATING_REMINDER_JOB, runHeatingReminders } from '../modules/heating/bills/reminders.service.ts';
import { READINESS_WATCHER_JOB, runReadinessWatcher } from '../modules/emergency/readiness/watcher.job.ts';
import { DISPENSER_WATCHER_JOB, runDispenserWatcher } from '../modules/gas/dispensers/watcher.job.ts';
import { HAZARD_WATCHER_JOB, runHazardWatcher } from '../modules/gas/hazards/hazard-watcher.job.ts';
import { CLOCK_FOLD_JOB, runClockFold } from '../modules/oversight/evaluation/clock-fold.job.ts';

// The deadline watcher (H-7.3.5, G-4.2.4): every minute it re-evaluates the clocks of every open order through
// the deadline engine (so the working calendar decides every due), stores the outcomes — a clock past its due
// becomes breached and its order `breached` — and raises a warning before and an escalation after the due.
// The unique key (order, clock, kind, due) on clock_alerts makes each alert happen once, however often it runs;
// a new due (an extension, an agreed time) may warn again.

export const DEADLINE_WATCHER_JOB = 'deadline-watcher';
const BATCH = 100;
/** Clocks shorter than this are "short": they warn at 30 min left (at most half the clock), not at 20 %. */
const SHORT_CLOCK_MINUTES = 150;

export interface WatchResult {
  orders: number;
  warnings: number;
  breaches: number;
}

type Deps = { database: Database; calendar: { current(): Promise<WorkCalendar> } };

/** Minutes left at which a running clock of `span` minutes warns: 20 %, or 30 min (≤ half) for short clocks. */
export function warningThreshold(span: number): number {
  return span < SHORT_CLOCK_MINUTES ? Math.min(30, span / 2) : span * 0.2;
}

/** One pass over the open orders as of `now`; callable directly (tests, CLI) with any `now`. */
export async function runDeadlineWatcher(deps: Deps, now: Date): Promise<WatchResult> {
  const calendar = await deps.calendar.current();
  const { db } = deps.database;
  const open = await db
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(repo.isOpen())
    .orderBy(asc(workOrders.id));
  const result: WatchResult = { orders: 0, warnings: 0, breaches: 0 };
  for (let i = 0; i < open.length; i += BATCH) {
    const ids = open.slice(i, i + BATCH).map((r) => r.id);
    const batch = await db.transaction((tx) => watchBatch(tx, ids, now, calendar));
    result.orders += batch.orders;
    result.warnings += batch.warnings;
    result.breaches += batch.breaches;
  }
  return result;
}

async function watchBatch(tx: Db, ids: string[], now: Date, calendar: WorkCalendar): Promise<WatchResult> {
  // An order being written right now is skipped: its writer evaluates its clocks, and the next pass sees it.
  const orders = await tx
    .select()
    .from(workOrders)
    .where(and(inArray(workOrders.id, ids), repo.isOpen()))
    .for('update', { skipLocked: true });
  const events = await repo.listEventsOf(
    tx,
    orders.map((o) => o.id),
  );
  const result: WatchResult = { orders: orders.length, warnings: 0, breaches: 0 };
  for (const order of orders) {
    const log = events.filter((e) => e.orderId === order.id).map((e) => toLogEntry(e).event);
    const stored = await storeOrderClocks(tx, order, log, now, calendar);
    if (
      stored.breached !== order.breached ||
      (stored.nextDueAt?.getTime() ?? null) !== (order.nextDueAt?.getTime() ?? null)
    ) {
      await repo.updateOrderClockFields(tx, order.id, {
        nextDueAt: stored.nextDueAt,
        breached: stored.breached,
      });
    }
    const alerts = stored.rows.flatMap((c) => alertsFor(order, c, now));
    if (alerts.length === 0) continue;
    const inserted = await tx
      .insert(clockAlerts)
      .values(alerts)
      .onConflictDoNothing()
      .returning({ kind: clockAlerts.kind });
    result.warnings += inserted.filter((a) => a.kind === 'warning').length;
    result.breaches += inserted.filter((a) => a.kind === 'breach').length;
  }
  return result;
}

type OrderRow = typeof workOrders.$inferSelect;

function alertsFor(order: OrderRow, c: ClockRow, now: Date): (typeof clockAlerts.$inferInsert)[] {
  if (c.stoppedAt || !c.dueAt) return [];
  const label = clockLabel(order.itemCode, c.name);
  const base = { enterpriseId: order.enterpriseId, orderId: order.id, clock: c.name, createdAt: now };
  if (c.state === 'breached') {
    const due = c.breachedAt ?? c.dueAt;
    return [
      { ...base, kind: 'breach', dueAt: due, message: breachMessage(order.orderNo, label, c.clause, due) },
    ];
  }
  if (c.state !== 'running' || c.marginMinutes === null || c.minutesUsed === null) return [];
  const span = c.minutesUsed + c.marginMinutes;
  if (c.marginMinutes < 0 || c.marginMinutes > warningThreshold(span)) return [];
  return [
    {
      ...base,
      kind: 'warning',
      dueAt: c.dueAt,
      message: warningMessage(order.orderNo, label, c.clause, c.dueAt, c.marginMinutes),
    },
  ];
}

function warningMessage(orderNo: string, label: Messages, clause: string, due: Date, left: number): Messages {
  const remaining = formatMinutes(left);
  return {
    zh: `工单 ${orderNo}「${label.zh}」（${clause}）将于 ${formatDue(due)} 到期，剩余 ${remaining.zh}，请尽快处理。`,
    en: `Work order ${orderNo}: "${label.en}" (${clause}) is due ${formatDue(due)}, ${remaining.en} left; act now.`,
  };
}

function breachMessage(orderNo: string, label: Messages, clause: string, due: Date): Messages {
  return {
    zh: `工单 ${orderNo}「${label.zh}」（${clause}）已于 ${formatDue(due)} 逾期，已升级督办，请立即处理。`,
    en: `Work order ${orderNo}: "${label.en}" (${clause}) breached its due ${formatDue(due)}; escalated — act at once.`,
  };
}

/** Registers the watcher with the job runner: every minute, Asia/Shanghai. */
export async function registerJobs(runner: JobRunner, ctx: AppContext): Promise<void> {
  await runner.register(
    DEADLINE_WATCHER_JOB,
    async () => {
      await runDeadlineWatcher(ctx, ctx.now());
    },
    '* * * * *',
  );
  // H-6.4.5, G-6.2.12 e: interruptions past their expected restore are told to the households again, once.
  await runner.register(
    NOTICE_OVERRUN_JOB,
    async () => void (await runNoticeOverruns(ctx, ctx.now())),
    '* * * * *',
  );
  // G-6.2.9: overdue reminders daily, and the outbox sender that delivers every queued message.
  await registerBillingJobs(runner, ctx);
  // G-6.2.3: billing runs over a whole cycle, resumed after a restart.
  await registerBillingRunJobs(runner, ctx);
  // H-7.2.2: heating reminders on each enterprise's schedule (deduplicated per bill and number), early rewards.
  await runner.register(
    HEATING_REMINDER_JOB,
    async () => void (await runHeatingReminders(ctx, ctx.now())),
    '17 * * * *',
  );
  // G-4.2.2, G-5.12.2–G-5.12.5, H-6.4.3: roster gaps ahead, plan reviews and yearly drills, alerted once each.
  await runner.register(
    READINESS_WATCHER_JOB,
    async () => void (await runReadinessWatcher(ctx, ctx.now())),
    // Minute 3, 13, …: apart from the hazard watcher, so on the embedded database's one connection they take turns.
    '3-59/10 * * * *',
  );
  // G-8.1.2: dispensers whose metrological verification falls due within 30 days or is overdue, alerted once each.
  await runner.register(
    DISPENSER_WATCHER_JOB,
    async () => void (await runDispenserWatcher(ctx, ctx.now())),
    '7 * * * *',
  );
  // G-5.11.6: an open hazard past its deadline raises one alert.
  await runner.register(
    HAZARD_WATCHER_JOB,
    async () => void (await runHazardWatcher(ctx, ctx.now())),
    '6-59/10 * * * *',
  );
  // Issue 14: the clock indicators' per-day counts take in the last minute's changes.
  await runner.register(CLOCK_FOLD_JOB, async () => void (await runClockFold(ctx)), '* * * * *');
  // Issue 21: the read cache's noted changes, pruned.
  await registerReadCacheJobs(runner, ctx);
}
