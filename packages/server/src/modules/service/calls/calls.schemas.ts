import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

/** One call as the call centre pushes it (G-12.4.1.1, H-3.13). `answeredAt` null: abandoned. */
export const ZCallInput = z.strictObject({
  /** The call centre's own id of the call: sending it again adds nothing. */
  callId: z.string().trim().min(1).max(100),
  line: z.string().trim().min(1).max(60),
  agent: z.string().trim().max(60).default(''),
  rangAt: instant,
  answeredAt: instant.nullable(),
  endedAt: instant.nullable().optional(),
});
export type TCallInput = z.infer<typeof ZCallInput>;

export const ZCallPush = z.strictObject({ calls: z.array(ZCallInput).min(1).max(5000) });
export type TCallPush = z.infer<typeof ZCallPush>;

/** 10 MB of file is 13.4 MB of base64. */
export const ZCallImport = z.strictObject({
  format: z.enum(['xlsx', 'csv']),
  fileBase64: z.string().min(1).max(14_500_000),
  dryRun: z.boolean().default(false),
});
export type TCallImport = z.infer<typeof ZCallImport>;

export const ZCallReason = z.object({
  code: z.string(),
  column: z.string().optional(),
  zh: z.string(),
  en: z.string(),
});
export type TCallReason = z.infer<typeof ZCallReason>;

/** Rows (import) or positions in `calls` from 1 (push) refused with every reason; the others are kept. */
export const ZCallIntakeResult = z.object({
  imported: z.number(),
  /** Already recorded with the same call id and the same times: nothing added. */
  alreadyRecorded: z.number(),
  rejected: z.array(
    z.object({ row: z.number(), callId: z.string().optional(), reasons: z.array(ZCallReason) }),
  ),
  dryRun: z.boolean(),
});
export type TCallIntakeResult = z.infer<typeof ZCallIntakeResult>;

export const ZCallQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  /** Shanghai dates, both inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  outcome: z.enum(['answered_in_time', 'answered_late', 'abandoned']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TCallQuery = z.infer<typeof ZCallQuery>;

export const ZCall = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  callId: z.string(),
  line: z.string(),
  agent: z.string(),
  rangAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Seconds from ring to answer; null when abandoned. */
  answerSeconds: z.number().nullable(),
  thresholdSeconds: z.number(),
  outcome: z.enum(['answered_in_time', 'answered_late', 'abandoned']),
  source: z.string(),
});
export const ZCallList = z.object({
  items: z.array(ZCall),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Over every call matching the filters, not just this page. */
  summary: z.object({ received: z.number(), answeredInTime: z.number() }),
});

export const ZThresholdInput = z.strictObject({
  seconds: z.number().int().min(1).max(600),
  /** From when calls are judged by it; now when left out. Never before now: earlier calls keep their verdict. */
  effectiveFrom: instant.optional(),
  basis: z.string().trim().min(2).max(500),
});
export type TThresholdInput = z.infer<typeof ZThresholdInput>;

export const ZThresholdQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

export const ZThreshold = z.object({
  enterpriseId: z.string(),
  /** In force now (the default while none was set). */
  seconds: z.number(),
  isDefault: z.boolean(),
  defaultSeconds: z.number(),
  history: z.array(
    z.object({
      seconds: z.number(),
      effectiveFrom: z.string(),
      basis: z.string(),
      setAt: z.string(),
    }),
  ),
});
