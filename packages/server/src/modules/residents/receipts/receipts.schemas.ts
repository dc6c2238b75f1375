import { z } from 'zod';

export const ZReceiptParams = z.strictObject({ id: z.uuid(), paymentId: z.uuid() });

/** Each payment of a bound account with its numbered receipt (G-6.2.8), newest first. */
export const ZResidentReceipts = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      receiptNo: z.string(),
      sector: z.string(),
      channel: z.string(),
      amountFen: z.number(),
      receivedAt: z.string(),
      billId: z.string().nullable(),
    }),
  ),
});
