import { z } from 'zod';

/** Meter readings on the contract's cycle (G-6.2.3, G-6.2.5). Registers in litres (1 m³ = 1000 L). */
export const ZReadingInput = z.strictObject({
  meterId: z.uuid(),
  readOn: z.iso.date(),
  /** Estimates are made by the system (GET /readings/estimate, the billing run), never typed in. */
  kind: z.enum(['actual', 'remote', 'customer']),
  register: z.number().int().min(0).max(99_999_999),
  note: z.string().trim().max(300).default(''),
  /** The reader confirms a flagged (high/low/zero/rollover) reading; a note of at least 2 characters is required. */
  confirm: z.boolean().default(false),
});
export type TReadingInput = z.infer<typeof ZReadingInput>;

export const ZBulkInput = z.strictObject({ rows: z.array(ZReadingInput).min(1).max(500) });

export const ZReadingQuery = z.strictObject({
  customerId: z.uuid(),
  meterId: z.uuid().optional(),
});

export const ZEstimateQuery = z.strictObject({ meterId: z.uuid(), periodEnd: z.iso.date() });

export const ZRouteQuery = z.strictObject({
  district: z.string().trim().max(30).optional(),
  community: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  enterpriseId: z.uuid().optional(),
});

const ZMessages = z.object({ zh: z.string(), en: z.string() });
export const ZFlag = z.object({ code: z.string(), severity: z.string(), reason: ZMessages });
/** Why an estimate came out as it did; the other facts of the basis pass through as stored. */
const ZEstimateBasis = z.looseObject({ reason: ZMessages.optional() });
/** A check kept with a reading: a flag (reason), the reader's confirmation (by, note) or a settlement (explanation). */
const ZCheck = z.looseObject({
  code: z.string(),
  reason: ZMessages.optional(),
  by: z.string().optional(),
  note: z.string().optional(),
  explanation: ZMessages.optional(),
});

export const ZReading = z.object({
  id: z.string(),
  meterId: z.string(),
  serialNo: z.string(),
  customerId: z.string(),
  readOn: z.string(),
  kind: z.string(),
  register: z.number(),
  usage: z.number(),
  estimateBasis: ZEstimateBasis.nullable(),
  checks: z.array(ZCheck),
  note: z.string(),
  enteredByName: z.string().nullable(),
  createdAt: z.string(),
});
export type TReading = z.infer<typeof ZReading>;

export const ZSettlement = z.object({
  volumeDifference: z.number(),
  direction: z.string(),
  billsToCorrect: z.array(z.string()),
  correctionRequired: z.boolean(),
  explanation: ZMessages,
});

export const ZEntered = z.object({
  reading: ZReading,
  flags: z.array(ZFlag),
  settlement: ZSettlement.nullable(),
});
export const ZReadingList = z.object({ items: z.array(ZReading) });

export const ZEstimatePreview = z.object({
  meterId: z.string(),
  customerId: z.string(),
  readOn: z.string(),
  register: z.number(),
  usage: z.number(),
  basis: z.looseObject({ reason: ZMessages }),
});

export const ZBulkResult = z.object({
  saved: z.number(),
  failed: z.number(),
  rows: z.array(
    z.object({
      index: z.number(),
      meterId: z.string(),
      ok: z.boolean(),
      readingId: z.string().nullable(),
      usage: z.number().nullable(),
      code: z.string().nullable(),
      message: ZMessages.nullable(),
      flags: z.array(ZFlag),
    }),
  ),
});

export const ZRoute = z.object({
  areas: z.array(z.object({ district: z.string(), community: z.string(), meters: z.number() })),
  items: z.array(
    z.object({
      meterId: z.string(),
      serialNo: z.string(),
      remoteReading: z.boolean(),
      customerId: z.string(),
      customerName: z.string(),
      accountNo: z.string(),
      address: z.string(),
      community: z.string(),
      lastReadOn: z.string().nullable(),
      lastRegister: z.number().nullable(),
      lastKind: z.string().nullable(),
    }),
  ),
});
