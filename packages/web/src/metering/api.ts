/** Meters, readings and gas prices (server modules/meters, readings, prices). Litres and fen throughout. */
import { api } from '../api/client.ts';

export interface Messages {
  zh: string;
  en: string;
}

export interface Meter {
  id: string;
  enterpriseId: string;
  customerId: string | null;
  customerName: string | null;
  accountNo: string | null;
  address: string | null;
  serialNo: string;
  model: string;
  manufacturer: string;
  status: 'in_service' | 'in_verification' | 'removed' | 'in_stock' | string;
  installedOn: string | null;
  removedOn: string | null;
  initialReading: number;
  verifiedOn: string | null;
  nextVerificationDue: string | null;
  replaceBy: string | null;
  dueInDays: number | null;
  remoteReading: boolean;
  prepaid: boolean;
  lowBalanceAlarmFen: number | null;
  overdraftLimitFen: number | null;
  prepaidBalanceFen: number;
  version: number;
}

export interface MeterEvent {
  id: number;
  kind: string;
  on: string;
  reading: number | null;
  payload: Record<string, unknown>;
  actorName: string | null;
  createdAt: string;
}

export interface ReadingFlag {
  code: string;
  severity: string;
  reason: Messages;
}

export interface Reading {
  id: string;
  meterId: string;
  serialNo: string;
  customerId: string;
  readOn: string;
  kind: 'actual' | 'remote' | 'customer' | 'estimated' | string;
  register: number;
  usage: number;
  estimateBasis: (Record<string, unknown> & { reason?: Messages }) | null;
  checks: (Record<string, unknown> & {
    code: string;
    reason?: Messages;
    note?: string;
    explanation?: Messages;
  })[];
  note: string;
  enteredByName: string | null;
  createdAt: string;
}

export interface ReadingInput {
  meterId: string;
  readOn: string;
  kind: 'actual' | 'remote' | 'customer';
  register: number;
  note?: string;
  confirm?: boolean;
}

export interface Entered {
  reading: Reading;
  flags: ReadingFlag[];
  settlement: { volumeDifference: number; direction: string; explanation: Messages } | null;
}

export interface EstimatePreview {
  meterId: string;
  customerId: string;
  readOn: string;
  register: number;
  usage: number;
  basis: Record<string, unknown> & {
    reason: Messages;
    capped: boolean;
    cap: { periodEnd: string; volume: number };
  };
}

export interface RouteMeter {
  meterId: string;
  serialNo: string;
  remoteReading: boolean;
  customerId: string;
  customerName: string;
  accountNo: string;
  address: string;
  community: string;
  lastReadOn: string | null;
  lastRegister: number | null;
  lastKind: string | null;
}

export interface BulkRow {
  index: number;
  meterId: string;
  ok: boolean;
  readingId: string | null;
  usage: number | null;
  code: string | null;
  message: Messages | null;
  flags: ReadingFlag[];
}

export interface PriceTier {
  upTo: number | null;
  price: number;
}

export interface PriceSchedule {
  id: string;
  enterpriseId: string;
  customerClass: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: 'in_force' | 'scheduled' | 'superseded';
  label: string;
  demo: boolean;
  tiers: PriceTier[];
  tierYearStartMonth: number;
  basis: string;
  announcedOn: string | null;
  notified: number;
  createdAt: string;
}

export const metering = {
  meters: (q: { q?: string; status?: string; dueWithinDays?: number; customerId?: string; limit?: number }) =>
    api.get<{ items: Meter[] }>('/meters', q),
  meter: (id: string) => api.get<{ meter: Meter; events: MeterEvent[] }>(`/meters/${id}`),
  createMeter: (body: Record<string, unknown>) =>
    api.post<{ meter: Meter; events: MeterEvent[] }>('/meters', body),
  meterEvent: (id: string, body: Record<string, unknown>) =>
    api.post<{ meter: Meter; events: MeterEvent[] }>(`/meters/${id}/events`, body),
  readings: (customerId: string) => api.get<{ items: Reading[] }>('/readings', { customerId }),
  enter: (body: ReadingInput) => api.post<Entered>('/readings', body),
  estimate: (meterId: string, periodEnd: string) =>
    api.get<EstimatePreview>('/readings/estimate', { meterId, periodEnd }),
  route: (q: { district?: string; community?: string }) =>
    api.get<{ areas: { district: string; community: string; meters: number }[]; items: RouteMeter[] }>(
      '/readings/route',
      q,
    ),
  bulk: (rows: ReadingInput[]) =>
    api.post<{ saved: number; failed: number; rows: BulkRow[] }>('/readings/bulk', { rows }),
  prices: (customerClass?: string) => api.get<{ items: PriceSchedule[] }>('/prices', { customerClass }),
  createPrice: (body: Record<string, unknown>) => api.post<PriceSchedule>('/prices', body),
};

/** '12.345' m³ from litres. */
export const m3 = (litres: number | null | undefined) =>
  litres === null || litres === undefined ? '—' : (litres / 1000).toFixed(3);
/** '3.36' 元 from fen. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2);
