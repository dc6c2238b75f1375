import { z } from 'zod';

export { ZIdParams } from '../../../core/schemas.ts';

export const ZRunStart = z.strictObject({
  /** The month the run bills, YYYY-MM (G-6.2.3). */
  period: z.string().regex(/^\d{4}-\d{2}$/),
});

export const ZRunListQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const ZSample = z.object({
  customerId: z.string(),
  accountNo: z.string(),
  reason: z.string(),
  detail: z.string().optional(),
});

export const ZRun = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  sector: z.string(),
  period: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  // Documented as the enum it is (openapi.json); the column is text, so the runtime check stays a string.
  status: z.string().meta({ enum: ['queued', 'running', 'done', 'failed'] }),
  total: z.number(),
  processed: z.number(),
  billed: z.number(),
  estimated: z.number(),
  skipped: z.number(),
  corrected: z.number(),
  reasons: z.record(z.string(), z.number()),
  reasonLabels: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
  samples: z.array(ZSample),
  error: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TRun = z.infer<typeof ZRun>;
export const ZRunList = z.object({ items: z.array(ZRun) });
