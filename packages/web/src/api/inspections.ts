/** Gas safety inspections (G-5.11): plans, progress, the inspector's route, visit records and hazards. */
import { http, ok } from './client.ts';
import type { Body, Item, Ok, Query } from './contract.ts';

// Every type below is read from the contract (schema.d.ts, npm run api:generate).

export type Plan = Item<'/api/inspections/plans'>;
export type Progress = Ok<'/api/inspections/progress'>;
export type ProgressRow = Progress['items'][number];
export type MyRoute = Ok<'/api/inspections/my'>;
export type RouteVisit = MyRoute['items'][number];
export type Outcome = RouteVisit['history'][number]['outcome'];
export type VisitState = RouteVisit['state'];
export type Hazard = Item<'/api/hazards'>;
export type Grade = Hazard['grade'];
export type HazardDetail = Ok<'/api/hazards/{id}'>;
export type RecordBody = Body<'/api/inspections/records'>;
export type RecordResult = Ok<'/api/inspections/records', 'post'>;
export type HazardQuery = Query<'/api/hazards'>;
export type HazardStep = Body<'/api/hazards/{id}/steps'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const inspections = {
  minimums: () => ok(http.GET('/api/inspections/minimums')),
  inspectors: () => ok(http.GET('/api/inspections/inspectors')),
  plans: (year: number) => ok(http.GET('/api/inspections/plans', { params: { query: { year } } })),
  generate: (body: Body<'/api/inspections/plans'>) => ok(http.POST('/api/inspections/plans', { body })),
  progress: (query: Query<'/api/inspections/progress'>) =>
    ok(http.GET('/api/inspections/progress', { params: { query } })),
  visits: (query: Query<'/api/inspections/visits'>) =>
    ok(http.GET('/api/inspections/visits', { params: { query } })),
  my: () => ok(http.GET('/api/inspections/my')),
  record: (body: RecordBody) => ok(http.POST('/api/inspections/records', { body })),
  followUp: (id: string, body: Body<'/api/inspections/visits/{id}/follow-up'>) =>
    ok(http.POST('/api/inspections/visits/{id}/follow-up', { ...byId(id), body })),
  hazards: (query: HazardQuery) => ok(http.GET('/api/hazards', { params: { query } })),
  major: (query: HazardQuery) => ok(http.GET('/api/hazards/major', { params: { query } })),
  hazard: (id: string) => ok(http.GET('/api/hazards/{id}', byId(id))),
  rectificationUrl: (id: string) => `/api/hazards/${id}/rectification.pdf`,
  step: (id: string, body: HazardStep) => ok(http.POST('/api/hazards/{id}/steps', { ...byId(id), body })),
};
