import { z } from 'zod';

/** `:id` path parameter shared by every module's routes. */
export const ZIdParams = z.strictObject({ id: z.uuid() });

/** An instant in an answer: a row's Date or an ISO text already formatted, sent as ISO text either way. */
export const ZInstant = z
  .custom<Date | string>((v) => v instanceof Date || typeof v === 'string', 'a Date or an ISO text')
  .meta({ type: 'string', format: 'date-time', description: 'ISO 8601 instant' });

/** A text in both languages (`{ zh, en }`). */
export const ZBilingual = z.object({ zh: z.string(), en: z.string() });
