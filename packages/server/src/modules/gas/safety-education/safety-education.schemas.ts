import { SAFETY_EDUCATION_OCCASIONS, SAFETY_EDUCATION_TOPIC_CODES } from '@ranre/domain';
import { z } from 'zod';

export const ZCustomerParams = z.strictObject({ id: z.uuid() });

/** One time the handbook was handed over or safety was explained (G-5.10.1, G-5.10.6). */
export const ZSafetyEducationInput = z.strictObject({
  occasion: z.enum(SAFETY_EDUCATION_OCCASIONS),
  handbookGiven: z.boolean(),
  topics: z.array(z.enum(SAFETY_EDUCATION_TOPIC_CODES as [string, ...string[]])).max(8),
  givenOn: z.iso.date(),
  note: z.string().trim().max(500).default(''),
});
export type TSafetyEducationInput = z.infer<typeof ZSafetyEducationInput>;

export const ZSafetyEducationRecord = z.object({
  id: z.string(),
  occasion: z.string(),
  handbookGiven: z.boolean(),
  topics: z.array(z.string()),
  givenOn: z.string(),
  note: z.string(),
  givenBy: z.string(),
  createdAt: z.string(),
});

export const ZSafetyEducation = z.object({
  records: z.array(ZSafetyEducationRecord),
  coverage: z.object({
    handbookGiven: z.boolean(),
    covered: z.array(z.string()),
    missing: z.array(z.string()),
    complete: z.boolean(),
  }),
});
