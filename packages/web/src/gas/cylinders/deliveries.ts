/** Issue 18: bottled-gas deliveries (the courier's record), returns and residue. */
import { http, ok } from '../../api/client.ts';
import type { Body, Ok, Query } from '../../api/contract.ts';

export type DeliveryList = Ok<'/api/cylinder-deliveries'>;
export type Delivery = DeliveryList['items'][number];
export type DeliveryInput = Body<'/api/cylinder-deliveries'>;

export type BottledOrder = Ok<'/api/bottled-orders'>['items'][number];
export type CylinderPriceList = Ok<'/api/cylinder-prices'>['items'][number];

/** G-7.2.1: the published bottled-gas price lists, in force, scheduled and superseded. */
export const cylinderPriceKeys = { all: ['cylinder-prices'] as const };
export const cylinderPrices = {
  list: () => ok(http.GET('/api/cylinder-prices')),
  publish: (body: Body<'/api/cylinder-prices'>) => ok(http.POST('/api/cylinder-prices', { body })),
};

export const deliveryKeys = {
  all: ['cylinder-deliveries'] as const,
  orders: (q: Query<'/api/bottled-orders'>) => ['cylinder-deliveries', 'orders', q] as const,
  list: (q: Query<'/api/cylinder-deliveries'>) => ['cylinder-deliveries', q] as const,
};

export const deliveries = {
  list: (query: Query<'/api/cylinder-deliveries'>) =>
    ok(http.GET('/api/cylinder-deliveries', { params: { query } })),
  record: (body: DeliveryInput) => ok(http.POST('/api/cylinder-deliveries', { body })),
  /** Residents' self-service orders on the delivery board, priced on the published list. */
  orders: (query: Query<'/api/bottled-orders'>) => ok(http.GET('/api/bottled-orders', { params: { query } })),
  weigh: (id: string, residueG: number) =>
    ok(http.POST('/api/cylinder-deliveries/{id}/residue', { params: { path: { id } }, body: { residueG } })),
};

/** ¥110.00 from 11000 fen. */
export const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
