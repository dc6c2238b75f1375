import { APPLIANCE_GAS_TYPES, SALE_HANDOVER, SUPPLY_KINDS } from '@ranre/domain';
import { z } from 'zod';

const HANDOVER_KEYS = SALE_HANDOVER.map((h) => h.key) as [string, ...string[]];

/** G-9.1.3: a catalogue line — brand, model, the gas it is certified for, certificate, warranty terms, marked price. */
export const ZModelInput = z.strictObject({
  category: z.string().trim().min(1).max(30),
  brand: z.string().trim().min(1).max(50),
  model: z.string().trim().min(1).max(60),
  gasType: z.enum(APPLIANCE_GAS_TYPES),
  certificateNo: z.string().trim().min(2).max(80),
  warrantyMonths: z.number().int().min(1).max(120),
  warrantyTerms: z.string().trim().max(300).default(''),
  priceFen: z.number().int().min(0).max(100_000_000),
});
export type TModelInput = z.infer<typeof ZModelInput>;

export const ZModelPatch = z.strictObject({
  priceFen: z.number().int().min(0).max(100_000_000).optional(),
  warrantyMonths: z.number().int().min(1).max(120).optional(),
  warrantyTerms: z.string().trim().max(300).optional(),
  active: z.boolean().optional(),
});

export const ZModel = z.strictObject({
  id: z.string(),
  category: z.string(),
  brand: z.string(),
  model: z.string(),
  gasType: z.enum(APPLIANCE_GAS_TYPES),
  certificateNo: z.string(),
  warrantyMonths: z.number().int(),
  warrantyTerms: z.string(),
  priceFen: z.number().int(),
  active: z.boolean(),
});
export const ZModelList = z.strictObject({ items: z.array(ZModel) });
export const ZModelQuery = z.strictObject({ all: z.enum(['true', 'false']).optional() });

/** A sale at the counter (G-9.1.3): what, to whom, the gas at the address, what the customer took home. */
export const ZSaleInput = z.strictObject({
  modelId: z.uuid(),
  quantity: z.number().int().min(1).max(20).default(1),
  customerName: z.string().trim().min(1).max(50),
  customerPhone: z.string().trim().min(5).max(20),
  address: z.string().trim().min(2).max(200),
  /** Bottled gas (LPG) or pipeline gas; for pipeline gas the community whose network decides the gas type. */
  supply: z.enum(SUPPLY_KINDS),
  community: z.string().trim().max(60).default(''),
  handedOver: z.array(z.enum(HANDOVER_KEYS)).max(10),
});
export type TSaleInput = z.infer<typeof ZSaleInput>;

export const ZSale = z.strictObject({
  id: z.string(),
  saleNo: z.string(),
  brand: z.string(),
  model: z.string(),
  gasType: z.string(),
  certificateNo: z.string(),
  warrantyMonths: z.number().int(),
  unitFen: z.number().int(),
  quantity: z.number().int(),
  totalFen: z.number().int(),
  customerName: z.string(),
  customerPhone: z.string(),
  address: z.string(),
  supply: z.string(),
  community: z.string(),
  addressGasType: z.string(),
  gasTypeSource: z.string(),
  handedOver: z.array(z.string()),
  soldBy: z.string(),
  soldAt: z.string(),
});
export const ZSaleList = z.strictObject({ items: z.array(ZSale) });

/** The communities pipeline companies declare, with the gas their network carries. */
export const ZGasAreaList = z.strictObject({
  items: z.array(z.strictObject({ community: z.string(), gasType: z.string() })),
});
