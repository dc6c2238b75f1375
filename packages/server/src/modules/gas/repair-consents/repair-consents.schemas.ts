import { FACILITY_OWNERS, PRICE_LINE_KINDS } from '@ranre/domain';
import { z } from 'zod';
import { ZWarranty } from '../warranties/warranties.schemas.ts';

export const ZPriceLine = z.strictObject({
  kind: z.enum(PRICE_LINE_KINDS),
  name: z.string().trim().min(1).max(100),
  quantity: z.number().positive().max(10_000),
  /** Unit price in fen. */
  unitFen: z.number().int().min(0).max(100_000_000),
});

/** G-9.2.6: the price list shown and the customer's signature drawn on the phone (uploaded first as an attachment). */
export const ZConsentInput = z.strictObject({
  lines: z.array(ZPriceLine).max(50),
  signerName: z.string().trim().min(1).max(50),
  signatureAttachmentId: z.uuid(),
  /** G-9.2.8: the warranty in force this repair falls under (then nothing is charged). */
  warrantyId: z.uuid().optional(),
});
export type TConsentInput = z.infer<typeof ZConsentInput>;

export const ZConsent = z.strictObject({
  id: z.string(),
  lines: z.array(ZPriceLine.extend({ amountFen: z.number().int() })),
  totalFen: z.number().int(),
  chargedFen: z.number().int(),
  warrantyId: z.string().nullable(),
  signerName: z.string(),
  signatureAttachmentId: z.string(),
  signedAt: z.string(),
  recordedBy: z.string(),
});

export const ZConsentView = z.strictObject({
  /** Whether this order's work needs the signed consent before it starts (G-9.2.6). */
  required: z.boolean(),
  /** H-7.3.8: a gas or heating repair asks whose facility it is; the customer's own is paid work. */
  ownerAsked: z.boolean(),
  facilityOwner: z.enum(FACILITY_OWNERS).nullable(),
  /** The consent in force: the latest one signed. */
  consent: ZConsent.nullable(),
  history: z.array(ZConsent),
  /** G-9.2.8: warranties in force at the order's address. */
  warranties: z.array(ZWarranty),
});

export const ZFacilityOwnerInput = z.strictObject({ owner: z.enum(FACILITY_OWNERS) });
