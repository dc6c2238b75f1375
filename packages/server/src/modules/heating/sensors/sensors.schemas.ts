import { z } from 'zod';

export const MAX_READINGS_PER_CALL = 5000;

/**
 * One reading as a sensor gateway sends it. Items are checked one by one (a bad item is rejected with its reason,
 * the good ones kept), so the item shape is loose here and strict in the service.
 */
export const ZReadingItem = z.strictObject({
  sensorId: z.string().max(64),
  at: z.string().max(40),
  /** Degrees Celsius, one decimal kept (19.46 → 19.5). */
  temperature: z.number(),
});

export const ZIngest = z.strictObject({
  readings: z.array(ZReadingItem).min(1).max(MAX_READINGS_PER_CALL),
});
export type TIngest = z.infer<typeof ZIngest>;

export const ZSensorInput = z.strictObject({
  sensorCode: z.string().trim().min(1).max(64),
  premisesId: z.uuid(),
  room: z.enum(['bedroom', 'living_room', 'other']).default('living_room'),
  installedOn: z.iso.date(),
});
export type TSensorInput = z.infer<typeof ZSensorInput>;

export const ZDailyQuery = z.strictObject({
  premisesId: z.uuid(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const ZSensorQuery = z.strictObject({ q: z.string().trim().max(60).optional() });

// Answers (H-5.4.1).

const ZRejection = z.object({
  index: z.number(),
  sensorId: z.string(),
  code: z.string(),
  zh: z.string(),
  en: z.string(),
});

/** What one call ingested: the items kept and each rejected one with its reason. */
export const ZIngested = z.object({
  ingestionId: z.number(),
  received: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  rejections: z.array(ZRejection),
});

/** A sensor with its household and its last reading. */
export const ZSensorRow = z.object({
  id: z.string(),
  sensorCode: z.string(),
  room: z.string(),
  premisesId: z.string(),
  installedOn: z.string(),
  address: z.string(),
  district: z.string(),
  customerName: z.string(),
  lastAt: z.string().nullable(),
  lastTenths: z.number().nullable(),
});

export const ZSensor = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  sensorCode: z.string(),
  premisesId: z.string(),
  room: z.string(),
  installedOn: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const ZIngestion = z.object({
  id: z.number(),
  enterpriseId: z.string(),
  at: z.string(),
  received: z.number(),
  accepted: z.number(),
  rejections: z.array(ZRejection),
  createdBy: z.string().nullable(),
  gatewayKeyId: z.string().nullable(),
});

/** H-5.4.6: one household's days, min / avg / max in tenths and the share of readings at the standard. */
export const ZDailyStats = z.object({
  premisesId: z.string(),
  address: z.string(),
  standardTenths: z.number(),
  from: z.string(),
  to: z.string(),
  days: z.array(
    z.object({
      day: z.string(),
      min: z.number(),
      avg: z.number(),
      max: z.number(),
      readings: z.number(),
      shareAtStandard: z.number(),
    }),
  ),
});
