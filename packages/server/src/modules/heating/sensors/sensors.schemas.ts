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
