import { LEAK_STEPS } from '@ranre/domain';
import { z } from 'zod';
import { ZMessages, ZPlate } from '../vehicles/vehicles.schemas.ts';

export const ZLeakInput = z.strictObject({
  plate: ZPlate,
  cylinderSerial: z.string().trim().max(60).optional(),
  station: z.string().trim().min(1).max(60),
  description: z.string().trim().min(2).max(500),
});

export const ZLeakStepInput = z.strictObject({
  step: z.enum(LEAK_STEPS).exclude(['found']),
  note: z.string().trim().max(500).default(''),
});

export const ZLeakQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  state: z.enum(['open', 'closed', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZLeakParams = z.strictObject({ id: z.uuid() });

export const ZLeakCase = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  caseNo: z.string(),
  vehicleId: z.string(),
  plate: z.string(),
  cylinderSerial: z.string().nullable(),
  station: z.string(),
  fillId: z.string().nullable(),
  description: z.string(),
  state: z.enum(LEAK_STEPS),
  nextStep: z.enum(LEAK_STEPS).nullable(),
  foundAt: z.string(),
  closedAt: z.string().nullable(),
  /** G-8.1.5 "at once": minutes from found to the vehicle isolated. */
  minutesToIsolate: z.number().nullable(),
  steps: z.array(
    z.object({
      step: z.enum(LEAK_STEPS),
      label: ZMessages,
      note: z.string(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});

export const ZLeakList = z.object({ items: z.array(ZLeakCase) });
