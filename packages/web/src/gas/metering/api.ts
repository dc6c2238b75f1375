/** Meters, readings and gas prices (server modules/gas/meters, readings, prices). Litres and fen throughout. */
import { http, ok } from '../../api/client.ts';
import type { Body, Item, Ok, Query } from '../../api/contract.ts';

export type Meter = Item<'/api/meters'>;
export type MeterDetail = Ok<'/api/meters/{id}'>;
export type MeterEvent = MeterDetail['events'][number];
export type Reading = Item<'/api/readings'>;
export type ReadingInput = Body<'/api/readings'>;
export type Entered = Ok<'/api/readings', 'post'>;
export type ReadingFlag = Entered['flags'][number];
export type RouteMeter = Item<'/api/readings/route'>;
export type BulkRow = Ok<'/api/readings/bulk', 'post'>['rows'][number];
export type PriceSchedule = Item<'/api/prices'>;
export type PriceTier = PriceSchedule['tiers'][number];

const byId = (id: string) => ({ params: { path: { id } } });

export const metering = {
  meters: (query: Query<'/api/meters'>) => ok(http.GET('/api/meters', { params: { query } })),
  meter: (id: string) => ok(http.GET('/api/meters/{id}', byId(id))),
  createMeter: (body: Body<'/api/meters'>) => ok(http.POST('/api/meters', { body })),
  meterEvent: (id: string, body: Body<'/api/meters/{id}/events'>) =>
    ok(http.POST('/api/meters/{id}/events', { ...byId(id), body })),
  readings: (customerId: string) => ok(http.GET('/api/readings', { params: { query: { customerId } } })),
  enter: (body: ReadingInput) => ok(http.POST('/api/readings', { body })),
  estimate: (meterId: string, periodEnd: string) =>
    ok(http.GET('/api/readings/estimate', { params: { query: { meterId, periodEnd } } })),
  route: (query: Query<'/api/readings/route'>) => ok(http.GET('/api/readings/route', { params: { query } })),
  bulk: (rows: ReadingInput[]) => ok(http.POST('/api/readings/bulk', { body: { rows } })),
  prices: (customerClass?: Query<'/api/prices'>['customerClass']) =>
    ok(http.GET('/api/prices', { params: { query: { customerClass } } })),
  createPrice: (body: Body<'/api/prices'>) => ok(http.POST('/api/prices', { body })),
};

/** '12.345' m³ from litres. */
export const m3 = (litres: number | null | undefined) =>
  litres === null || litres === undefined ? '—' : (litres / 1000).toFixed(3);
/** '3.36' 元 from fen. */
export const yuan = (fen: number | null | undefined) =>
  fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2);

/** Query keys: a prefix invalidates every read under it (`['meters']` covers one meter too). */
export const meteringKeys = {
  meters: ['meters'] as const,
  meterList: (q: object) => ['meters', 'list', q] as const,
  meter: (id: string) => ['meters', 'detail', id] as const,
  readings: ['readings'] as const,
  readingList: (customerId: string) => ['readings', 'customer', customerId] as const,
  route: (q: object) => ['readings', 'route', q] as const,
  estimate: (meterId: string, periodEnd: string) => ['readings', 'estimate', meterId, periodEnd] as const,
  prices: ['prices'] as const,
};
