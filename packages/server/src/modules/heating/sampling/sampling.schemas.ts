import { z } from 'zod';

export const ZPlanRequest = z.strictObject({
  /** Default: the season today falls in (or the next one). */
  seasonId: z.uuid().optional(),
  size: z.number().int().min(1).max(100_000),
  /** Reproducible draws: the same population and seed give the same plan. Default: from the clock. */
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
});
export type TPlanRequest = z.infer<typeof ZPlanRequest>;

export const ZPlanQuery = z.strictObject({ seasonId: z.uuid().optional() });

export const ZHouseholdQuery = z.strictObject({
  status: z.enum(['planned', 'measured']).optional(),
  unassigned: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZAssign = z.strictObject({
  householdIds: z.array(z.uuid()).min(1).max(5000),
  assignedOn: z.iso.date(),
  measurerId: z.uuid(),
});
export type TAssign = z.infer<typeof ZAssign>;

/** Spread the unassigned households over the measurers, `perDay` each per day, from `startOn`. */
export const ZAutoAssign = z.strictObject({
  measurerIds: z.array(z.uuid()).min(1).max(100),
  startOn: z.iso.date(),
  perDay: z.number().int().min(1).max(50),
});
export type TAutoAssign = z.infer<typeof ZAutoAssign>;
