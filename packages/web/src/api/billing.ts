/** Billing runs, bills, payment notices and corrections (G-6.2.3–G-6.2.7). */
import { http, ok } from './client.ts';
import type { Item, Ok, Query } from './contract.ts';
import type { Id } from './types.ts';

export type BillingRun = Ok<'/api/billing-runs/{id}'>;
export type RunStatus = BillingRun['status'];
export type Bill = Item<'/api/bills'>;
export type BillDetail = Ok<'/api/bills/{id}'>;
export type PriceLine = BillDetail['lines'][number];
export type Notice = NonNullable<BillDetail['notice']>;
export type BillIdentity = Ok<'/api/bills/{id}/reveal', 'post'>;

const byId = (id: Id) => ({ params: { path: { id: String(id) } } });

export const billing = {
  runs: () => ok(http.GET('/api/billing-runs', { params: { query: { limit: 50 } } })),
  run: (id: Id) => ok(http.GET('/api/billing-runs/{id}', byId(id))),
  start: (period: string) => ok(http.POST('/api/billing-runs', { body: { period } })),
  resume: (id: Id) => ok(http.POST('/api/billing-runs/{id}/resume', byId(id))),
  bills: (query: Query<'/api/bills'>) => ok(http.GET('/api/bills', { params: { query } })),
  bill: (id: Id) => ok(http.GET('/api/bills/{id}', byId(id))),
  correct: (id: Id, body: { reason: string; endRegister: number }) =>
    ok(http.POST('/api/bills/{id}/corrections', { ...byId(id), body })),
  reveal: (id: Id, reason: string) =>
    ok(http.POST('/api/bills/{id}/reveal', { ...byId(id), body: { reason } })),
  pdfUrl: (id: Id) => `/api/bills/${id}/notice.pdf`,
};

/** '12.345' m³ from litres. */
export function m3(litres: number | null | undefined): string {
  if (litres === null || litres === undefined) return '';
  const sign = litres < 0 ? '-' : '';
  const abs = Math.abs(litres);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}
