// Price schedules are published per customer class (G-6.2.4); the archive keeps customer kinds. One place maps
// one to the other, for the price screens, the billing run and the price-change notices.

import type { CustomerKind } from '../customers/customer-kinds.ts';
import type { Messages } from '../errors.ts';

export type GasCustomerClass = 'residential' | 'non_residential';
export const GAS_CUSTOMER_CLASSES: readonly GasCustomerClass[] = ['residential', 'non_residential'];

export const GAS_CUSTOMER_CLASS_LABELS: Readonly<Record<GasCustomerClass, Messages>> = {
  residential: { zh: '居民用户', en: 'Residential' },
  non_residential: { zh: '非居民用户', en: 'Non-residential' },
};

/** Metered pipeline-gas kinds and their price class; bottled gas, vehicles and heating are not billed by a gas meter. */
export const GAS_CUSTOMER_CLASS_OF_KIND: Readonly<Partial<Record<CustomerKind, GasCustomerClass>>> = {
  pipeline_urban_resident: 'residential',
  pipeline_rural_resident: 'residential',
  pipeline_non_resident: 'non_residential',
};

/** The gas price class of a customer kind, or null when the kind is not billed from a gas meter. */
export function gasCustomerClassOf(kind: string): GasCustomerClass | null {
  return GAS_CUSTOMER_CLASS_OF_KIND[kind as CustomerKind] ?? null;
}

/** The customer kinds billed at a class (for price-change notices to "the customers of that class"). */
export function customerKindsOfClass(customerClass: string): CustomerKind[] {
  return (Object.entries(GAS_CUSTOMER_CLASS_OF_KIND) as [CustomerKind, GasCustomerClass][])
    .filter(([, c]) => c === customerClass)
    .map(([k]) => k);
}
