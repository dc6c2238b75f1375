import type { WorkCalendar, WorkOrderEvent } from '@ranre/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { workOrderClocks, workOrders } from '../../../db/schema.ts';
import { clockLabel, storeOrderClocks } from './order-clocks.ts';
import { eventRow, type EventActor } from './order-write.ts';
import { toLogEntry } from './order-log.ts';
import * as repo from './workorders.repository.ts';

// When a year's holiday notice is imported, the open orders whose clocks were counted on the provisional calendar
// are evaluated again on the new one (G-5.7.2 and every other working-day limit). Each due that moved is appended
// to the order's history as a `due_recalculated` event with the old and the new due, so an agent can tell the
// customer why. A breached clock stays breached (storeOrderClocks never undoes a breach).

export interface MovedDue {
  orderId: string;
  orderNo: string;
  enterpriseId: string;
  clock: string;
  clause: string;
  label: { zh: string; en: string };
  previousDue: string;
  newDue: string;
}

/** The actor an import without a signed-in user (the CLI) records events as. */
export const CALENDAR_IMPORT_ACTOR: EventActor = {
  id: '',
  displayName: '系统（导入放假通知）',
  role: 'regulator',
};

export async function recalculateProvisionalDues(
  tx: Db,
  calendar: WorkCalendar,
  year: number,
  actor: EventActor,
  now: Date,
): Promise<MovedDue[]> {
  const candidates = await tx
    .selectDistinct({ id: workOrderClocks.orderId })
    .from(workOrderClocks)
    .innerJoin(workOrders, eq(workOrders.id, workOrderClocks.orderId))
    .where(and(eq(workOrderClocks.provisional, true), repo.isOpen()))
    .orderBy(asc(workOrderClocks.orderId));
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.id);
  const orders = await tx.select().from(workOrders).where(inArray(workOrders.id, ids)).for('update');
  const [events, before] = await Promise.all([repo.listEventsOf(tx, ids), repo.clocksOf(tx, ids)]);
  const moved: MovedDue[] = [];
  for (const order of orders) {
    const log = events.filter((e) => e.orderId === order.id).map((e) => toLogEntry(e).event);
    const stored = await storeOrderClocks(tx, order, log, now, calendar);
    const changes = stored.rows.flatMap((after) => {
      const old = before.find((b) => b.orderId === order.id && b.name === after.name);
      if (!old?.dueAt || !after.dueAt || old.dueAt.getTime() === after.dueAt.getTime()) return [];
      return [{ old: old.dueAt, after }];
    });
    if (changes.length > 0) {
      const rows = changes.map(({ old, after }) =>
        eventRow(order, dueEvent(after.name, after.clause, old, after.dueAt!, year, actor, now), actor, now),
      );
      await repo.insertEvents(tx, rows);
      await repo.updateOrderClockFields(tx, order.id, {
        nextDueAt: stored.nextDueAt,
        breached: stored.breached,
      });
    }
    for (const { old, after } of changes) {
      moved.push({
        orderId: order.id,
        orderNo: order.orderNo,
        enterpriseId: order.enterpriseId,
        clock: after.name,
        clause: after.clause,
        label: clockLabel(order.itemCode, after.name),
        previousDue: old.toISOString(),
        newDue: after.dueAt!.toISOString(),
      });
    }
  }
  return moved;
}

function dueEvent(
  clock: string,
  clause: string,
  previousDue: Date,
  newDue: Date,
  year: number,
  actor: EventActor,
  at: Date,
): WorkOrderEvent {
  return {
    type: 'due_recalculated',
    at,
    by: actor.id || 'system',
    clock,
    clause,
    previousDue,
    newDue,
    year,
    why: {
      zh: `${year} 年国务院放假通知已导入，原按放假办法暂定的时限（${clause}）按通知重新计算。`,
      en: `The State Council holiday notice for ${year} was imported; the provisional due (${clause}) was computed again from it.`,
    },
  };
}
