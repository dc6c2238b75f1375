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
export const ZOverrideBody = z.strictObject({ kind: z.enum(['rest', 'work']), note: z.string().max(200).default('') });
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

export const ZHolidayCnYear = z.strictObject({
  year: z.number().int().min(2000).max(2200),
  papers: z.array(z.string()).optional(),
  $schema: z.string().optional(),
  $id: z.string().optional(),
  days: z
    .array(z.strictObject({ name: z.string().min(1).max(50), date: ZDate, isOffDay: z.boolean() }))
    .min(1)
    .max(100),
});
