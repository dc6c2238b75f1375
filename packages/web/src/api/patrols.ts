/** Patrols of the network (G-5.11.10), the supply conditions (G-5.3.1, G-6.1.1), a hazard's repair (G-5.11.7). */
import { http, ok } from './client.ts';
import type { Body, Item, Ok, Query } from './contract.ts';

export type Patrol = Item<'/api/patrols'>;
export type PatrolDetail = Ok<'/api/patrols/{id}'>;
export type PatrolBody = Body<'/api/patrols'>;
export type PatrolFinding = NonNullable<PatrolBody['findings']>[number];
export type PatrolItem = Item<'/api/patrols/items'>;
export type Coverage = Item<'/api/supply-coverage'>;
export type CoverageBody = Body<'/api/supply-coverage'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const patrols = {
  items: () => ok(http.GET('/api/patrols/items')),
  list: (query: Query<'/api/patrols'>) => ok(http.GET('/api/patrols', { params: { query } })),
  get: (id: string) => ok(http.GET('/api/patrols/{id}', byId(id))),
  record: (body: PatrolBody) => ok(http.POST('/api/patrols', { body })),
  coverage: (query: Query<'/api/supply-coverage'>) =>
    ok(http.GET('/api/supply-coverage', { params: { query } })),
  stateCoverage: (body: CoverageBody) => ok(http.POST('/api/supply-coverage', { body })),
  repairOrder: (id: string, note: string) =>
    ok(http.POST('/api/hazards/{id}/repair-order', { ...byId(id), body: { note } })),
  renovated: (body: Body<'/api/inspections/renovations'>) =>
    ok(http.POST('/api/inspections/renovations', { body })),
};
