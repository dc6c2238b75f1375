/** Heating outages for the operation accident rate (H-10.5.1). */
import { http, ok } from '../api/client.ts';
import type { Body, Item, Query } from '../api/contract.ts';

export type Outage = Item<'/api/heating-outages'>;
export type OutageQuery = Query<'/api/heating-outages'>;
export type OutageInput = Body<'/api/heating-outages'>;

export const outages = {
  list: (query: OutageQuery) => ok(http.GET('/api/heating-outages', { params: { query } })),
  communities: () => ok(http.GET('/api/heating-outages/communities', { params: { query: {} } })),
  record: (body: OutageInput) => ok(http.POST('/api/heating-outages', { body })),
  restore: (id: string, restoredAt: string) =>
    ok(http.POST('/api/heating-outages/{id}/restore', { params: { path: { id } }, body: { restoredAt } })),
};

export const outageKeys = {
  all: ['heating-outages'] as const,
  list: (q: OutageQuery) => ['heating-outages', 'list', q] as const,
  communities: ['heating-outages', 'communities'] as const,
};
