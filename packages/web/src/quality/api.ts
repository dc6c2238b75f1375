import { api } from '../api/client.ts';

// The room-temperature quality API (issue 5: H-5.1, H-5.4, H-7.2.3, H-10.5.3). Temperatures in tenths of °C.

export type Outcome = 'pass' | 'fail' | 'analysis_only';
export interface Msg {
  zh: string;
  en: string;
}
export interface Reason extends Msg {
  code: string;
}
export interface QuotaRow {
  dimension: 'total' | 'networkPosition' | 'orientation' | 'floorBand';
  value: string;
  target: number;
  achieved: number;
}
export interface Shortfall extends QuotaRow, Msg {
  missing: number;
}
export interface Plan {
  id: string;
  seasonId: string;
  requestedSize: number;
  selectedCount: number;
  populationCount: number;
  excludedLastSeason: number;
  quotas: QuotaRow[];
  shortfalls: Shortfall[];
  seed: number;
  createdAt: string;
}
export interface Season {
  id: string;
  area: string;
  period: string;
  startsOn: string;
  endsOn: string;
}
export interface SampleHousehold {
  id: string;
  premisesId: string;
  networkPosition: string;
  orientation: string;
  floorBand: string;
  assignedOn: string | null;
  measurerId: string | null;
  measurerName: string | null;
  status: 'planned' | 'measured';
  address: string;
  district: string;
  floor: number;
  buildingFloors: number;
  customerName: string;
  accountNo: string;
}
export interface Measurer {
  id: string;
  displayName: string;
  role: string;
}
export interface RoomReading {
  room: 'bedroom' | 'living_room' | 'other';
  label?: string;
  tenths: number;
}
export interface Measurement {
  id: string;
  premisesId: string;
  workOrderId: string | null;
  measuredAt: string;
  readings: RoomReading[];
  unitHeatUseRate: number;
  band: 'full' | 'partial' | 'low';
  requiredTenths: number | null;
  minDecisiveTenths: number | null;
  outcome: Outcome;
  reasons: Reason[];
  signed: boolean;
  caseId?: string | null;
  address?: string;
  district?: string;
  customerName?: string;
  measurerName?: string | null;
  orderNo?: string | null;
}
export interface Tasks {
  sampled: {
    sampleHouseholdId: string;
    premisesId: string;
    assignedOn: string | null;
    address: string;
    customerName: string;
    unitHeatUseRate: number | null;
  }[];
  orders: {
    workOrderId: string;
    orderNo: string;
    itemCode: string;
    description: string;
    premisesId: string | null;
    customerName: string | null;
    address: string;
  }[];
}
export interface Dashboard {
  season: { id: string; period: string; area: string } | null;
  target: number;
  households: { measured: number; passing: number; percent: number | null; meetsTarget: boolean };
  outcomes: Partial<Record<Outcome, number>>;
  histogram: { degree: number; outcome: Outcome; n: number }[];
  districts: {
    district: string;
    measured: number;
    passing: number;
    percent: number | null;
    meetsTarget: boolean;
  }[];
}
export interface Sensor {
  id: string;
  sensorCode: string;
  room: string;
  premisesId: string;
  address: string;
  district: string;
  customerName: string;
  lastAt: string | null;
  lastTenths: number | null;
}
export interface DailyStat {
  day: string;
  min: number;
  avg: number;
  max: number;
  readings: number;
  shareAtStandard: number;
}
export interface Ingestion {
  id: number;
  at: string;
  received: number;
  accepted: number;
  rejections: { index: number; sensorId: string; code: string; zh: string; en: string }[];
}
export type Cause = 'company_facility' | 'customer_facility' | 'unretrofitted_public_facility';
export interface LowTemperatureCase {
  id: string;
  workOrderId: string;
  orderNo: string;
  /** The complaint order's state and clocks (H-7.4.3, H-7.4.4): its next deadline and whether one was missed. */
  orderState: string;
  nextDueAt: string | null;
  breached: boolean;
  customerName: string;
  accountNo: string;
  address: string;
  status: 'measured' | 'disputed' | 'decided';
  version: number;
  companyResult: Outcome;
  measuredAt: string;
  minDecisiveTenths: number | null;
  requiredTenths: number | null;
  disputedByCustomer: boolean;
  thirdPartyInstitution: string | null;
  thirdPartyResult: 'passed' | 'failed' | null;
  thirdPartyTenths: number | null;
  testFeeFen: number | null;
  finalResult: 'passed' | 'failed' | null;
  cause: Cause | null;
  testPaidBy: 'company' | 'customer' | 'unspecified' | null;
  repairBy: string | null;
  feeReduced: boolean | null;
  outcomeReason: Msg | null;
  daysBelow: number | null;
  tenthsBelow: number | null;
  reductionFen: number | null;
  ledgerEntryId: number | null;
}
export interface Rule {
  id: string;
  name: string;
  fenPerDayPerDegree: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  basis: string;
  demo: boolean;
}

export const quality = {
  current: () => api.get<{ season: Season | null; plan: Plan | null }>('/sampling/current'),
  createPlan: (size: number) => api.post<Plan>('/sampling/plans', { size }),
  households: (planId: string, offset = 0) =>
    api.get<{ total: number; items: SampleHousehold[] }>(`/sampling/plans/${planId}/households`, {
      limit: 500,
      offset,
    }),
  measurers: () => api.get<{ items: Measurer[] }>('/sampling/measurers'),
  assign: (planId: string, body: { householdIds: string[]; assignedOn: string; measurerId: string }) =>
    api.post<{ updated: number }>(`/sampling/plans/${planId}/assign`, body),
  autoAssign: (planId: string, body: { measurerIds: string[]; startOn: string; perDay: number }) =>
    api.post<{ updated: number; lastDay: string | null }>(`/sampling/plans/${planId}/auto-assign`, body),
  tasks: () => api.get<Tasks>('/measurements/tasks'),
  record: (body: unknown) => api.post<Measurement>('/measurements', body),
  measurements: (q: { outcome?: string; limit?: number } = {}) =>
    api.get<{ items: Measurement[] }>('/measurements', q),
  dashboard: () => api.get<Dashboard>('/quality/dashboard'),
  sensors: () => api.get<{ items: Sensor[] }>('/sensors'),
  daily: (premisesId: string) =>
    api.get<{ address: string; standardTenths: number; days: DailyStat[] }>('/sensors/daily', { premisesId }),
  ingestions: () => api.get<{ items: Ingestion[] }>('/sensors/ingestions'),
  cases: () => api.get<{ items: LowTemperatureCase[] }>('/low-temperature/cases'),
  dispute: (id: string, body: unknown) =>
    api.post<LowTemperatureCase>(`/low-temperature/cases/${id}/dispute`, body),
  decide: (id: string, body: unknown) =>
    api.post<LowTemperatureCase>(`/low-temperature/cases/${id}/decide`, body),
  rules: () => api.get<{ items: Rule[] }>('/low-temperature/rules'),
};

/** 185 → '18.5 °C' */
export const degrees = (tenths: number | null | undefined) =>
  tenths === null || tenths === undefined ? '—' : `${(tenths / 10).toFixed(1)} °C`;
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`;
