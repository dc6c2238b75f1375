import { z } from 'zod';
import { ZCylinderCode } from '../cylinders/cylinders.schemas.ts';

/** G-7.2.1, G-7.2.2: what the courier records at the customer's door (the courier's phone view). */
export const ZDeliveryInput = z.strictObject({
  orderId: z.uuid(),
  fullCode: ZCylinderCode,
  emptyCode: ZCylinderCode.optional(),
  /** The amount on the receipt, in fen. */
  amountFen: z.number().int().min(0).max(10_000_000),
  installed: z.boolean(),
  leakChecked: z.boolean(),
  ignitionTested: z.boolean(),
  /** When the customer declines installation: the advice given (G-7.2.2). */
  declinedAdvice: z.string().trim().max(300).optional(),
  handbookGiven: z.boolean(),
  /** The customer's signature, uploaded as the order's `signature` attachment. */
  signatureAttachmentId: z.uuid().optional(),
});
export type TDeliveryInput = z.infer<typeof ZDeliveryInput>;

export const ZResidueInput = z.strictObject({
  /** Grams of liquid left in the returned cylinder, weighed at the station. */
  residueG: z.number().int().min(0).max(100_000),
});

export const ZDeliveryParams = z.strictObject({ id: z.uuid() });

export const ZDeliveryQuery = z.strictObject({
  orderId: z.uuid().optional(),
  /** Only returns whose residue is not weighed yet. */
  pendingResidue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZResidue = z.object({
  id: z.string(),
  residueG: z.number(),
  fillG: z.number(),
  limitG: z.number(),
  excessG: z.number(),
  priceFenPerKg: z.number(),
  refundFen: z.number(),
  credited: z.boolean(),
  weighedAt: z.string(),
});

export const ZDelivery = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNo: z.string(),
  customerName: z.string(),
  fullCode: z.string(),
  emptyCode: z.string().nullable(),
  receiptNo: z.string(),
  amountFen: z.number(),
  installed: z.boolean(),
  leakChecked: z.boolean(),
  ignitionTested: z.boolean(),
  declinedAdvice: z.string().nullable(),
  handbookGiven: z.boolean(),
  signed: z.boolean(),
  signatureAttachmentId: z.string().nullable(),
  agreedAt: z.string().nullable(),
  onTime: z.boolean(),
  courierName: z.string(),
  deliveredAt: z.string(),
  residue: ZResidue.nullable(),
});

export const ZDeliveryList = z.object({
  items: z.array(ZDelivery),
  counts: z.object({
    deliveries: z.number(),
    onTime: z.number(),
    residuePending: z.number(),
    credited: z.number(),
  }),
});
