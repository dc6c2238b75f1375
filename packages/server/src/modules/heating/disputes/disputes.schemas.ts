import { z } from 'zod';

export const ZDisputeInput = z.strictObject({
  customerId: z.uuid(),
  meterId: z.uuid().nullable().optional(),
  seasonId: z.uuid(),
  disputedBy: z.enum(['company', 'customer']),
  raisedOn: z.iso.date().optional(),
  disputeFrom: z.iso.date(),
  disputeTo: z.iso.date(),
  description: z.string().trim().max(500).default(''),
});
export type TDisputeInput = z.infer<typeof ZDisputeInput>;

export const ZDisputeResolve = z.strictObject({
  version: z.number().int().min(1),
  result: z.enum(['passed', 'failed']),
  testedOn: z.iso.date(),
  testAgency: z.string().trim().min(1).max(100),
  testFeeFen: z.number().int().min(0).max(10_000_000),
});
export type TDisputeResolve = z.infer<typeof ZDisputeResolve>;

export const ZDisputeQuery = z.strictObject({ enterpriseId: z.uuid().optional() });
