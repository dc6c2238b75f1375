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

// Answers (H-5.4.2–H-5.4.4).

const ZQuotaRow = z.object({
  dimension: z.enum(['total', 'networkPosition', 'orientation', 'floorBand']),
  value: z.string(),
  target: z.number(),
  achieved: z.number(),
});

/** A season's sampling plan: its quotas per dimension and where the population could not fill them. */
export const ZSamplingPlan = z.object({
  id: z.string(),
  seasonId: z.string(),
  requestedSize: z.number(),
  selectedCount: z.number(),
  populationCount: z.number(),
  excludedLastSeason: z.number(),
  quotas: z.array(ZQuotaRow),
  shortfalls: z.array(ZQuotaRow.extend({ missing: z.number(), zh: z.string(), en: z.string() })),
  seed: z.number(),
  createdAt: z.string(),
});

/** The season today falls in (or the next one) and its plan, if any. */
export const ZCurrentPlan = z.object({
  season: z
    .object({
      id: z.string(),
      area: z.string(),
      period: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
    })
    .nullable(),
  plan: ZSamplingPlan.nullable(),
});

export const ZMeasurer = z.object({ id: z.string(), displayName: z.string(), role: z.string() });

export const ZSampleHousehold = z.object({
  id: z.string(),
  premisesId: z.string(),
  networkPosition: z.string(),
  orientation: z.string(),
  floorBand: z.string(),
  assignedOn: z.string().nullable(),
  measurerId: z.string().nullable(),
  measurerName: z.string().nullable(),
  status: z.enum(['planned', 'measured']),
  address: z.string(),
  district: z.string(),
  floor: z.number().nullable(),
  buildingFloors: z.number().nullable(),
  customerName: z.string(),
  accountNo: z.string(),
});

export const ZAssigned = z.object({ updated: z.number() });
export const ZAutoAssigned = z.object({ updated: z.number(), lastDay: z.string().nullable() });
