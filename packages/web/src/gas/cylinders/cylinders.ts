/** Issue 18: the bottled-gas cylinder register, life events, the filling line and the public lookup. */
import { http, ok } from '../../api/client.ts';
import type { Body, Item, Ok, Query } from '../../api/contract.ts';

export type Cylinder = Item<'/api/cylinders'>;
export type CylinderInput = Body<'/api/cylinders'>;
export type CylinderQuery = Query<'/api/cylinders'>;
export type CylinderDetail = Ok<'/api/cylinders/{code}'>;
export type LifeEventInput = Body<'/api/cylinders/{code}/events'>;
export type ScanResult = Ok<'/api/cylinder-fills/scans', 'post'>;
export type FillResult = Ok<'/api/cylinder-fills', 'post'>;
export type FillReport = Ok<'/api/cylinder-fills'>;
export type PublicCylinder = Ok<'/api/public/cylinders/{code}'>;

export const cylinders = {
  list: (query: CylinderQuery) => ok(http.GET('/api/cylinders', { params: { query } })),
  register: (body: CylinderInput) => ok(http.POST('/api/cylinders', { body })),
  detail: (code: string) => ok(http.GET('/api/cylinders/{code}', { params: { path: { code } } })),
  record: (code: string, body: LifeEventInput) =>
    ok(http.POST('/api/cylinders/{code}/events', { params: { path: { code } }, body })),
  scan: (body: Body<'/api/cylinder-fills/scans'>) => ok(http.POST('/api/cylinder-fills/scans', { body })),
  fill: (body: Body<'/api/cylinder-fills'>) => ok(http.POST('/api/cylinder-fills', { body })),
  report: (query: Query<'/api/cylinder-fills'>) => ok(http.GET('/api/cylinder-fills', { params: { query } })),
  lookup: (code: string) => ok(http.GET('/api/public/cylinders/{code}', { params: { path: { code } } })),
};

/** 14.5 kg from 14,500 g. */
export const kg = (g: number | null | undefined) => (g == null ? '—' : `${(g / 1000).toFixed(2)} kg`);
/** The share of a count, one decimal; a dash when nothing was counted. */
export const rate = (n: number, of: number) => (of === 0 ? '—' : `${((n * 100) / of).toFixed(1)}%`);

export const STATES = [
  'in_stock',
  'full',
  'held',
  'dispatched',
  'with_customer',
  'returned',
  'scrapped',
  'disposed',
] as const;
export const STATE_COLOR: Record<string, string> = {
  in_stock: 'default',
  full: 'green',
  held: 'orange',
  dispatched: 'blue',
  with_customer: 'cyan',
  returned: 'purple',
  scrapped: 'red',
  disposed: 'default',
};
