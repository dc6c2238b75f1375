import type { Messages } from '@ranre/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { clockAlerts, workOrders } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { visibleOrders } from '../workorders/access.ts';
import { clockLabel } from '../workorders/order-clocks.ts';

// The deadline watcher's warnings and escalations (jobs/deadline-watcher.ts), read under the same scope as
// the orders they are about, and acknowledged by whoever deals with them.

export interface AlertView {
  id: number;
  orderId: string;
  orderNo: string;
  clock: string;
  clockLabel: Messages;
  kind: 'warning' | 'breach';
  dueAt: string;
  messages: Messages;
  createdAt: string;
  acknowledgedAt: string | null;
}

const columns = {
  id: clockAlerts.id,
  orderId: clockAlerts.orderId,
  orderNo: workOrders.orderNo,
  itemCode: workOrders.itemCode,
  clock: clockAlerts.clock,
  kind: clockAlerts.kind,
  dueAt: clockAlerts.dueAt,
  message: clockAlerts.message,
  createdAt: clockAlerts.createdAt,
  acknowledgedAt: clockAlerts.acknowledgedAt,
};

interface Row {
  id: number;
  orderId: string;
  orderNo: string;
  itemCode: string;
  clock: string;
  kind: string;
  dueAt: Date;
  message: Messages;
  createdAt: Date;
  acknowledgedAt: Date | null;
}

function toView(r: Row): AlertView {
  return {
    id: r.id,
    orderId: r.orderId,
    orderNo: r.orderNo,
    clock: r.clock,
    clockLabel: clockLabel(r.itemCode, r.clock),
    kind: r.kind as AlertView['kind'],
    dueAt: r.dueAt.toISOString(),
    messages: r.message,
    createdAt: r.createdAt.toISOString(),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  };
}

export class AlertService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, q: { unacknowledged?: 'true' | 'false'; limit: number }): Promise<AlertView[]> {
    const rows = await this.ctx.database.db
      .select(columns)
      .from(clockAlerts)
      .innerJoin(workOrders, eq(workOrders.id, clockAlerts.orderId))
      .where(
        and(
          visibleOrders(actor),
          q.unacknowledged === 'true' ? isNull(clockAlerts.acknowledgedAt) : undefined,
        ),
      )
      .orderBy(desc(clockAlerts.createdAt), desc(clockAlerts.id))
      .limit(q.limit);
    return rows.map(toView);
  }

  /** Marks the alert seen (the first acknowledgement counts; a second one changes nothing). */
  async acknowledge(actor: Actor, id: number): Promise<AlertView> {
    const now = this.ctx.now();
    const row = await this.ctx.database.db.transaction(async (tx) => {
      const [found] = await tx
        .select(columns)
        .from(clockAlerts)
        .innerJoin(workOrders, eq(workOrders.id, clockAlerts.orderId))
        .where(and(eq(clockAlerts.id, id), visibleOrders(actor)))
        .for('update', { of: clockAlerts });
      if (!found) throw notFound('alert');
      if (found.acknowledgedAt) return found;
      await tx
        .update(clockAlerts)
        .set({ acknowledgedAt: now, acknowledgedBy: actor.id })
        .where(eq(clockAlerts.id, id));
      const [order] = await tx
        .select({ enterpriseId: workOrders.enterpriseId })
        .from(workOrders)
        .where(eq(workOrders.id, found.orderId));
      await appendAudit(tx, {
        actor,
        enterpriseId: order?.enterpriseId ?? null,
        action: 'alert.ack',
        entity: 'clock_alert',
        entityId: String(id),
        after: { orderNo: found.orderNo, clock: found.clock, kind: found.kind },
      });
      return { ...found, acknowledgedAt: now };
    });
    return toView(row);
  }
}
