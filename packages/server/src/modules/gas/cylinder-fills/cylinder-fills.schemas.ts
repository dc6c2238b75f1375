import { z } from 'zod';
import { ZCylinderCode } from '../cylinders/cylinders.schemas.ts';

const ZMessages = z.object({ zh: z.string(), en: z.string() });

export const ZScanInput = z.strictObject({
  code: ZCylinderCode,
  station: z.string().trim().min(1).max(60),
});

/** G-7.1.6: the answer to a scan at the filling line. */
export const ZScanResult = z.object({
  scanId: z.string(),
  code: z.string(),
  ok: z.boolean(),
  reason: z.string().nullable(),
  message: ZMessages.nullable(),
  cylinder: z
    .object({
      model: z.string(),
      ratedFillG: z.number(),
      toleranceG: z.number(),
      nextInspectionOn: z.string(),
      marking: z.string(),
    })
    .nullable(),
});

export const ZFillInput = z.strictObject({
  scanId: z.uuid(),
  /** Net weight on the scale after filling, grams. */
  netWeightG: z.number().int().min(0).max(200_000),
  leakFree: z.boolean(),
  labelNo: z.string().trim().max(40).optional(),
});

export const ZFill = z.object({
  id: z.string(),
  code: z.string(),
  station: z.string(),
  netWeightG: z.number(),
  ratedFillG: z.number(),
  toleranceG: z.number(),
  weightOk: z.boolean(),
  leakFree: z.boolean(),
  outcome: z.enum(['pass', 'hold']),
  labelNo: z.string().nullable(),
  filledAt: z.string(),
  reasons: z.array(ZMessages),
});

export const ZFillQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZFillReport = z.object({
  /** G-12.4.3.1, G-12.4.3.2: counted from the fill records of the period. */
  rates: z.object({ tested: z.number(), leakFree: z.number(), passed: z.number() }),
  fills: z.array(ZFill.omit({ reasons: true })),
  refusals: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      station: z.string(),
      reason: z.string(),
      scannedAt: z.string(),
    }),
  ),
  refusalCounts: z.array(z.object({ reason: z.string(), n: z.number() })),
});
