import { GAS_CUSTOMER_CLASSES, type GasCustomerClass } from '@ranre/domain';
import { z } from 'zod';

/** Gas price schedules (G-6.2.4): tiers as data, annual thresholds in litres, prices in fen per m³. */
export const ZCustomerClass = z.enum(GAS_CUSTOMER_CLASSES as [GasCustomerClass, ...GasCustomerClass[]]);

export const ZTier = z.strictObject({
  /** Annual usage in litres up to which the tier applies; null for the last, open tier. */
  upTo: z.number().int().min(1).max(1_000_000_000).nullable(),
  /** Fen per m³. */
  price: z.number().int().min(0).max(100_000),
});

export const ZPriceScheduleCreate = z.strictObject({
  customerClass: ZCustomerClass,
  effectiveFrom: z.iso.date(),
  label: z.string().trim().min(1).max(100),
  demo: z.boolean().default(false),
  tiers: z.array(ZTier).min(1).max(10),
  tierYearStartMonth: z.number().int().min(1).max(12).default(1),
  /** The price authority's document (文号). */
  basis: z.string().trim().max(200).default(''),
  /** Whether the customers of the class are told now (G-6.2.4); on by default. */
  notifyCustomers: z.boolean().default(true),
});
export type TPriceScheduleCreate = z.infer<typeof ZPriceScheduleCreate>;

export const ZPriceQuery = z.strictObject({
  customerClass: ZCustomerClass.optional(),
  enterpriseId: z.uuid().optional(),
});

export const ZPriceSchedule = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  customerClass: z.string(),
  effectiveFrom: z.string(),
  /** The day before the next schedule of the class takes over, or null while none is announced. */
  effectiveTo: z.string().nullable(),
  /** 'in_force' | 'scheduled' | 'superseded', against today. */
  status: z.enum(['in_force', 'scheduled', 'superseded']),
  label: z.string(),
  demo: z.boolean(),
  tiers: z.array(z.object({ upTo: z.number().nullable(), price: z.number() })),
  tierYearStartMonth: z.number(),
  basis: z.string(),
  announcedOn: z.string().nullable(),
  /** Customers told of this schedule (price_change notifications queued). */
  notified: z.number(),
  createdAt: z.string(),
});
export type TPriceSchedule = z.infer<typeof ZPriceSchedule>;
export const ZPriceList = z.object({ items: z.array(ZPriceSchedule) });
