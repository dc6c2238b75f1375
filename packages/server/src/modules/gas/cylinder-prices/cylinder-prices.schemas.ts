import { z } from 'zod';

const ZDay = z.iso.date();

export const ZCylinderPriceItem = z.strictObject({
  /** The cylinder model as marked (YSP35.5). */
  model: z.string().trim().min(1).max(40),
  /** Gas in a full cylinder, in grams. */
  fillG: z.number().int().min(1).max(100_000),
  /** Price of one full cylinder, in fen. */
  priceFen: z.number().int().min(0).max(1_000_000),
});

/** A new price list, published from its first day on (never retroactive, never edited). */
export const ZCylinderPriceListCreate = z.strictObject({
  effectiveFrom: ZDay,
  items: z.array(ZCylinderPriceItem).min(1).max(20),
  deliveryFeeFen: z.number().int().min(0).max(100_000),
  basis: z.string().trim().max(300).default(''),
});
export type TCylinderPriceListCreate = z.infer<typeof ZCylinderPriceListCreate>;

export const ZCylinderPriceList = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  effectiveFrom: z.string(),
  /** The last day it applied (the day before its successor starts), or null while it has none. */
  effectiveTo: z.string().nullable(),
  status: z.enum(['scheduled', 'in_force', 'superseded']),
  items: z.array(z.object({ model: z.string(), fillG: z.number(), priceFen: z.number() })),
  deliveryFeeFen: z.number(),
  basis: z.string(),
  demo: z.boolean(),
  createdAt: z.string(),
});
export type TCylinderPriceList = z.infer<typeof ZCylinderPriceList>;
export const ZCylinderPriceLists = z.object({ items: z.array(ZCylinderPriceList) });

export const ZBottledOrderQuery = z.strictObject({
  orderId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A resident's self-service order on the delivery board: what he chose, at what price, when, and its receipt. */
export const ZBottledOrder = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  state: z.string(),
  customerName: z.string(),
  accountNo: z.string(),
  address: z.string(),
  model: z.string(),
  fillG: z.number(),
  quantity: z.number(),
  unitPriceFen: z.number(),
  deliveryFeeFen: z.number(),
  totalFen: z.number(),
  proposedAt: z.string(),
  agreedAt: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
  receipt: z.object({ receiptNo: z.string(), amountFen: z.number(), deliveredAt: z.string() }).nullable(),
});
export const ZBottledOrders = z.object({ items: z.array(ZBottledOrder) });
