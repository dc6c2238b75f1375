import { z } from 'zod';
import { ZMedium, ZMessages, ZPlate, ZVehicle } from '../vehicles/vehicles.schemas.ts';

export const ZCheckInput = z.strictObject({ plate: ZPlate, dispenserId: z.uuid() });

/** G-8.1.1, G-8.1.4, G-8.1.10: the answer at the pump. */
export const ZCheckResult = z.object({
  checkId: z.string(),
  plate: z.string(),
  outcome: z.enum(['accepted', 'refused', 'unregistered']),
  message: ZMessages.nullable(),
  dispenser: z.object({
    id: z.string(),
    station: z.string(),
    number: z.string(),
    medium: ZMedium,
    unit: z.enum(['kg', 'L']),
  }),
  vehicle: ZVehicle.nullable(),
  findings: z.array(z.object({ reason: z.string(), serialNo: z.string().nullable(), message: ZMessages })),
  reminders: z.array(
    z.object({ serialNo: z.string(), expiresOn: z.string(), daysLeft: z.number(), message: ZMessages }),
  ),
  reminderSource: ZMessages,
});

export const ZFillInput = z.strictObject({
  checkId: z.uuid(),
  /** As the dispenser shows it, in its unit (kg or L), up to three decimals. */
  quantity: z.number().positive().max(2_000),
  /** The leak check of the vehicle's cylinders after filling (G-12.4.4). */
  leakFree: z.boolean(),
  leakNote: z.string().trim().max(500).optional(),
});

export const ZVehicleFill = z.object({
  id: z.string(),
  checkId: z.string(),
  station: z.string(),
  dispenserNo: z.string(),
  plate: z.string(),
  medium: ZMedium,
  quantity: z.number(),
  unit: z.string(),
  leakFree: z.boolean(),
  attendantName: z.string(),
  filledAt: z.string(),
  /** The leak case opened when the check after filling found a leak (G-8.1.5). */
  leakCaseId: z.string().nullable(),
  /** G-8.1.3: the fee's receipt once issued (printable as PDF). */
  receipt: z.object({ id: z.string(), receiptNo: z.string(), amountFen: z.number() }).nullable(),
});

export const ZFillLogQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  plate: z.string().trim().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ZFillLog = z.object({
  counts: z.object({
    fills: z.number(),
    leakFree: z.number(),
    checks: z.number(),
    refused: z.number(),
    reminded: z.number(),
    unregistered: z.number(),
  }),
  refusalCounts: z.array(z.object({ reason: z.string(), n: z.number() })),
  fills: z.array(ZVehicleFill.omit({ leakCaseId: true })),
  checks: z.array(
    z.object({
      id: z.string(),
      station: z.string(),
      plate: z.string(),
      medium: z.string(),
      outcome: z.string(),
      reasons: z.array(z.string()),
      reminded: z.boolean(),
      checkedAt: z.string(),
    }),
  ),
});
