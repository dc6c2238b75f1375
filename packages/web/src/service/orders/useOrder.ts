import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Id } from '../../api/types.ts';
import {
  workOrders,
  type WorkOrderDetail,
  type WorkOrderEvent,
  type WorkOrderEventType,
} from '../../api/workorders.ts';

/** What an event form collects: the type and its fields (the server checks them against the event's schema). */
export type OrderEvent = { type: WorkOrderEventType } & Record<string, unknown>;
export type OrderAction = (event: OrderEvent) => Promise<WorkOrderDetail>;

export function isVersionConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409 && e.code === 'VERSION_CONFLICT';
}

/** The cache key of one order; every work-order list is under ['work-orders']. */
export const orderKey = (id: Id) => ['work-orders', 'detail', String(id)] as const;

/**
 * One work order and the way to act on it. Every event is sent with the version this screen read; when someone
 * else wrote first the server answers 409 VERSION_CONFLICT and `conflict` turns true until `reload()`.
 */
export function useOrder(id: Id) {
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: orderKey(id), queryFn: () => workOrders.get(id) });
  const [conflict, setConflict] = useState(false);
  const order = loaded.data;

  const act = useCallback<OrderAction>(
    async (event) => {
      if (!order) throw new Error('order not loaded');
      try {
        // The form's fields are the event's payload; the server validates them (400 names a wrong field).
        const next = await workOrders.act(order.id, order.version, event as WorkOrderEvent);
        queryClient.setQueryData(orderKey(id), next);
        void queryClient.invalidateQueries({ queryKey: ['work-orders'], exact: false, refetchType: 'none' });
        return next;
      } catch (e) {
        if (isVersionConflict(e)) setConflict(true);
        throw e;
      }
    },
    [order, id, queryClient],
  );

  const reload = useCallback(() => {
    setConflict(false);
    void loaded.refetch();
  }, [loaded]);

  return { order, error: loaded.error, loading: loaded.isFetching, reload, act, conflict };
}
