import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { Id } from '../api/types.ts';
import { workOrders, type WorkOrderDetail, type WorkOrderEventType } from '../api/workorders.ts';
import { useAsync } from '../common/useAsync.ts';

export type OrderEvent = { type: WorkOrderEventType } & Record<string, unknown>;
export type OrderAction = (event: OrderEvent) => Promise<WorkOrderDetail>;

export function isVersionConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409 && e.code === 'VERSION_CONFLICT';
}

/**
 * One work order and the way to act on it. Every event is sent with the version this screen read; when someone
 * else wrote first the server answers 409 VERSION_CONFLICT and `conflict` turns true until `reload()`.
 */
export function useOrder(id: Id) {
  const loaded = useAsync(() => workOrders.get(id), [id]);
  const [order, setOrder] = useState<WorkOrderDetail | undefined>();
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    if (loaded.data) {
      setOrder(loaded.data);
      setConflict(false);
    }
  }, [loaded.data]);

  const act = useCallback<OrderAction>(
    async (event) => {
      if (!order) throw new Error('order not loaded');
      try {
        const next = await workOrders.act(order.id, order.version, event);
        setOrder(next);
        return next;
      } catch (e) {
        if (isVersionConflict(e)) setConflict(true);
        throw e;
      }
    },
    [order],
  );

  return { order, error: loaded.error, loading: loaded.loading, reload: loaded.reload, act, conflict };
}
