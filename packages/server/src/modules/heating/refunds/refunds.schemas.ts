import { z } from 'zod';
import { ZInstant } from '../../../core/schemas.ts';

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

/** A heating refund as stored (H-7.2.5): paid or offset by the H-5.5.2 deadline. */
export const ZHeatingRefund = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  customerId: z.string(),
  seasonId: z.string(),
  refundNo: z.string(),
  cause: z.string(),
  reason: z.string(),
  amountFen: z.number(),
  committedOn: z.string(),
  latestOn: z.string(),
  method: z.enum(['pay', 'offset']),
  status: z.enum(['pending', 'paid', 'offset']),
  settledOn: z.string().nullable(),
  offsetSeasonId: z.string().nullable(),
  settledBy: z.string().nullable(),
  version: z.number(),
  createdBy: z.string().nullable(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
});

/** A row of the list: the refund with its customer, season and how its deadline stands. */
export const ZHeatingRefundRow = ZHeatingRefund.extend({
  customerName: z.string(),
  accountNo: z.string(),
  period: z.string(),
  seasonEndsOn: z.string(),
  dueOn: z.string(),
  daysLeft: z.number(),
  overdue: z.boolean(),
  settledLate: z.boolean(),
});
