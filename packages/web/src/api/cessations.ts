/** Ceasing business or stopping a service (G-6.2.14, G-9.3.2). */
import { http, ok } from './client.ts';
import type { Body, Item, Ok } from './contract.ts';

export type Cessation = Item<'/api/cessations'>;
export type CessationInput = Body<'/api/cessations'>;
export type CessationPreview = Ok<'/api/cessations/preview'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const cessations = {
  list: () => ok(http.GET('/api/cessations')),
  preview: (ceasesOn: string) => ok(http.GET('/api/cessations/preview', { params: { query: { ceasesOn } } })),
  file: (body: CessationInput) => ok(http.POST('/api/cessations', { body })),
  decide: (id: string, decision: 'approved' | 'rejected', note: string) =>
    ok(http.POST('/api/cessations/{id}/decision', { ...byId(id), body: { decision, note } })),
  notify: (id: string) => ok(http.POST('/api/cessations/{id}/notify', byId(id))),
  withdraw: (id: string) => ok(http.POST('/api/cessations/{id}/withdraw', byId(id))),
};
