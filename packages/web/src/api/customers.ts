/** Customer archive shapes (server modules/customers/customers.schemas.ts; docs/api.md "Customer archive"). */
import { http, ok } from './client.ts';
import type { Body, Item, Ok, Query } from './contract.ts';
import type { Id } from './types.ts';

export type Customer = Item<'/api/customers'>;
export type CustomerKind = Customer['kind'];
export type Customer360 = Ok<'/api/customers/{id}'>;
export type Premises = Customer360['premises'][number];
export type Contract = Customer360['contracts'][number];
export type CustomerOrder = Customer360['serviceHistory'][number];
export type OpenCustomerOrder = Customer360['openOrders'][number];
export type Revealed = Ok<'/api/customers/{id}/reveal', 'post'>;
export type CustomerCreate = Body<'/api/customers'>;
export type FileFormat = Body<'/api/customers/import'>['format'];
export type ImportResult = Ok<'/api/customers/import', 'post'>;
export type ImportReason = ImportResult['rejected'][number]['reasons'][number];

const byId = (id: Id) => ({ params: { path: { id: String(id) } } });

export const customers = {
  search: (query: Query<'/api/customers'>) => ok(http.GET('/api/customers', { params: { query } })),
  get: (id: Id) => ok(http.GET('/api/customers/{id}', byId(id))),
  create: (body: CustomerCreate) => ok(http.POST('/api/customers', { body })),
  reveal: (id: Id, reason: string) =>
    ok(http.POST('/api/customers/{id}/reveal', { ...byId(id), body: { reason } })),
  import: (format: FileFormat, fileBase64: string, dryRun: boolean) =>
    ok(http.POST('/api/customers/import', { body: { format, fileBase64, dryRun } })),
};

/** Files the browser downloads itself (the session cookie goes along). */
export function exportUrl(format: FileFormat, q?: string): string {
  const params = new URLSearchParams({ format });
  if (q) params.set('q', q);
  return `/api/customers/export?${params.toString()}`;
}

export function templateUrl(format: FileFormat): string {
  return `/api/customers/import-template?format=${format}`;
}
