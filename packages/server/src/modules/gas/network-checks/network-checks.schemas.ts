import { z } from 'zod';

const ZGasType = z.enum(['natural_gas', 'lpg']);
const ZCommunities = z.array(z.string().trim().min(1).max(100)).min(1).max(50);
const ZInstant = z.iso.datetime({ offset: true });

/** G-6.2.15: a pressure-regulating station and the communities at the near and far ends of its outlet. */
export const ZStationInput = z.strictObject({
  name: z.string().trim().min(2).max(100),
  gasType: ZGasType,
  nearCommunities: ZCommunities,
  farCommunities: ZCommunities,
});
export type TStationInput = z.infer<typeof ZStationInput>;

/** G-6.2.15 b): how many households to draw at each end; the server draws them (the seed is its own). */
export const ZDrawInput = z.strictObject({ perSide: z.number().int().min(1).max(50) });

export const ZPressureCheckInput = z.strictObject({
  drawId: z.uuid(),
  customerId: z.uuid(),
  /** Pa at the appliance's inlet (2,000 = 2.0 kPa). */
  measuredPa: z.number().int().min(0).max(20000),
  checkedAt: ZInstant,
  note: z.string().trim().max(500).default(''),
});
export type TPressureCheckInput = z.infer<typeof ZPressureCheckInput>;

export const ZOdorantCheckInput = z.strictObject({
  location: z.string().trim().min(2).max(200),
  measuredMgPerM3: z.number().min(0).max(1000),
  checkedAt: ZInstant,
  checkedBy: z.string().trim().min(2).max(100),
  note: z.string().trim().max(500).default(''),
});
export type TOdorantCheckInput = z.infer<typeof ZOdorantCheckInput>;

export const ZOdorantThresholdInput = z.strictObject({
  minMgPerM3: z.number().min(1).max(1000),
  source: z.string().trim().min(4).max(300),
});

export const ZScopeQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

const ZRoundState = z.enum(['done', 'due', 'due_soon', 'missed']);
const ZRound = z.object({
  from: z.string(),
  to: z.string(),
  state: ZRoundState,
  previousMissed: z.boolean(),
});

const ZPressureCheck = z.object({
  id: z.string(),
  customerId: z.string(),
  position: z.enum(['near', 'far']),
  measuredPa: z.number(),
  minPa: z.number(),
  maxPa: z.number(),
  passed: z.boolean(),
  checkedAt: z.string(),
  note: z.string(),
});

export const ZStation = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  name: z.string(),
  gasType: ZGasType,
  nearCommunities: z.array(z.string()),
  farCommunities: z.array(z.string()),
  /** G-6.2.15: this two-month period's round at each end. */
  near: ZRound,
  far: ZRound,
  lastCheckedAt: z.string().nullable(),
});
export const ZStations = z.object({
  items: z.array(ZStation),
  ranges: z.array(
    z.object({
      gasType: ZGasType,
      minPa: z.number(),
      maxPa: z.number(),
      source: z.object({ zh: z.string(), en: z.string() }),
    }),
  ),
});

const ZHousehold = z.object({
  customerId: z.string(),
  accountNo: z.string(),
  name: z.string(),
  address: z.string(),
  community: z.string(),
  position: z.enum(['near', 'far']),
  check: ZPressureCheck.nullable(),
});

export const ZDraw = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  gasType: ZGasType,
  seed: z.string(),
  perSide: z.number(),
  candidates: z.number(),
  drawnAt: z.string(),
  households: z.array(ZHousehold),
});
export const ZDraws = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      stationName: z.string(),
      drawnAt: z.string(),
      households: z.number(),
      checked: z.number(),
      passed: z.number(),
    }),
  ),
});
export const ZPressureCheckView = ZPressureCheck;

const ZOdorantCheck = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  location: z.string(),
  measuredMgPerM3: z.number(),
  minMgPerM3: z.number(),
  thresholdSource: z.string(),
  passed: z.boolean(),
  checkedAt: z.string(),
  checkedBy: z.string(),
  note: z.string(),
});
export const ZOdorantCheckView = ZOdorantCheck;
export const ZOdorant = z.object({
  items: z.array(ZOdorantCheck),
  threshold: z.object({ minMgPerM3: z.number(), source: z.string() }),
  /** G-6.2.16: this month's round. */
  round: ZRound,
});
export const ZThreshold = z.object({ minMgPerM3: z.number(), source: z.string() });
