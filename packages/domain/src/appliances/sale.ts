// G-9.1.1–G-9.1.3, G-9.2.9: selling gas appliances. An appliance is certified for one gas type; the gas at the
// customer's address decides what may be sold there: a bottled-gas customer burns liquefied petroleum gas, a pipeline
// customer the gas of the network serving the community (the regulating stations the pipeline companies declare,
// G-6.2.15). A sale for another gas is refused with the reason. The customer takes home the receipt, warranty card,
// product certificate, safety manual and the gas-type label (G-9.1.3). Nothing binds an installation to a brand the
// company sells (G-9.2.9).

import type { Messages } from '../errors.ts';

export const APPLIANCE_GAS_TYPES = ['natural_gas', 'lpg'] as const;
export type ApplianceGasType = (typeof APPLIANCE_GAS_TYPES)[number];

export const GAS_TYPE_NAMES: Readonly<Record<ApplianceGasType, Messages>> = {
  natural_gas: { zh: '天然气', en: 'natural gas' },
  lpg: { zh: '液化石油气', en: 'liquefied petroleum gas' },
};

export const SUPPLY_KINDS = ['pipeline', 'bottled'] as const;
export type SupplyKind = (typeof SUPPLY_KINDS)[number];

/** G-9.1.3: what the customer receives with an appliance. */
export const SALE_HANDOVER = [
  { key: 'receipt', zh: '合法收费凭证', en: 'receipt' },
  { key: 'warrantyCard', zh: '保修卡', en: 'warranty card' },
  { key: 'certificate', zh: '产品合格证件', en: 'product certificate' },
  { key: 'manual', zh: '安全使用说明书', en: 'safety manual' },
  { key: 'gasTypeLabel', zh: '适用气种标识', en: 'gas-type label' },
] as const;
export type HandoverKey = (typeof SALE_HANDOVER)[number]['key'];

/** The G-9.1.3 items not handed over. */
export function missingHandover(given: readonly string[]): HandoverKey[] {
  return SALE_HANDOVER.map((h) => h.key).filter((k) => !given.includes(k));
}

/**
 * The gas at the address and where it comes from: LPG for a bottled-gas customer; for a pipeline customer the gas
 * type of the network serving the community, or null when no pipeline company declares that community.
 */
export function addressGasType(
  supply: SupplyKind,
  networkGasTypes: readonly string[],
): { gasType: ApplianceGasType; source: string } | null {
  if (supply === 'bottled') return { gasType: 'lpg', source: 'bottled' };
  const known = [...new Set(networkGasTypes)].filter((g): g is ApplianceGasType =>
    (APPLIANCE_GAS_TYPES as readonly string[]).includes(g),
  );
  // Two networks of different gases over one community: the seller cannot tell which one the address is on.
  return known.length === 1 ? { gasType: known[0]!, source: 'pipeline_network' } : null;
}

/** G-9.1.3: why an appliance for `applianceGas` may not be sold for an address burning `addressGas`, or null. */
export function gasTypeMismatch(applianceGas: string, addressGas: ApplianceGasType): Messages | null {
  if (applianceGas === addressGas) return null;
  const a = GAS_TYPE_NAMES[applianceGas as ApplianceGasType] ?? { zh: applianceGas, en: applianceGas };
  const b = GAS_TYPE_NAMES[addressGas];
  return {
    zh: `该器具适用气种为${a.zh}，用户地址使用${b.zh}，气种不符，不能销售（G-9.1.3）；请选用适用${b.zh}的器具`,
    en: `The appliance is for ${a.en} but the address burns ${b.en}; it may not be sold (G-9.1.3). Choose one for ${b.en}`,
  };
}
