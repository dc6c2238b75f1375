/** The regulator's look across enterprises at complaints and work orders (H-7.4.8, H-7.4.10.5). */
import { http, ok } from '../../api/client.ts';
import type { Item, Query } from '../../api/contract.ts';

export type SupervisedOrder = Item<'/api/work-orders'>;
export type SupervisionQuery = Query<'/api/work-orders'>;

export const supervision = {
  orders: (query: SupervisionQuery) => ok(http.GET('/api/work-orders', { params: { query } })),
};
