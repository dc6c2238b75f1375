import { z } from 'zod';

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const ZMessages = z.object({ zh: z.string(), en: z.string() });

export const ZYearQuery = z.strictObject({ year: z.coerce.number().int().min(1900).max(2200) });

export const ZDayInfo = z.object({
  date: z.string(),
  working: z.boolean(),
  reason: z.string(),
  name: ZMessages.optional(),
  /** The day lies in a year reckoned from the holiday law, its notice not imported yet. */
  provisional: z.boolean().optional(),
});

export const ZYearView = z.object({
  year: z.number(),
  knownYears: z.object({ from: z.number(), to: z.number() }),
  provisional: z.boolean(),
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
  /** The deadline counted a day of a year whose notice is not imported: it may move when the notice arrives. */
  provisional: z.boolean(),
  provisionalYears: z.array(z.number()),
});

export const ZMovedDue = z.object({
  orderId: z.string(),
  orderNo: z.string(),
  enterpriseId: z.string(),
  clock: z.string(),
  clause: z.string(),
  label: ZMessages,
  previousDue: z.string(),
  newDue: z.string(),
});

export const ZImportResult = z.object({
  year: z.number(),
  days: z.number(),
  /** The open orders' dues the notice moved, each also appended to its order's history. */
  moved: z.array(ZMovedDue),
});

export const ZCalendarStatus = z.object({
  today: z.string(),
  knownYears: z.array(z.number()),
  years: z.array(z.object({ year: z.number(), notice: z.enum(['in', 'provisional', 'none']) })),
  /** Set from 1 November while next year's notice is not in (and while this year's is not). */
  alert: ZMessages.nullable(),
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
