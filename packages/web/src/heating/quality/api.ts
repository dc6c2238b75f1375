import { http, ok } from '../../api/client.ts';
import type { Body, Item, Ok } from '../../api/contract.ts';

// The room-temperature quality API (issue 5: H-5.1, H-5.4, H-7.2.3, H-10.5.3). Temperatures in tenths of °C.
// Types come from the generated contract (npm run api:generate).

export type Current = Ok<'/api/sampling/current'>;
export type Plan = NonNullable<Current['plan']>;
export type Season = NonNullable<Current['season']>;
export type QuotaRow = Plan['quotas'][number];
export type Shortfall = Plan['shortfalls'][number];
export type SampleHousehold = Item<'/api/sampling/plans/{id}/households'>;
export type Measurer = Item<'/api/sampling/measurers'>;
export type Measurement = Item<'/api/measurements'>;
export type Recorded = Ok<'/api/measurements', 'post'>;
export type MeasurementInput = Body<'/api/measurements'>;
export type RoomReading = MeasurementInput['readings'][number];
export type Outcome = Measurement['outcome'];
export type Tasks = Ok<'/api/measurements/tasks'>;
export type Dashboard = Ok<'/api/quality/dashboard'>;
export type Sensor = Item<'/api/sensors'>;
export type Daily = Ok<'/api/sensors/daily'>;
export type DailyStat = Daily['days'][number];
export type Ingestion = Item<'/api/sensors/ingestions'>;
export type LowTemperatureCase = Item<'/api/low-temperature/cases'>;
export type Cause = NonNullable<LowTemperatureCase['cause']>;
export type Rule = Item<'/api/low-temperature/rules'>;
export type CaseDispute = Body<'/api/low-temperature/cases/{id}/dispute'>;
export type CaseDecision = Body<'/api/low-temperature/cases/{id}/decide'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const quality = {
  current: () => ok(http.GET('/api/sampling/current')),
  createPlan: (size: number) => ok(http.POST('/api/sampling/plans', { body: { size } })),
  households: (planId: string, offset = 0) =>
    ok(
      http.GET('/api/sampling/plans/{id}/households', {
        params: { path: { id: planId }, query: { limit: 500, offset } },
      }),
    ),
  measurers: () => ok(http.GET('/api/sampling/measurers')),
  assign: (planId: string, body: Body<'/api/sampling/plans/{id}/assign'>) =>
    ok(http.POST('/api/sampling/plans/{id}/assign', { ...byId(planId), body })),
  autoAssign: (planId: string, body: Body<'/api/sampling/plans/{id}/auto-assign'>) =>
    ok(http.POST('/api/sampling/plans/{id}/auto-assign', { ...byId(planId), body })),
  tasks: () => ok(http.GET('/api/measurements/tasks')),
  record: (body: MeasurementInput) => ok(http.POST('/api/measurements', { body })),
  measurements: (query: { outcome?: Outcome; limit?: number } = {}) =>
    ok(http.GET('/api/measurements', { params: { query } })),
  dashboard: () => ok(http.GET('/api/quality/dashboard')),
  sensors: () => ok(http.GET('/api/sensors')),
  daily: (premisesId: string) => ok(http.GET('/api/sensors/daily', { params: { query: { premisesId } } })),
  ingestions: () => ok(http.GET('/api/sensors/ingestions')),
  cases: () => ok(http.GET('/api/low-temperature/cases')),
  dispute: (id: string, body: CaseDispute) =>
    ok(http.POST('/api/low-temperature/cases/{id}/dispute', { ...byId(id), body })),
  decide: (id: string, body: CaseDecision) =>
    ok(http.POST('/api/low-temperature/cases/{id}/decide', { ...byId(id), body })),
  rules: () => ok(http.GET('/api/low-temperature/rules')),
};

/** Query keys: a write invalidates the prefix it changes (`['quality']` covers every quality read). */
export const qualityKeys = {
  all: ['quality'] as const,
  current: ['quality', 'current'] as const,
  households: (planId: string) => ['quality', 'households', planId] as const,
  measurers: ['quality', 'measurers'] as const,
  tasks: ['quality', 'tasks'] as const,
  measurements: (q: object) => ['quality', 'measurements', q] as const,
  dashboard: ['quality', 'dashboard'] as const,
  sensors: ['quality', 'sensors'] as const,
  daily: (premisesId: string) => ['quality', 'daily', premisesId] as const,
  ingestions: ['quality', 'ingestions'] as const,
  cases: ['quality', 'cases'] as const,
};

/** 185 → '18.5 °C' */
export const degrees = (tenths: number | null | undefined) =>
  tenths === null || tenths === undefined ? '—' : `${(tenths / 10).toFixed(1)} °C`;
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : `¥${(fen / 100).toFixed(2)}`;
