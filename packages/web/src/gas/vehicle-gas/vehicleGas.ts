/** Issue 18, vehicle gas (G-8.1): vehicles and certificates, the check before filling, fills, dispensers, leaks. */
import { http, ok } from '../../api/client.ts';
import type { Body, Item, Ok, Query } from '../../api/contract.ts';

export type Vehicle = Item<'/api/vehicles'>;
export type VehicleInput = Body<'/api/vehicles'>;
export type VehicleDetail = Ok<'/api/vehicles/{id}'>;
export type CheckResult = Ok<'/api/vehicle-fills/checks', 'post'>;
export type VehicleFill = Ok<'/api/vehicle-fills', 'post'>;
export type FillLog = Ok<'/api/vehicle-fills'>;
export type FillReceipt = Ok<'/api/vehicle-fills/{id}/receipt', 'post'>;
export type PaymentMethod = Body<'/api/vehicle-fills/{id}/receipt'>['paymentMethod'];
export type DispenserList = Ok<'/api/dispensers'>;
export type Dispenser = DispenserList['items'][number];
export type LeakCase = Ok<'/api/vehicle-leaks/{id}'>;
export type LeakStepInput = Body<'/api/vehicle-leaks/{id}/steps'>;

export const vehicleGas = {
  vehicles: (query: Query<'/api/vehicles'>) => ok(http.GET('/api/vehicles', { params: { query } })),
  vehicle: (id: string) => ok(http.GET('/api/vehicles/{id}', { params: { path: { id } } })),
  register: (body: VehicleInput) => ok(http.POST('/api/vehicles', { body })),
  renew: (
    id: string,
    cylinderId: string,
    body: Body<'/api/vehicles/{id}/cylinders/{cylinderId}/certificates'>,
  ) =>
    ok(
      http.POST('/api/vehicles/{id}/cylinders/{cylinderId}/certificates', {
        params: { path: { id, cylinderId } },
        body,
      }),
    ),
  check: (body: Body<'/api/vehicle-fills/checks'>) => ok(http.POST('/api/vehicle-fills/checks', { body })),
  fill: (body: Body<'/api/vehicle-fills'>) => ok(http.POST('/api/vehicle-fills', { body })),
  log: (query: Query<'/api/vehicle-fills'>) => ok(http.GET('/api/vehicle-fills', { params: { query } })),
  /** G-8.1.3: the fill's receipt, issued once; printed from the PDF. */
  issueReceipt: (id: string, body: Body<'/api/vehicle-fills/{id}/receipt'>) =>
    ok(http.POST('/api/vehicle-fills/{id}/receipt', { params: { path: { id } }, body })),
  receiptPdfUrl: (id: string) => `/api/vehicle-fills/${id}/receipt.pdf`,
  dispensers: () => ok(http.GET('/api/dispensers', { params: { query: {} } })),
  addDispenser: (body: Body<'/api/dispensers'>) => ok(http.POST('/api/dispensers', { body })),
  verify: (id: string, body: Body<'/api/dispensers/{id}/verifications'>) =>
    ok(http.POST('/api/dispensers/{id}/verifications', { params: { path: { id } }, body })),
  leaks: (query: Query<'/api/vehicle-leaks'>) => ok(http.GET('/api/vehicle-leaks', { params: { query } })),
  openLeak: (body: Body<'/api/vehicle-leaks'>) => ok(http.POST('/api/vehicle-leaks', { body })),
  step: (id: string, body: LeakStepInput) =>
    ok(http.POST('/api/vehicle-leaks/{id}/steps', { params: { path: { id } }, body })),
};

export const vgKeys = {
  all: ['vehicle-gas'] as const,
  vehicles: (q: object) => ['vehicle-gas', 'vehicles', q] as const,
  dispensers: ['vehicle-gas', 'dispensers'] as const,
  leaks: (state: string) => ['vehicle-gas', 'leaks', state] as const,
  log: (q: object) => ['vehicle-gas', 'log', q] as const,
};

export const MEDIA = ['CNG', 'LNG', 'LPG'] as const;
export const CERT_COLOR: Record<string, string> = { valid: 'green', due_soon: 'orange', expired: 'red' };
export const DISPENSER_COLOR: Record<string, string> = {
  valid: 'green',
  due_soon: 'orange',
  overdue: 'red',
  failed: 'red',
  never: 'default',
};
