/** Gas safety inspections (G-5.11): plans, progress, the inspector's route, visit records and hazards. */
import { http, ok } from './client.ts';
import type { Body, Query } from './contract.ts';

// The server declares request schemas only for these routes; the answers are typed here from the services.

export type Outcome = 'inspected' | 'refused_entry' | 'refused_to_sign' | 'refused_notice' | 'nobody_home';
export type Grade = 'general' | 'serious' | 'major';
export type VisitState =
  'planned' | 'inspected' | 'refused' | 'retry_needed' | 'community_follow_up_due' | 'community_followed_up';
export interface Msg {
  zh: string;
  en: string;
}
export interface Minimum {
  kind: string;
  visitsPerYear: number;
  clause: string;
}
export interface Plan {
  id: string;
  enterpriseId: string;
  year: number;
  visitsPerKind: Record<string, number>;
  inspectorIds: string[];
  plannedCount: number;
  customerCount: number;
  createdAt: string;
}
export interface ProgressRow {
  key: string;
  planned: number;
  done: number;
  outstanding: number;
  overdue: number;
  due: number;
  refused: number;
  notReached: number;
}
export interface Progress {
  year: number;
  today: string;
  total: Omit<ProgressRow, 'key' | 'refused' | 'notReached'>;
  items: ProgressRow[];
}
export interface OpenHazard {
  id: string;
  item: string;
  grade: Grade;
  description: string;
  dueAt: string;
}
export interface RouteVisit {
  id: string;
  customerId: string;
  kind: string;
  seq: number;
  windowFrom: string;
  windowTo: string;
  community: string;
  building: string;
  state: VisitState;
  attempts: number;
  lastOutcome: Outcome | null;
  customerName: string;
  accountNo: string;
  phone: string | null;
  address: string;
  overdue: boolean;
  advice: { explanation: Msg; missing: { otherTimeOfDay: boolean; restDay: boolean } | null } | null;
  history: { outcome: Outcome; at: string; note: string }[];
  openHazards: OpenHazard[];
}
export interface MyRoute {
  today: string;
  nextRestDay: string;
  items: RouteVisit[];
}
export interface Hazard {
  id: string;
  enterpriseName: string;
  customerName: string;
  accountNo: string;
  phone: string | null;
  address: string;
  community: string;
  item: string;
  grade: Grade;
  responsible: 'customer' | 'company';
  description: string;
  foundAt: string;
  dueAt: string;
  status: 'open' | 'closed';
  notice: 'pending' | 'signed' | 'refused';
  reportedAt: string | null;
  closedAt: string | null;
  extensions: number;
  overdue: boolean;
}
export interface HazardDetail extends Hazard {
  file: {
    id: number;
    type: string;
    at: string;
    data: { reason?: string; photos?: string[]; description?: string };
  }[];
}
export type RecordBody = Body<'/api/inspections/records'>;
export type HazardQuery = Query<'/api/hazards'>;
export type HazardStep = Body<'/api/hazards/{id}/steps'>;
export interface RecordResult {
  id: string;
  duplicate: boolean;
  visitState: VisitState | null;
  hazardIds: string[];
}

const byId = (id: string) => ({ params: { path: { id } } });

export const inspections = {
  minimums: () => ok(http.GET('/api/inspections/minimums')) as Promise<{ items: Minimum[] }>,
  inspectors: () =>
    ok(http.GET('/api/inspections/inspectors')) as Promise<{ items: { id: string; displayName: string }[] }>,
  plans: (year: number) =>
    ok(http.GET('/api/inspections/plans', { params: { query: { year } } })) as Promise<{ items: Plan[] }>,
  generate: (body: Body<'/api/inspections/plans'>) =>
    ok(http.POST('/api/inspections/plans', { body })) as Promise<Plan & { routes: number }>,
  progress: (query: Query<'/api/inspections/progress'>) =>
    ok(http.GET('/api/inspections/progress', { params: { query } })) as Promise<Progress>,
  my: () => ok(http.GET('/api/inspections/my')) as Promise<MyRoute>,
  record: (body: RecordBody) => ok(http.POST('/api/inspections/records', { body })) as Promise<RecordResult>,
  followUp: (id: string, body: Body<'/api/inspections/visits/{id}/follow-up'>) =>
    ok(http.POST('/api/inspections/visits/{id}/follow-up', { ...byId(id), body })),
  hazards: (query: HazardQuery) =>
    ok(http.GET('/api/hazards', { params: { query } })) as Promise<{ total: number; items: Hazard[] }>,
  major: (query: HazardQuery) =>
    ok(http.GET('/api/hazards/major', { params: { query } })) as Promise<{ total: number; items: Hazard[] }>,
  hazard: (id: string) => ok(http.GET('/api/hazards/{id}', byId(id))) as Promise<HazardDetail>,
  step: (id: string, body: HazardStep) =>
    ok(http.POST('/api/hazards/{id}/steps', { ...byId(id), body })) as Promise<HazardDetail>,
};
