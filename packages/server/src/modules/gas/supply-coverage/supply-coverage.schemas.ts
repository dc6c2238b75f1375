import { z } from 'zod';

// G-5.3.1, G-6.1.1, G-6.1.3: the network's coverage by community and its capacity, stated by the pipeline company.

export const ZCoverageInput = z.strictObject({
  district: z.string().trim().max(50).default(''),
  community: z.string().trim().min(1).max(100),
  covered: z.boolean(),
  /** Households the network there can supply; null when not limited. */
  capacityHouseholds: z.number().int().min(0).max(10_000_000).nullable().default(null),
  note: z.string().trim().max(500).default(''),
});
export type TCoverageInput = z.infer<typeof ZCoverageInput>;

export const ZCoverageQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  community: z.string().max(100).optional(),
});
export type TCoverageQuery = z.infer<typeof ZCoverageQuery>;

export const ZCoverage = z.object({
  id: z.number(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  district: z.string(),
  community: z.string(),
  covered: z.boolean(),
  capacityHouseholds: z.number().nullable(),
  /** Households of the enterprise already at an address in the community. */
  connected: z.number(),
  /** Households the network can still take; null when not limited. */
  remaining: z.number().nullable(),
  note: z.string(),
  statedAt: z.string(),
});
export const ZCoverageList = z.object({ items: z.array(ZCoverage) });

export const ZCoverageCheckQuery = z.strictObject({ community: z.string().trim().min(1).max(100) });
/** G-7.1.1: the pipeline companies whose network covers a community. */
export const ZCoverageCheck = z.object({
  community: z.string(),
  pipelines: z.array(z.object({ id: z.string(), name: z.string() })),
});
