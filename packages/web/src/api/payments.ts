/** Payments, receipts, statements, arrears, the outbox and meter disputes (G-6.2.2, G-6.2.8, G-6.2.9, G-6.2.11). */
import { api } from './client.ts';

export type Sector = 'gas' | 'heating';
export type Channel = 'counter' | 'bank' | 'wechat' | 'alipay' | 'prepaid_topup';
export const CHANNELS: Channel[] = ['counter', 'bank', 'wechat', 'alipay', 'prepaid_topup'];

export interface Payment {
  id: string;
  enterpriseId: string;
  customerId: string;
  accountNo: string;
  customerName: string;
  sector: string;
  channel: Channel;
  amountFen: number;
  receiptNo: string;
  idempotencyKey: string;
  externalRef: string | null;
  billId: string | null;
  meterId: string | null;
  receivedAt: string;
  createdBy: string | null;
  balanceAfterFen?: number;
  replayed?: boolean;
  prepaidBalanceFen?: number | null;
}

export interface Receipt {
  receiptNo: string;
  enterprise: { name: string; creditCode: string; hotline: string };
  customer: { accountNo: string; name: string; address: string | null };
  sector: string;
  channel: Channel;
  amountFen: number;
  amountInWords: string;
  receivedAt: string;
  bill: { billNo: string; period: string } | null;
  meterSerialNo: string | null;
  externalRef: string | null;
  operator: string;
  balanceAfterFen: number;
  prepaidBalanceFen: number | null;
}

export interface StatementEntry {
  id: number;
  bookedOn: string;
  kind: 'charge' | 'payment' | 'adjustment';
  amountFen: number;
  signedFen: number;
  runningBalanceFen: number;
  refType: string;
  refId: string;
  reason: string;
  billNo: string | null;
  period: string | null;
  noticeNo: string | null;
  dueDate: string | null;
}

export interface OutstandingItem {
  entryId: number;
  billId: string | null;
  billNo: string | null;
  period: string | null;
  noticeId: string | null;
  noticeNo: string | null;
  dueDate: string | null;
  amountFen: number;
  outstandingFen: number;
  daysOverdue: number;
  overdue: boolean;
}

export interface Statement {
  customer: { id: string; accountNo: string; name: string; kind: string };
  sector: Sector;
  from: string | null;
  to: string;
  openingBalanceFen: number;
  entries: StatementEntry[];
  closingBalanceFen: number;
  totals: { chargesFen: number; paymentsFen: number; adjustmentsFen: number };
  arrears: {
    balanceFen: number;
    outstandingFen: number;
    overdueFen: number;
    maxDaysOverdue: number;
    oldestDueDate: string | null;
    items: OutstandingItem[];
  };
}

export interface ArrearsRow {
  customerId: string;
  enterpriseId: string;
  accountNo: string;
  name: string;
  sector: string;
  balanceFen: number;
  overdueFen: number;
  overdueNotices: number;
  maxDaysOverdue: number;
  oldestDueDate: string | null;
  lastPaymentOn: string | null;
  lastReminderAt: string | null;
}

export interface GatewayOrder {
  channel: 'wechat' | 'alipay';
  outTradeNo: string;
  amountFen: number;
  qrText: string;
  attach: string;
}

export interface GatewayCallback {
  outTradeNo: string;
  tradeNo: string;
  amountFen: number;
  paidAt: string;
  attach: string;
  signature: string;
}

export interface OutboxMessage {
  id: string;
  customerId: string | null;
  accountNo: string | null;
  customerName: string | null;
  channel: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  bodyEn: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface Dispute {
  id: string;
  disputeNo: string;
  customerId: string;
  accountNo: string;
  customerName: string;
  meterId: string;
  meterSerialNo: string;
  requestedOn: string;
  requestedBy: 'customer' | 'company';
  complaint: string;
  testInstitution: string;
  testFeeFen: number;
  installedOn: string | null;
  removedOn: string | null;
  testedOn: string | null;
  errorPercent: number | null;
  tolerancePercent: number | null;
  result: 'pass' | 'fail' | null;
  testPaidBy: string | null;
  windowFrom: string | null;
  windowTo: string | null;
  meteredLitres: number | null;
  compensationLitres: number | null;
  priceFenPerM3: number | null;
  compensationFen: number | null;
  explanation: { zh: string; en: string };
  adjustmentEntryId: number | null;
  feeEntryId: number | null;
  status: 'requested' | 'resolved';
  version: number;
}

export interface MeterLite {
  id: string;
  serialNo: string;
  status: string;
  prepaid: boolean;
  prepaidBalanceFen: number;
  lowBalanceAlarmFen: number | null;
  installedOn: string | null;
}

/** One line of a bank collection file as the server takes it (G-6.2.8). */
export interface BankImportRow {
  accountNo: string;
  amountFen: number;
  bankRef: string;
  paidOn: string;
}

export interface BankImportResult {
  recorded: number;
  duplicates: number;
  errors: number;
  /** `row` is 1-based within the request. */
  rows: {
    row: number;
    status: 'recorded' | 'duplicate' | 'error';
    receiptNo: string | null;
    error: string | null;
  }[];
}

export const payments = {
  pay: (body: {
    customerId: string;
    sector: Sector;
    channel: 'counter' | 'bank' | 'prepaid_topup';
    amountFen: number;
    idempotencyKey: string;
    billId?: string;
    meterId?: string;
    externalRef?: string;
  }) => api.post<Payment>('/payments', body),
  list: (q: { customerId?: string; q?: string; limit?: number; offset?: number }) =>
    api.get<{ items: Payment[]; total: number; totalFen: number }>('/payments', q),
  receipt: (id: string) => api.get<Receipt>(`/payments/${id}/receipt`),
  order: (body: {
    customerId: string;
    sector: Sector;
    channel: 'wechat' | 'alipay';
    amountFen: number;
    billId?: string;
  }) => api.post<GatewayOrder>('/payments/gateway/orders', body),
  simulate: (o: GatewayOrder) =>
    api.post<GatewayCallback>('/payments/gateway/simulate', {
      channel: o.channel,
      outTradeNo: o.outTradeNo,
      amountFen: o.amountFen,
      attach: o.attach,
    }),
  callback: (channel: 'wechat' | 'alipay', cb: GatewayCallback) =>
    api.post<Payment>(`/payment-callbacks/${channel}`, cb),
  statement: (customerId: string, q: { sector?: Sector; from?: string; to?: string } = {}) =>
    api.get<Statement>(`/customers/${customerId}/statement`, q),
  arrears: (q: { sort?: string; minDays?: number; limit?: number; offset?: number }) =>
    api.get<{ items: ArrearsRow[]; total: number; totalOverdueFen: number }>('/arrears', q),
  adjust: (customerId: string, body: { amountFen: number; reason: string; idempotencyKey: string }) =>
    api.post(`/customers/${customerId}/adjustments`, body),
  meters: (customerId: string) => api.get<{ items: MeterLite[] }>('/meters', { customerId }),
  /** 1–2000 lines per request; a bank reference already imported answers 'duplicate'. */
  bankImport: (rows: BankImportRow[]) => api.post<BankImportResult>('/payments/bank-import', { rows }),
};

export const outbox = {
  list: (q: { status?: string; kind?: string; limit?: number; offset?: number }) =>
    api.get<{ items: OutboxMessage[]; total: number; byStatus: Record<string, number> }>('/notifications', q),
  sendNow: () => api.post<{ sent: number; retried: number; failed: number }>('/notifications/send-now'),
  retry: (ids: string[]) => api.post<{ requeued: number }>('/notifications/retry', { ids }),
};

export const disputes = {
  list: (q: { status?: string; customerId?: string; limit?: number; offset?: number }) =>
    api.get<{ items: Dispute[]; total: number }>('/meter-disputes', q),
  create: (body: {
    customerId: string;
    meterId: string;
    requestedOn: string;
    requestedBy: 'customer' | 'company';
    complaint: string;
    testInstitution: string;
    testFeeFen: number;
  }) => api.post<Dispute>('/meter-disputes', body),
  result: (
    id: string,
    body: {
      version: number;
      testedOn: string;
      removedOn?: string;
      errorPercent: number;
      tolerancePercent: number;
      priceFenPerM3?: number;
    },
  ) => api.post<Dispute>(`/meter-disputes/${id}/result`, body),
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
