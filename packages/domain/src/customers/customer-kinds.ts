// The kinds of customer the two standards treat differently, and the premises attributes heating sampling uses.
// Pipeline gas splits urban / rural / non-resident because the safety-inspection frequency differs (G-5.11.1);
// heating splits resident / non-resident because H-5.1 and the contracts (H-7.1.5) treat them apart.

import type { Messages } from '../errors.ts';

/** Enterprises that serve customers (the server's list adds 'regulator', which serves none). */
export type ServiceEnterpriseKind =
  'pipeline_gas' | 'bottled_gas' | 'vehicle_gas' | 'appliance' | 'heating' | 'heating_reseller';

export const SERVICE_ENTERPRISE_KINDS: readonly ServiceEnterpriseKind[] = [
  'pipeline_gas',
  'bottled_gas',
  'vehicle_gas',
  'appliance',
  'heating',
  'heating_reseller',
];

export type Sector = 'gas' | 'heating';

export const ENTERPRISE_KIND_SECTOR: Readonly<Record<ServiceEnterpriseKind, Sector>> = {
  pipeline_gas: 'gas',
  bottled_gas: 'gas',
  vehicle_gas: 'gas',
  appliance: 'gas',
  heating: 'heating',
  heating_reseller: 'heating',
};

export type CustomerKind =
  | 'pipeline_urban_resident'
  | 'pipeline_rural_resident'
  | 'pipeline_non_resident'
  | 'bottled_gas'
  | 'vehicle_fleet'
  | 'heating_resident'
  | 'heating_non_resident';

export interface CustomerKindInfo {
  kind: CustomerKind;
  label: Messages;
  sector: Sector;
  /** Enterprise kinds that may hold such a customer. */
  enterpriseKinds: readonly ServiceEnterpriseKind[];
  /** G-5.11.1: minimum safety inspections a year, where the standard sets one. */
  inspectionsPerYear?: number;
}

// Appliance companies (G-9) install and repair appliances for pipeline and bottled-gas users, so they may hold
// those customers; vehicles are filled at stations and have no household appliances.
// Heating resellers (趸售, H-10.4.1) serve the residents of their own area, resident and non-resident alike.
export const CUSTOMER_KINDS: Readonly<Record<CustomerKind, CustomerKindInfo>> = {
  pipeline_urban_resident: {
    kind: 'pipeline_urban_resident',
    label: { zh: '管道燃气城镇居民用户', en: 'Pipeline gas, urban resident' },
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas', 'appliance'],
    inspectionsPerYear: 1, // G-5.11.1: urban residents at least once a year
  },
  pipeline_rural_resident: {
    kind: 'pipeline_rural_resident',
    label: { zh: '管道燃气农村居民用户', en: 'Pipeline gas, rural resident' },
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas', 'appliance'],
    inspectionsPerYear: 2, // G-5.11.1: rural residents at least twice a year
  },
  pipeline_non_resident: {
    kind: 'pipeline_non_resident',
    label: { zh: '管道燃气非居民（单位）用户', en: 'Pipeline gas, non-resident (organisation)' },
    sector: 'gas',
    enterpriseKinds: ['pipeline_gas', 'appliance'],
    inspectionsPerYear: 4, // G-5.11.1: organisations at least 4 times a year
  },
  bottled_gas: {
    kind: 'bottled_gas',
    label: { zh: '瓶装燃气用户', en: 'Bottled gas (LPG)' },
    sector: 'gas',
    enterpriseKinds: ['bottled_gas', 'appliance'],
  },
  vehicle_fleet: {
    kind: 'vehicle_fleet',
    label: { zh: '车用燃气用户（车队）', en: 'Vehicle gas (fleet)' },
    sector: 'gas',
    enterpriseKinds: ['vehicle_gas'],
  },
  heating_resident: {
    kind: 'heating_resident',
    label: { zh: '供热居民用户', en: 'Heating, resident' },
    sector: 'heating',
    enterpriseKinds: ['heating', 'heating_reseller'],
  },
  heating_non_resident: {
    kind: 'heating_non_resident',
    label: { zh: '供热非居民用户', en: 'Heating, non-resident' },
    sector: 'heating',
    enterpriseKinds: ['heating', 'heating_reseller'],
  },
};

export const CUSTOMER_KIND_CODES = Object.keys(CUSTOMER_KINDS) as CustomerKind[];

export function isCustomerKind(value: unknown): value is CustomerKind {
  return typeof value === 'string' && Object.hasOwn(CUSTOMER_KINDS, value);
}

/** Whether an enterprise of this kind may hold a customer of that kind. */
export function enterpriseMayHold(
  enterpriseKind: ServiceEnterpriseKind,
  customerKind: CustomerKind,
): boolean {
  return CUSTOMER_KINDS[customerKind].enterpriseKinds.includes(enterpriseKind);
}

export function customerKindsFor(enterpriseKind: ServiceEnterpriseKind): CustomerKind[] {
  return CUSTOMER_KIND_CODES.filter((kind) => enterpriseMayHold(enterpriseKind, kind));
}

// ---- premises attributes (H-5.4.2: room-temperature samples are drawn by these) ----

/** H-5.4.2.2: shaded (阴面) 60 %, sunny (阳面) 40 % of the sample. */
export type PremisesOrientation = 'sunny' | 'shaded';
export const ORIENTATIONS: Readonly<Record<PremisesOrientation, Messages>> = {
  sunny: { zh: '向阳', en: 'Sunny side' },
  shaded: { zh: '背阴', en: 'Shaded side' },
};

/** H-5.4.2.1: near end 20 %, middle 30 %, far end 50 % of the network. */
export type NetworkPosition = 'near' | 'middle' | 'end';
export const NETWORK_POSITIONS: Readonly<Record<NetworkPosition, Messages>> = {
  near: { zh: '近端', en: 'Near end of the network' },
  middle: { zh: '中端', en: 'Middle of the network' },
  end: { zh: '末端', en: 'Far end of the network' },
};

/** H-5.4.2.3: upper 30 %, middle 30 %, lower floors 40 %. */
export type FloorBand = 'upper' | 'middle' | 'lower';
export const FLOOR_BANDS: Readonly<Record<FloorBand, Messages>> = {
  upper: { zh: '上层', en: 'Upper floors' },
  middle: { zh: '中层', en: 'Middle floors' },
  lower: { zh: '低层', en: 'Lower floors' },
};
