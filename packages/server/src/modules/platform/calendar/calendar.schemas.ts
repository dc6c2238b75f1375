import { z } from 'zod';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ZMessages = z.object({ zh: z.string(), en: z.string() });

export const ZYearQuery = z.strictObject({ year: z.coerce.number().int().min(1900).max(2200) });

export const ZDayInfo = z.object({
  date: z.string(),
  working: z.boolean(),
  reason: z.string(),
  name: ZMessages.optional(),
});

export const ZYearView = z.object({
  year: z.number(),
  knownYears: z.object({ from: z.number(), to: z.number() }),
  days: z.array(ZDayInfo),
});

export const ZOverrideParams = z.strictObject({ date: ZDate });
export const ZOverrideBody = z.strictObject({
  kind: z.enum(['rest', 'work']),
  note: z.string().max(200).default(''),
});
export const ZOverride = z.object({
  date: z.string(),
  kind: z.string(),
  note: z.string(),
  createdAt: z.string(),
});

export const ZDueBody = z.strictObject({
  start: z.iso.datetime({ offset: true }),
  limit: z.string().min(2).max(20),
});

export const ZDueResponse = z.object({
  start: z.string(),
  due: z.string(),
  dueText: z.string(),
  unit: z.string(),
  explanation: z.string(),
  explanationEn: z.string(),
  skipped: z.array(ZDayInfo),
});

/** A holiday-cn year file; its "$schema" and "$id" keys are dropped so the file can be sent as it is. */
export const ZHolidayCnYear = z.preprocess(
  (v) => {
    if (typeof v !== 'object' || v === null) return v;
    const { $schema: _s, $id: _i, ...rest } = v as Record<string, unknown>;
    return rest;
  },
  z.strictObject({
    year: z.number().int().min(2000).max(2200),
    papers: z.array(z.string()).optional(),
    days: z
      .array(z.strictObject({ name: z.string().min(1).max(50), date: ZDate, isOffDay: z.boolean() }))
      .min(1)
      .max(100),
  }),
);
