import { z } from 'zod';

export const REFUND_CAUSES = [
  'low_temperature',
  'suspension',
  'meter_dispute',
  'overpayment',
  'other',
] as const;

export const ZRefundInput = z.strictObject({
  customerId: z.uuid(),
  seasonId: z.uuid(),
  cause: z.enum(REFUND_CAUSES),
  reason: z.string().trim().max(300).default(''),
  amountFen: z.number().int().min(1).max(100_000_000),
  /** The date the company committed to; H-5.5.2 allows at most two months after the season ends. */
  committedOn: z.iso.date(),
  method: z.enum(['pay', 'offset']),
});
export type TRefundInput = z.infer<typeof ZRefundInput>;

export const ZRefundSettle = z.strictObject({
  version: z.number().int().min(1),
  method: z.enum(['pay', 'offset']),
});
export type TRefundSettle = z.infer<typeof ZRefundSettle>;

export const ZRefundQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  status: z.enum(['pending', 'paid', 'offset']).optional(),
});
