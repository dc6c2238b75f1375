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
