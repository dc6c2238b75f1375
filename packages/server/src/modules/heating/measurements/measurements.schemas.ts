import { z } from 'zod';

/** H-5.4.5: the protocol checklist as the measurer ticks it on the phone. */
export const ZProtocol = z.strictObject({
  systemRunning: z.boolean(),
  conditionsNoted: z.boolean(),
  doorsWindowsClosed30Min: z.boolean(),
  /** Sensor height above the floor, mm (1.2 ± 0.1 m). */
  sensorHeightMm: z.number().int().min(0).max(5000),
  sensorAtRoomCentre: z.boolean(),
  radiatorsUncovered: z.boolean(),
  noSunOrHeatSourceOnSensor: z.boolean(),
  inspectorStill: z.boolean(),
  enlargedAreaOrAddedRadiatorsNoted: z.boolean(),
  modificationsNoted: z.boolean(),
  /** What was found (H-5.4.5.8, H-5.4.5.9): the household enlarged the heated area / added radiators / modified. */
  enlargedAreaOrAddedRadiators: z.boolean().default(false),
  modifications: z.boolean().default(false),
  findingsNote: z.string().trim().max(500).default(''),
});

/** H-5.1's conditions: only when all hold does the reading decide pass or fail (H-5.4.7). */
export const ZConditions = z.strictObject({
  outdoorNotBelowDesign: z.boolean(),
  envelopeToCode: z.boolean(),
  indoorSystemWorking: z.boolean(),
});

export const ZReading = z.strictObject({
  room: z.enum(['bedroom', 'living_room', 'other']),
  label: z.string().trim().max(30).optional(),
  /** Tenths of a degree Celsius (185 = 18.5 °C). */
  tenths: z.number().int().min(-300).max(450),
});

export const ZMeasurementInput = z.strictObject({
  premisesId: z.uuid(),
  sampleHouseholdId: z.uuid().optional(),
  workOrderId: z.uuid().optional(),
  measuredAt: z.iso.datetime({ offset: true }).optional(),
  protocol: ZProtocol,
  conditions: ZConditions,
  readings: z.array(ZReading).min(1).max(12),
  /** The contract temperature (tenths), where the premises' heat-use rate is below 70 % (H-5.1). */
  contractTenths: z.number().int().min(100).max(300).optional(),
  outdoorTenths: z.number().int().min(-400).max(300).optional(),
  /** Below 30 % the company may decline to heat (H-5.1). */
  heatingProvided: z.boolean().optional(),
  note: z.string().trim().max(1000).default(''),
  /** H-5.4.5.10: the customer's signature as a PNG data URL, or why there is none. */
  signature: z
    .string()
    .max(700_000)
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
    .optional(),
  signatureRefusedReason: z.string().trim().min(1).max(200).optional(),
});
export type TMeasurementInput = z.infer<typeof ZMeasurementInput>;

export const ZMeasurementQuery = z.strictObject({
  seasonId: z.uuid().optional(),
  outcome: z.enum(['pass', 'fail', 'analysis_only']).optional(),
  premisesId: z.uuid().optional(),
  workOrderId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZDashboardQuery = z.strictObject({
  seasonId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
});

// Answers (H-5.4.5, H-5.4.7, H-10.5.3).

const ZOutcome = z.enum(['pass', 'fail', 'analysis_only']);

/** A measurement as stored, judged by H-5.1 / H-5.4.7. */
export const ZMeasurement = z.object({
  id: z.string(),
  premisesId: z.string(),
  customerId: z.string(),
  sampleHouseholdId: z.string().nullable(),
  workOrderId: z.string().nullable(),
  measuredAt: z.string(),
  protocol: z.record(z.string(), z.unknown()),
  conditions: z.record(z.string(), z.boolean()),
  readings: z.array(
    z.object({
      room: z.enum(['bedroom', 'living_room', 'other']),
      label: z.string().optional(),
      tenths: z.number(),
    }),
  ),
  unitHeatUseRate: z.number(),
  band: z.enum(['full', 'partial', 'low']),
  requiredTenths: z.number().nullable(),
  minDecisiveTenths: z.number().nullable(),
  outcome: ZOutcome,
  reasons: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  note: z.string(),
  signed: z.boolean(),
  signatureRefusedReason: z.string().nullable(),
});

/** The answer to recording one: the low-temperature case it opened, if it failed on a complaint. */
export const ZMeasurementRecorded = ZMeasurement.extend({ caseId: z.string().nullable() });

/** A row of the list, with where and by whom. */
export const ZMeasurementRow = ZMeasurement.extend({
  address: z.string(),
  district: z.string(),
  customerName: z.string(),
  measurerName: z.string().nullable(),
  orderNo: z.string().nullable(),
});

/** The measurer's tasks: sampled households and measurement orders not yet measured. */
export const ZMeasurementTasks = z.object({
  sampled: z.array(
    z.object({
      sampleHouseholdId: z.string(),
      premisesId: z.string(),
      assignedOn: z.string().nullable(),
      address: z.string(),
      customerName: z.string(),
      unitHeatUseRate: z.number().nullable(),
    }),
  ),
  orders: z.array(
    z.object({
      workOrderId: z.string(),
      orderNo: z.string(),
      itemCode: z.string(),
      description: z.string(),
      premisesId: z.string().nullable(),
      customerName: z.string().nullable(),
      address: z.string(),
    }),
  ),
});

const ZPassRate = z.object({
  measured: z.number(),
  passing: z.number(),
  percent: z.number().nullable(),
  meetsTarget: z.boolean(),
});

/** H-10.5.3: the season's room-temperature pass rate, its histogram and the districts. */
export const ZQualityDashboard = z.object({
  season: z.object({ id: z.string(), period: z.string(), area: z.string() }).nullable(),
  target: z.number(),
  households: ZPassRate,
  outcomes: z.partialRecord(ZOutcome, z.number()),
  histogram: z.array(z.object({ degree: z.number(), outcome: ZOutcome, n: z.number() })),
  districts: z.array(ZPassRate.extend({ district: z.string() })),
});
