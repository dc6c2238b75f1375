import { z } from 'zod';
import { ZDate, ZMedium } from '../vehicles/vehicles.schemas.ts';

export const ZDispenserInput = z.strictObject({
  station: z.string().trim().min(1).max(60),
  number: z.string().trim().min(1).max(20),
  medium: ZMedium,
  maker: z.string().trim().max(100).optional(),
  serialNo: z.string().trim().max(60).optional(),
});

export const ZVerificationInput = z.strictObject({
  verifiedOn: ZDate,
  passed: z.boolean(),
  /** The certificate's validity; six months from the verification when left out. */
  validUntil: ZDate.optional(),
  certificateNo: z.string().trim().min(2).max(60),
  verifier: z.string().trim().min(2).max(100),
});

export const ZDispenserQuery = z.strictObject({ enterpriseId: z.uuid().optional() });
export const ZDispenserParams = z.strictObject({ id: z.uuid() });

const ZVerification = z.object({
  id: z.string(),
  verifiedOn: z.string(),
  passed: z.boolean(),
  validUntil: z.string(),
  certificateNo: z.string(),
  verifier: z.string(),
  recordedAt: z.string(),
});

export const ZDispenser = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  station: z.string(),
  number: z.string(),
  medium: ZMedium,
  unit: z.enum(['kg', 'L']),
  maker: z.string(),
  serialNo: z.string(),
  /** G-8.1.2 as of today. */
  state: z.enum(['never', 'failed', 'overdue', 'due_soon', 'valid']),
  dueOn: z.string().nullable(),
  daysLeft: z.number().nullable(),
  usable: z.boolean(),
  last: ZVerification.nullable(),
});

export const ZDispenserList = z.object({
  items: z.array(ZDispenser),
  alerts: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      dueAt: z.string(),
      message: z.object({ zh: z.string(), en: z.string() }),
      createdAt: z.string(),
      acknowledged: z.boolean(),
    }),
  ),
  rules: z.object({ alertDays: z.number(), source: z.object({ zh: z.string(), en: z.string() }) }),
});

export const ZDispenserDetail = z.object({ dispenser: ZDispenser, verifications: z.array(ZVerification) });
