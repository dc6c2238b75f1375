import { api } from '../api/client.ts';

// The heating money API (issue 5: H-5.2, H-5.5.2, H-7.1.7, H-7.1.8, H-7.2.1–H-7.2.5). Money in fen.

export interface Msg {
  zh: string;
  en: string;
}
export interface Season {
  id: string;
  enterpriseId: string;
  area: string;
  districts: string[];
  period: string;
  startsOn: string;
  endsOn: string;
  legalHeatingDays: number;
  paymentDueOn: string;
  actualStartOn: string | null;
  actualEndOn: string | null;
  flags: { code: 'late_start' | 'early_end'; days: number; on: string }[];
  basis: string;
  version: number;
}
export type HeatingPrice =
  | { method: 'area'; fenPerM2PerSeason: number }
  | { method: 'two_part'; baseFenPerM2: number; fenPerKwh: number };
export interface Price {
  id: string;
  customerClass: string;
  effectiveFrom: string;
  label: string;
  demo: boolean;
  heating: HeatingPrice;
  basis: string;
  announcedOn: string | null;
}
export interface Rules {
  earlyPayment: { enabled: boolean; payByDaysBeforeDue: number; rewardBps: number; capFen: number | null };
  suspendedFee: { bpsOfAreaFee: number; acceptedBeforeDaysOfStart: number };
  reminders: { daysAfterDue: number[]; repeatEveryDays: number | null; maxReminders: number };
  stopHeating: { contractAllows: boolean; minOverdueDays: number; minReminders: number };
}
export interface RulesRow {
  id: string;
  effectiveFrom: string;
  rules: Rules;
  note: string;
}
export interface SetUp {
  seasons: Season[];
  prices: Price[];
  rules: RulesRow[];
  demoRules: Rules;
}
export interface Bill {
  id: string;
  billNo: string;
  customerId: string;
  customerName: string;
  accountNo: string;
  customerClass: string;
  issuedOn: string;
  dueOn: string;
  amountFen: number;
  lines: Record<string, unknown>[];
  note: string;
  paidFen: number;
  paidOn: string | null;
  rewardFen: number;
  outstandingFen: number;
  status: 'paid' | 'partly_paid' | 'unpaid' | 'overdue';
  remindersSent: number;
  stopHeating: { allowed: boolean; reason: Msg };
}
export interface Run {
  id: string;
  status: string;
  total: number;
  billed: number;
  skipped: number;
  summary: { skipped?: Record<string, number>; byMethod?: Record<string, number>; amountFen?: number };
  createdAt: string;
}
/** The metered settlement of two-part accounts (H-7.2.1). */
export interface MeteredSummary {
  seasonId: string;
  period: string;
  billed: number;
  amountFen: number;
  skipped: Record<string, number>;
  sample: { accountNo: string; reason: string; meterId?: string }[];
}
export interface BillList {
  season: Season;
  rules: Rules;
  bills: Bill[];
  runs: Run[];
  totals: {
    count: number;
    amountFen: number;
    paidFen: number;
    rewardFen: number;
    outstandingFen: number;
    overdue: number;
    paid: number;
  };
}
export interface QueueRow {
  id: string;
  orderNo: string;
  itemCode: 'heating_suspension' | 'heating_resumption';
  channel: string;
  state: string;
  receivedAt: string;
  breached: boolean;
  customerName: string | null;
  accountNo: string | null;
  address: string;
  clocks: {
    name: string;
    clause: string;
    state: string;
    dueAt: string | null;
    stoppedAt: string | null;
    breachedAt: string | null;
  }[];
  season: { id: string; period: string; area: string; startsOn: string } | null;
  suspendedFeeApplies: boolean | null;
  suspendedFeeBps: number | null;
}
export interface Dispute {
  id: string;
  customerId: string;
  customerName: string;
  accountNo: string;
  meterSerial: string | null;
  seasonId: string;
  disputedBy: 'company' | 'customer';
  raisedOn: string;
  disputeFrom: string;
  disputeTo: string;
  description: string;
  status: 'open' | 'resolved';
  testResult: 'passed' | 'failed' | null;
  testedOn: string | null;
  testAgency: string;
  testFeeFen: number | null;
  testPaidBy: 'company' | 'customer' | null;
  billing: 'meter' | 'area' | null;
  disputedDays: number | null;
  areaSeasonFeeFen: number | null;
  disputedDaysFeeFen: number | null;
  correctionBillId: string | null;
  version: number;
}
export interface Refund {
  id: string;
  refundNo: string;
  customerId: string;
  customerName: string;
  accountNo: string;
  period: string;
  seasonEndsOn: string;
  cause: string;
  reason: string;
  amountFen: number;
  committedOn: string;
  latestOn: string;
  dueOn: string;
  daysLeft: number;
  overdue: boolean;
  settledLate: boolean;
  method: 'pay' | 'offset';
  status: 'pending' | 'paid' | 'offset';
  settledOn: string | null;
  version: number;
}

export const heating = {
  setUp: () => api.get<SetUp>('/heating/seasons'),
  createSeason: (body: Record<string, unknown>) => api.post<Season>('/heating/seasons', body),
  patchSeason: (id: string, body: Record<string, unknown>) =>
    api.patch<Season>(`/heating/seasons/${id}`, body),
  addPrice: (body: Record<string, unknown>) => api.post<Price>('/heating/prices', body),
  putRules: (body: { effectiveFrom: string; rules: Rules; note?: string }) =>
    api.put<RulesRow>('/heating/rules', body),
  bills: (seasonId: string) => api.get<BillList>(`/heating/seasons/${seasonId}/bills`),
  runBilling: (seasonId: string) => api.post<Run>(`/heating/seasons/${seasonId}/billing-runs`),
  settleMetered: (seasonId: string) =>
    api.post<MeteredSummary>(`/heating/seasons/${seasonId}/metered-settlement`),
  rewards: (seasonId: string) => api.post<{ rewarded: number }>(`/heating/seasons/${seasonId}/rewards`),
  remind: () => api.post<{ seasons: number; queued: number }>('/heating/reminders/run', {}),
  queue: (open: boolean) => api.get<QueueRow[]>('/heating/suspensions', { open: open ? 'true' : undefined }),
  disputes: () => api.get<Dispute[]>('/heating/meter-disputes'),
  createDispute: (body: Record<string, unknown>) => api.post<Dispute>('/heating/meter-disputes', body),
  resolveDispute: (id: string, body: Record<string, unknown>) =>
    api.post<Dispute & { reason: Msg }>(`/heating/meter-disputes/${id}/resolve`, body),
  refunds: () => api.get<Refund[]>('/heating/refunds'),
  createRefund: (body: Record<string, unknown>) => api.post<Refund>('/heating/refunds', body),
  settleRefund: (id: string, body: { version: number; method: 'pay' | 'offset' }) =>
    api.post<Refund>(`/heating/refunds/${id}/settle`, body),
};

/** 223925 → '2,239.25' */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined
    ? '—'
    : (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A yuan amount typed by a person ('25.5') → fen (2550), or null. */
export function fenFromYuan(text: string): number | null {
  const m = /^\s*(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}
