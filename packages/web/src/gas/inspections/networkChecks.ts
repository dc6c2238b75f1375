/** G-6.2.15, G-6.2.16: pressure-regulating stations, drawn households and their inlet pressure, odorant checks. */
import { http, ok } from '../../api/client.ts';
import type { Body, Ok } from '../../api/contract.ts';

export type Stations = Ok<'/api/network-checks/stations'>;
export type Station = Stations['items'][number];
export type Round = Station['near'];
export type Draw = Ok<'/api/network-checks/draws/{id}'>;
export type Household = Draw['households'][number];
export type Odorant = Ok<'/api/network-checks/odorant'>;

const byId = (id: string) => ({ params: { path: { id } } });

export const networkChecks = {
  stations: () => ok(http.GET('/api/network-checks/stations')),
  addStation: (body: Body<'/api/network-checks/stations'>) =>
    ok(http.POST('/api/network-checks/stations', { body })),
  draw: (id: string, perSide: number) =>
    ok(http.POST('/api/network-checks/stations/{id}/draws', { ...byId(id), body: { perSide } })),
  draws: () => ok(http.GET('/api/network-checks/draws')),
  drawDetail: (id: string) => ok(http.GET('/api/network-checks/draws/{id}', byId(id))),
  recordPressure: (body: Body<'/api/network-checks/pressure'>) =>
    ok(http.POST('/api/network-checks/pressure', { body })),
  odorant: () => ok(http.GET('/api/network-checks/odorant')),
  recordOdorant: (body: Body<'/api/network-checks/odorant'>) =>
    ok(http.POST('/api/network-checks/odorant', { body })),
  setThreshold: (body: Body<'/api/network-checks/odorant/threshold'>) =>
    ok(http.POST('/api/network-checks/odorant/threshold', { body })),
};

export const ROUND_COLOURS: Record<Round['state'], string> = {
  done: 'green',
  due: 'blue',
  due_soon: 'orange',
  missed: 'red',
};
