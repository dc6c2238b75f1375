/** H-5.4.1: heating gateways' ingestion keys, issued and revoked by the enterprise admin. */
import { http, ok } from '../../api/client.ts';
import type { Body, Item, Ok } from '../../api/contract.ts';

export type GatewayKey = Item<'/api/gateway-keys'>;
export type IssuedGatewayKey = Ok<'/api/gateway-keys', 'post'>;
export type GatewayKeyInput = Body<'/api/gateway-keys'>;

export const gatewayKeys = {
  list: () => ok(http.GET('/api/gateway-keys')),
  issue: (body: GatewayKeyInput) => ok(http.POST('/api/gateway-keys', { body })),
  revoke: (id: string) => ok(http.POST('/api/gateway-keys/{id}/revoke', { params: { path: { id } } })),
};
