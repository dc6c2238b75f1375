/** G-5.1.8: gas-quality test results an enterprise publishes, and how they read. */
import { http, ok } from '../api/client.ts';
import type { Body, Item } from '../api/contract.ts';

export type GasQualityReport = Item<'/api/gas-quality'>;
export type GasQualityInput = Body<'/api/gas-quality'>;

export const gasQuality = {
  list: () => ok(http.GET('/api/gas-quality')),
  publish: (body: GasQualityInput) => ok(http.POST('/api/gas-quality', { body })),
};

/** 96.12% from 9612 hundredths of a percent. */
export const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(2)}%`;
/** 35.59 MJ/m³ from 35,590 kJ/m³. */
export const megajoules = (kj: number) => `${(kj / 1000).toFixed(2)} MJ/m³`;
/** 2.0 kPa from 2,000 Pa; MPa above 100 kPa. */
export const pressure = (pa: number) =>
  pa >= 100_000 ? `${(pa / 1e6).toFixed(2)} MPa` : `${(pa / 1000).toFixed(1)} kPa`;
