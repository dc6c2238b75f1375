/** Service notices: filling, commissioning, interruptions (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12). */
import { http, ok } from './client.ts';
import type { Body, Item, Ok, Query } from './contract.ts';
import type { Id } from './types.ts';

export type Notice = Item<'/api/notices'>;
export type NoticeKind = Notice['kind'];
export type NoticeDetail = Ok<'/api/notices/{id}'>;
export type NoticeMessage = NoticeDetail['messages'][number];
export type NoticeContent = Omit<Body<'/api/notices'>, 'kind'>;
export type PublicNotice = Item<'/api/public/notices'>;
export type Community = Item<'/api/notices/communities'>;

const byId = (id: Id) => ({ params: { path: { id: String(id) } } });

export const notices = {
  list: (query: Query<'/api/notices'> = {}) => ok(http.GET('/api/notices', { params: { query } })),
  get: (id: Id) => ok(http.GET('/api/notices/{id}', byId(id))),
  create: (body: Body<'/api/notices'>) => ok(http.POST('/api/notices', { body })),
  revise: (id: Id, body: Body<'/api/notices/{id}/revisions'>) =>
    ok(http.POST('/api/notices/{id}/revisions', { ...byId(id), body })),
  restore: (id: Id, body: Body<'/api/notices/{id}/restore'>) =>
    ok(http.POST('/api/notices/{id}/restore', { ...byId(id), body })),
  forCustomer: (customerId: string) =>
    ok(http.GET('/api/notices/for-customer', { params: { query: { customerId } } })),
  communities: () => ok(http.GET('/api/notices/communities')),
  board: (sector?: 'gas' | 'heating') =>
    ok(http.GET('/api/public/notices', { params: { query: { sector } } })),
};
