/** Billing runs, bills, payment notices and corrections (G-6.2.3–G-6.2.7). */
import { api } from './client.ts';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';
export interface BillingRun {
  id: string;
  enterpriseId: string;
  period: string;
  periodFrom: string;
  periodTo: string;
  status: RunStatus;
  total: number;
  processed: number;
  billed: number;
  estimated: number;
  skipped: number;
  corrected: number;
  reasons: Record<string, number>;
  reasonLabels: Record<string, { zh: string; en: string }>;
  samples: { customerId: string; accountNo: string; reason: string; detail?: string }[];
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}

export interface Bill {
  id: string;
  customerId: string;
  accountNo: string;
  customerName: string;
  period: string;
  billNo: string;
  kind: 'regular' | 'correction' | 'season';
  correctsBillId: string | null;
  periodFrom: string;
  periodTo: string;
  startRegister: number | null;
  endRegister: number | null;
  volume: number;
  estimated: boolean;
  amountFen: number;
  runId: string | null;
  note: string;
  issuedOn: string;
  createdAt: string;
}

export interface PriceLine {
  from: string;
  to: string;
  days: number;
  scheduleId: string;
  tier: number;
  volume: number;
  price: number;
  amount: number;
  role?: 'reversal' | 'rebill';
}

export interface Notice {
  id: string;
  noticeNo: string;
  issuedOn: string;
  dueDate: string;
  fields: Record<string, unknown>;
}

export interface BillDetail extends Bill {
  lines: PriceLine[];
  notice: Notice | null;
  corrections: (Bill & { lines: PriceLine[] })[];
  corrects: Bill | null;
  netAmountFen: number;
}

export const billing = {
  runs: () => api.get<{ items: BillingRun[] }>('/billing-runs', { limit: 50 }),
  run: (id: string) => api.get<BillingRun>(`/billing-runs/${id}`),
  start: (period: string) => api.post<BillingRun>('/billing-runs', { period }),
  resume: (id: string) => api.post<BillingRun>(`/billing-runs/${id}/resume`),
  bills: (q: {
    period?: string;
    customerId?: string;
    runId?: string;
    q?: string;
    limit: number;
    offset: number;
  }) => api.get<{ items: Bill[]; total: number }>('/bills', q),
  bill: (id: string) => api.get<BillDetail>(`/bills/${id}`),
  correct: (id: string, body: { reason: string; endRegister: number }) =>
    api.post<BillDetail>(`/bills/${id}/corrections`, body),
  pdfUrl: (id: string) => `/api/bills/${id}/notice.pdf`,
};

/** '12.345' m³ from litres. */
export function m3(litres: number | null | undefined): string {
  if (litres === null || litres === undefined) return '';
  const sign = litres < 0 ? '-' : '';
  const abs = Math.abs(litres);
  return `${sign}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}
