import {
  TERMINAL_STATES,
  catalogueItem,
  evaluateOrderClocks,
  formatDue,
  type ClockResult,
  type Messages,
  type WorkCalendar,
  type WorkOrderEvent,
  type WorkOrderState,
} from '@ranre/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { workOrderClocks } from '../../../db/schema.ts';
import type { TClock, TClockBrief } from './workorders.schemas.ts';

// The clocks of an order: computed by the domain from the order's events (evaluateOrderClocks), stored in
// work_order_clocks for the board and the KPIs. A stored breach is never undone (G-12.4, H-10.5: a late finish
// does not turn a breach green), whatever a later evaluation says.

export type ClockRow = typeof workOrderClocks.$inferSelect;

export interface OrderForClocks {
  id: string;
  enterpriseId: string;
  itemCode: string;
  state: string;
  breached: boolean;
}

export interface StoredClocks {
  rows: ClockRow[];
  /** The soonest due among clocks still ticking (overdue ones included), for the board; null when none. */
  nextDueAt: Date | null;
  breached: boolean;
}

/** Evaluates the order's clocks as of `now` and stores them; returns what was stored. */
export async function storeOrderClocks(
  tx: Db,
  order: OrderForClocks,
  events: readonly WorkOrderEvent[],
  now: Date,
  calendar: WorkCalendar,
): Promise<StoredClocks> {
  const results = evaluateOrderClocks(order.itemCode, events, now, calendar);
  if (results.length === 0) return { rows: [], nextDueAt: null, breached: order.breached };
  const values = results.map((r) => clockValues(order, r, now));
  const t = workOrderClocks;
  const stays = sql`${t.state} = 'breached'`;
  const rows = await tx
    .insert(t)
    .values(values)
    .onConflictDoUpdate({
      target: [t.orderId, t.name],
      set: {
        clause: sql`excluded.clause`,
        state: sql`case when ${stays} then 'breached' else excluded.state end`,
        startedAt: sql`excluded.started_at`,
        dueAt: sql`case when ${stays} then ${t.dueAt} else excluded.due_at end`,
        stoppedAt: sql`excluded.stopped_at`,
        breachedAt: sql`coalesce(${t.breachedAt}, excluded.breached_at)`,
        minutesUsed: sql`excluded.minutes_used`,
        marginMinutes: sql`excluded.margin_minutes`,
        explanation: sql`case when ${stays} and excluded.state <> 'breached' then ${t.explanation} else excluded.explanation end`,
        evaluatedAt: sql`excluded.evaluated_at`,
        provisional: sql`case when ${stays} then ${t.provisional} else excluded.provisional end`,
      },
    })
    .returning();
  const terminal = TERMINAL_STATES.includes(order.state as WorkOrderState);
  return {
    rows,
    nextDueAt: terminal ? null : soonestDue(rows),
    breached: order.breached || rows.some((r) => r.state === 'breached' || r.breachedAt !== null),
  };
}

/**
 * A new order's clocks, evaluated before the order is written (issue 21): its nextDueAt and breached go into the
 * order's insert and the rows go into the same statement (repo.insertIntake), so intake never updates the row it
 * just wrote.
 */
export function newOrderClocks(
  order: Omit<OrderForClocks, 'breached'>,
  events: readonly WorkOrderEvent[],
  now: Date,
  calendar: WorkCalendar,
) {
  const results = evaluateOrderClocks(order.itemCode, events, now, calendar);
  const values = results.map((r) => clockValues({ ...order, breached: false }, r, now));
  const terminal = TERMINAL_STATES.includes(order.state as WorkOrderState);
  const dues = values
    .filter((v) => isTicking({ state: v.state, stoppedAt: v.stoppedAt ?? null, dueAt: v.dueAt ?? null }))
    .map((v) => v.dueAt!.getTime());
  return {
    values,
    nextDueAt: terminal || dues.length === 0 ? null : new Date(Math.min(...dues)),
    breached: values.some((v) => v.state === 'breached' || v.breachedAt),
  };
}

function clockValues(order: OrderForClocks, r: ClockResult, now: Date): typeof workOrderClocks.$inferInsert {
  return {
    orderId: order.id,
    enterpriseId: order.enterpriseId,
    name: r.name,
    clause: r.clause,
    state: r.state,
    startedAt: r.startedAt ?? null,
    dueAt: r.due ?? null,
    stoppedAt: r.stoppedAt ?? null,
    breachedAt: r.breachedAt ?? null,
    minutesUsed: r.state === 'not_started' ? null : r.minutesUsed,
    marginMinutes: r.marginMinutes ?? null,
    explanation: r.explanation,
    evaluatedAt: now,
    provisional: r.provisional ?? false,
  };
}

/** A running clock, or a breached one not yet stopped: it still needs someone to act. Paused clocks wait. */
export const isTicking = (c: { state: string; stoppedAt: Date | null; dueAt: Date | null }) =>
  c.dueAt !== null && c.stoppedAt === null && (c.state === 'running' || c.state === 'breached');

function soonestDue(rows: readonly ClockRow[]): Date | null {
  const dues = rows.filter(isTicking).map((r) => r.dueAt!.getTime());
  return dues.length > 0 ? new Date(Math.min(...dues)) : null;
}

/** The catalogue's words for a clock (what it measures), in the catalogue's order. */
export function clockLabel(itemCode: string, name: string): Messages {
  const clock = catalogueItem(itemCode).clocks.find((c) => c.name === name);
  return clock?.description ?? { zh: name, en: name };
}

/**
 * The domain's explanation opens with the clock's internal name (`response（G-6.2.13）…`); a person reads the
 * catalogue's label there instead. Stored explanations written before are relabelled the same way.
 */
export function labelledExplanation(
  explanation: Messages | null | undefined,
  name: string,
  label: Messages,
): Messages | null {
  if (!explanation) return null;
  const swap = (text: string, to: string) =>
    text.startsWith(name) ? `${to}${text.slice(name.length)}` : text;
  return { zh: swap(explanation.zh, label.zh), en: swap(explanation.en, label.en) };
}

function clockOrder(itemCode: string): string[] {
  return catalogueItem(itemCode).clocks.map((c) => c.name);
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function storedClockView(itemCode: string, r: ClockRow): TClock {
  return {
    name: r.name,
    clause: r.clause,
    state: r.state as TClock['state'],
    label: clockLabel(itemCode, r.name),
    startedAt: iso(r.startedAt),
    dueAt: iso(r.dueAt),
    dueText: r.dueAt ? formatDue(r.dueAt) : null,
    stoppedAt: iso(r.stoppedAt),
    breachedAt: iso(r.breachedAt),
    minutesUsed: r.minutesUsed,
    marginMinutes: r.marginMinutes,
    explanation: labelledExplanation(r.explanation as Messages | null, r.name, clockLabel(itemCode, r.name)),
    provisional: r.provisional,
  };
}

/** A stored clock in a list row: no explanation (the order's detail has it). */
export function clockBriefView(itemCode: string, r: Omit<ClockRow, 'explanation'>): TClockBrief {
  return {
    name: r.name,
    clause: r.clause,
    state: r.state as TClock['state'],
    label: clockLabel(itemCode, r.name),
    startedAt: iso(r.startedAt),
    dueAt: iso(r.dueAt),
    dueText: r.dueAt ? formatDue(r.dueAt) : null,
    stoppedAt: iso(r.stoppedAt),
    breachedAt: iso(r.breachedAt),
    minutesUsed: r.minutesUsed,
    marginMinutes: r.marginMinutes,
    provisional: r.provisional,
  };
}

/** A fresh evaluation, with any breach already on record kept. */
export function liveClockView(itemCode: string, r: ClockResult, stored?: ClockRow): TClock {
  const keptBreach = stored?.state === 'breached' && r.state !== 'breached';
  const due = keptBreach ? stored.dueAt : (r.due ?? null);
  return {
    name: r.name,
    clause: r.clause,
    state: keptBreach ? 'breached' : r.state,
    label: clockLabel(itemCode, r.name),
    startedAt: iso(r.startedAt),
    dueAt: iso(due),
    dueText: due ? formatDue(due) : null,
    stoppedAt: iso(r.stoppedAt),
    breachedAt: iso(r.breachedAt ?? stored?.breachedAt),
    minutesUsed: r.state === 'not_started' ? null : r.minutesUsed,
    marginMinutes: r.marginMinutes ?? null,
    explanation: labelledExplanation(
      keptBreach ? ((stored.explanation as Messages | null) ?? r.explanation) : r.explanation,
      r.name,
      clockLabel(itemCode, r.name),
    ),
    provisional: keptBreach ? stored.provisional : (r.provisional ?? false),
  };
}

export function sortClocks<T extends { name: string }>(itemCode: string, clocks: T[]): T[] {
  const order = clockOrder(itemCode);
  return [...clocks].sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}
