import { VEHICLE_PAYMENT_METHODS } from '@ranre/domain';
import { z } from 'zod';

export const ZFillParams = z.strictObject({ id: z.uuid() });

/** G-8.1.3: the fee charged for a fill, receipted once. */
export const ZReceiptInput = z.strictObject({
  /** Price per unit of the fill (kg or L) in fen, as shown on the dispenser. */
  unitPriceFen: z.number().int().min(1).max(100_000),
  paymentMethod: z.enum(VEHICLE_PAYMENT_METHODS),
});

export const ZVehicleFillReceipt = z.object({
  id: z.string(),
  fillId: z.string(),
  receiptNo: z.string(),
  station: z.string(),
  dispenserNo: z.string(),
  plate: z.string(),
  medium: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPriceFen: z.number(),
  amountFen: z.number(),
  paymentMethod: z.enum(VEHICLE_PAYMENT_METHODS),
  issuedByName: z.string(),
  filledAt: z.string(),
  issuedAt: z.string(),
});
