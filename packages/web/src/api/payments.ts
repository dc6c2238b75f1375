/** Payments, receipts, statements, arrears, the outbox and meter disputes (G-6.2.2, G-6.2.8, G-6.2.9, G-6.2.11). */
import { http, ok } from './client.ts';
import type { Body, Item, Ok, Query } from './contract.ts';

export type Payment = Item<'/api/payments'>;
/** The channels a payment is taken by: at the counter, from a bank line, or through a payment gateway. */
export type Channel = Body<'/api/payments'>['channel'] | Body<'/api/payments/gateway/orders'>['channel'];
export type Sector = Body<'/api/payments'>['sector'];
export type Receipt = Ok<'/api/payments/{id}/receipt'>;
export type Statement = Ok<'/api/customers/{id}/statement'>;
export type StatementEntry = Statement['entries'][number];
export type OutstandingItem = Statement['arrears']['items'][number];
export type ArrearsRow = Item<'/api/arrears'>;
/** A WeChat Pay / Alipay payment order (intent) made by the server; the channel's notification pays it once. */
export type GatewayOrder = Ok<'/api/payments/gateway/orders', 'post'>;
export type GatewayChannels = Ok<'/api/payments/gateway/channels'>;
export type OutboxMessage = Item<'/api/notifications'>;
export type Dispute = Item<'/api/meter-disputes'>;
export type MeterLite = Item<'/api/meters'>;
/** One line of a bank collection file as the server takes it (G-6.2.8). */
export type BankImportRow = Body<'/api/payments/bank-import'>['rows'][number];
export type BankImportResult = Ok<'/api/payments/bank-import', 'post'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const payments = {
  pay: (body: Body<'/api/payments'>) => ok(http.POST('/api/payments', { body })),
  list: (query: Query<'/api/payments'>) => ok(http.GET('/api/payments', { params: { query } })),
  receipt: (id: string) => ok(http.GET('/api/payments/{id}/receipt', byId(id))),
  order: (body: Body<'/api/payments/gateway/orders'>) =>
    ok(http.POST('/api/payments/gateway/orders', { body })),
  get: (id: string) => ok(http.GET('/api/payments/{id}', byId(id))),
  orderStatus: (outTradeNo: string) =>
    ok(http.GET('/api/payments/gateway/orders/{outTradeNo}', { params: { path: { outTradeNo } } })),
  channels: () => ok(http.GET('/api/payments/gateway/channels')),
  /** Demo gateway only: the customer pays; its signed notification goes through the server's verification. */
  simulate: (o: GatewayOrder) =>
    ok(http.POST('/api/payments/gateway/simulate', { body: { outTradeNo: o.outTradeNo } })),
  statement: (customerId: string, query: Query<'/api/customers/{id}/statement'> = {}) =>
    ok(http.GET('/api/customers/{id}/statement', { params: { path: { id: customerId }, query } })),
  arrears: (query: Query<'/api/arrears'>) => ok(http.GET('/api/arrears', { params: { query } })),
  adjust: (customerId: string, body: Body<'/api/customers/{id}/adjustments'>) =>
    ok(http.POST('/api/customers/{id}/adjustments', { ...byId(customerId), body })),
  meters: (customerId: string) => ok(http.GET('/api/meters', { params: { query: { customerId } } })),
  /** 1–2000 lines per request; a bank reference already imported answers 'duplicate'. */
  bankImport: (rows: BankImportRow[]) => ok(http.POST('/api/payments/bank-import', { body: { rows } })),
};

export const outbox = {
  list: (query: Query<'/api/notifications'>) => ok(http.GET('/api/notifications', { params: { query } })),
  sendNow: () => ok(http.POST('/api/notifications/send-now')),
  retry: (ids: string[]) => ok(http.POST('/api/notifications/retry', { body: { ids } })),
};

export const disputes = {
  list: (query: Query<'/api/meter-disputes'>) => ok(http.GET('/api/meter-disputes', { params: { query } })),
  create: (body: Body<'/api/meter-disputes'>) => ok(http.POST('/api/meter-disputes', { body })),
  result: (id: string, body: Body<'/api/meter-disputes/{id}/result'>) =>
    ok(http.POST('/api/meter-disputes/{id}/result', { ...byId(id), body })),
};

/** Query keys: a prefix invalidates every read under it. A payment or adjustment changes the customer's ledger. */
export const paymentKeys = {
  ledger: ['ledger'] as const,
  statement: (customerId: string, q: object) => ['ledger', 'statement', customerId, q] as const,
  arrears: (q: object) => ['ledger', 'arrears', q] as const,
  payments: (q: object) => ['ledger', 'payments', q] as const,
  receipt: (id: string) => ['ledger', 'receipt', id] as const,
  channels: ['payment-channels'] as const,
  outbox: ['outbox'] as const,
  outboxList: (q: object) => ['outbox', q] as const,
  disputes: ['meter-disputes'] as const,
  disputeList: (q: object) => ['meter-disputes', q] as const,
};

/** '¥1,234.56' from fen; negative amounts keep their sign. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen from a yuan amount typed by a person (at most two decimals), or null. */
export function toFen(yuanValue: number | null | undefined): number | null {
  if (yuanValue === null || yuanValue === undefined || !Number.isFinite(yuanValue)) return null;
  return Math.round(yuanValue * 100);
}

/** A fresh idempotency key per form: a double click submits the same key twice and records one payment. */
export const newIdempotencyKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;
