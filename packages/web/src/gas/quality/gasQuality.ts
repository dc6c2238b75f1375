/** G-5.1.8: gas-quality test results an enterprise publishes, and how they read. */
import { http, ok } from '../../api/client.ts';
import type { Body, Item } from '../../api/contract.ts';

export type GasQualityReport = Item<'/api/gas-quality'>;
export type GasQualityInput = Body<'/api/gas-quality'>;

export const gasQuality = {
  list: () => ok(http.GET('/api/gas-quality')),
  publish: (body: GasQualityInput) => ok(http.POST('/api/gas-quality', { body })),
};

export { megajoules, percent, pressure } from '@ranre/domain';
