import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { http, ok } from '../../api/client.ts';
import type { Item } from '../../api/contract.ts';

/** One row of the dispatcher's board, as the server sends it (only what the screen shows). */
export type BoardItem = Item<'/api/work-orders/board'>;

export const BOARD_KEY = ['work-orders', 'board'] as const;

/**
 * The board, kept up to date by polling for changes only (issue 21): the first fetch takes the whole board, each
 * later one passes the cursor back and gets only the orders changed since — open ones replace or join their row,
 * closed ones are taken off. A refetch (the refresh button, after a dispatch, every 30 s) is such a poll.
 */
export function useBoard() {
  const kept = useRef<{ cursor?: string; rows: Map<string, BoardItem> }>({ rows: new Map() });
  return useQuery({
    queryKey: BOARD_KEY,
    queryFn: async () => {
      const { cursor, rows: before } = kept.current;
      const res = await ok(
        http.GET('/api/work-orders/board', { params: { query: cursor ? { since: cursor } : {} } }),
      );
      const rows = res.full ? new Map<string, BoardItem>() : new Map(before);
      for (const r of res.items) rows.set(r.id, r);
      for (const id of res.removed) rows.delete(id);
      kept.current = { cursor: res.cursor, rows };
      return [...rows.values()];
    },
    refetchInterval: 30_000,
  });
}
