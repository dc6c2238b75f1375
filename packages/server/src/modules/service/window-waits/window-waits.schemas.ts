import { z } from 'zod';

/** G-12.4.1.2: one sampled customer at a service point — when he took a number and how long he waited. */
export const ZWaitSample = z.strictObject({
  arrivedAt: z.iso.datetime({ offset: true }),
  /** Minutes, to the second (7.5 = 7 min 30 s). */
  waitMinutes: z.number().min(0).max(1440),
  note: z.string().trim().max(200).default(''),
});

export const ZWaitEntry = z.strictObject({
  /** The name of one of the enterprise's service points (enterprise settings). */
  servicePoint: z.string().trim().min(1).max(100),
  samples: z.array(ZWaitSample).min(1).max(500),
});
export type TWaitEntry = z.infer<typeof ZWaitEntry>;

export const ZWaitQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TWaitQuery = z.infer<typeof ZWaitQuery>;

export const ZWaitList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      enterpriseId: z.string(),
      servicePoint: z.string(),
      arrivedAt: z.string(),
      waitSeconds: z.number(),
      note: z.string(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Over every sample matching the filters: people sampled and their average wait in minutes. */
  summary: z.object({ sampled: z.number(), averageMinutes: z.number().nullable() }),
  /** The enterprise's service points, for the entry form (empty for the regulator's all-enterprise view). */
  servicePoints: z.array(z.string()),
});

export const ZWaitEntryResult = z.object({ recorded: z.number() });

/** G-12.4.1.2: sampled waits from a file; `dryRun` checks it and records nothing. */
export const ZWaitImport = z.strictObject({
  format: z.enum(['xlsx', 'csv']),
  fileBase64: z.string().min(1).max(14_500_000),
  dryRun: z.boolean().default(true),
});
export type TWaitImport = z.infer<typeof ZWaitImport>;
export const ZWaitImportResult = z.object({
  dryRun: z.boolean(),
  /** Rows that are samples (recorded unless a dry run). */
  accepted: z.number(),
  recorded: z.number(),
  bad: z.array(
    z.object({
      row: z.number(),
      reasons: z.array(
        z.object({ code: z.string(), column: z.string().optional(), zh: z.string(), en: z.string() }),
      ),
    }),
  ),
});
