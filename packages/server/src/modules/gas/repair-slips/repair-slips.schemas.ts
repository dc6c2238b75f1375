import { z } from 'zod';

/** G-9.2.5 c): why the walk-in repair is not done today and when the customer comes back for the appliance. */
export const ZSlipInput = z.strictObject({
  appliance: z.string().trim().min(2).max(100),
  reason: z.string().trim().min(2).max(300),
  pickUpOn: z.iso.date(),
});
export type TSlipInput = z.infer<typeof ZSlipInput>;

export const ZSlip = z.strictObject({
  id: z.string(),
  slipNo: z.string(),
  appliance: z.string(),
  reason: z.string(),
  pickUpOn: z.string(),
  issuedBy: z.string(),
  issuedAt: z.string(),
});
export const ZSlipList = z.strictObject({ items: z.array(ZSlip) });
