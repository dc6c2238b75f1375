/** Residents' self-service (issue 16): bound accounts, bills and payment, reports and their tracking. */
import { http, ok } from '../api/client.ts';
import type { Body, Item, Ok } from '../api/contract.ts';

export type BoundAccount = Item<'/api/resident/accounts'>;
export type AccountDetail = Ok<'/api/resident/accounts/{id}'>;
export type ResidentOrder = Ok<'/api/resident/orders/{id}'>;
export type ResidentOrderSummary = Item<'/api/resident/orders'>;
export type ReportOptions = Ok<'/api/resident/report-options'>;
export type ReportInput = Body<'/api/resident/reports'>;
export type SelfReadingForm = Ok<'/api/resident/accounts/{id}/self-readings'>;
export type SelfReadingInput = Body<'/api/resident/accounts/{id}/self-readings'>;
export type ResidentReceipt = Item<'/api/resident/accounts/{id}/receipts'>;
export type BookingInput = Body<'/api/resident/bookings'>;
export type ResidentBooking = Item<'/api/resident/bookings'>;

const path = (id: string) => ({ params: { path: { id } } });
const trade = (outTradeNo: string) => ({ params: { path: { outTradeNo } } });

export const resident = {
  accounts: () => ok(http.GET('/api/resident/accounts')),
  notices: () => ok(http.GET('/api/resident/notices')),
  requestBinding: (body: Body<'/api/resident/bindings'>) => ok(http.POST('/api/resident/bindings', { body })),
  confirmBinding: (id: string, code: string) =>
    ok(http.POST('/api/resident/bindings/{id}/confirm', { ...path(id), body: { code } })),
  unbind: (id: string) => ok(http.DELETE('/api/resident/accounts/{id}', path(id))),
  account: (id: string) => ok(http.GET('/api/resident/accounts/{id}', path(id))),
  noticeUrl: (id: string, billId: string) => `/api/resident/accounts/${id}/bills/${billId}/notice.pdf`,
  pay: (id: string, body: Body<'/api/resident/accounts/{id}/payments'>) =>
    ok(http.POST('/api/resident/accounts/{id}/payments', { ...path(id), body })),
  demoPay: (outTradeNo: string) =>
    ok(http.POST('/api/resident/payments/{outTradeNo}/demo-pay', trade(outTradeNo))),
  options: () => ok(http.GET('/api/resident/report-options')),
  report: (body: ReportInput) => ok(http.POST('/api/resident/reports', { body })),
  orders: () => ok(http.GET('/api/resident/orders')),
  order: (id: string) => ok(http.GET('/api/resident/orders/{id}', path(id))),
  addInfo: (id: string, text: string) =>
    ok(http.POST('/api/resident/orders/{id}/info', { ...path(id), body: { text } })),
  rate: (id: string, rating: number, text: string) =>
    ok(http.POST('/api/resident/orders/{id}/rating', { ...path(id), body: { rating, text } })),
  reopen: (id: string, reason: string) =>
    ok(http.POST('/api/resident/orders/{id}/reopen', { ...path(id), body: { reason } })),
  selfReadings: (id: string) => ok(http.GET('/api/resident/accounts/{id}/self-readings', path(id))),
  selfRead: (id: string, body: SelfReadingInput) =>
    ok(http.POST('/api/resident/accounts/{id}/self-readings', { ...path(id), body })),
  selfReadingPhotoUrl: (readingId: string) => `/api/resident/self-readings/${readingId}/photo`,
  bookingOptions: () => ok(http.GET('/api/resident/booking-options')),
  book: (body: BookingInput) => ok(http.POST('/api/resident/bookings', { body })),
  bookings: () => ok(http.GET('/api/resident/bookings')),
  enterprises: () => ok(http.GET('/api/public/enterprises')),
  steps: () => ok(http.GET('/api/resident/step-notices')),
  stepsSeen: () => ok(http.POST('/api/resident/step-notices/seen')),
  receipts: (id: string) => ok(http.GET('/api/resident/accounts/{id}/receipts', path(id))),
  receipt: (id: string, paymentId: string) =>
    ok(http.GET('/api/resident/accounts/{id}/receipts/{paymentId}', { params: { path: { id, paymentId } } })),
};

export const residentKeys = {
  all: ['resident'] as const,
  accounts: ['resident', 'accounts'] as const,
  notices: ['resident', 'notices'] as const,
  account: (id: string) => ['resident', 'account', id] as const,
  options: ['resident', 'options'] as const,
  orders: ['resident', 'orders'] as const,
  order: (id: string) => ['resident', 'order', id] as const,
  selfReadings: (id: string) => ['resident', 'self-readings', id] as const,
  receipts: (id: string) => ['resident', 'receipts', id] as const,
  steps: ['resident', 'steps'] as const,
  bookingOptions: ['resident', 'booking-options'] as const,
  bookings: ['resident', 'bookings'] as const,
  enterprises: ['public', 'enterprises'] as const,
  receipt: (id: string, paymentId: string) => ['resident', 'receipt', id, paymentId] as const,
};

export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
