import { z } from 'zod';

export const ZCaseQuery = z.strictObject({ status: z.enum(['measured', 'disputed', 'decided']).optional() });

/** H-7.2.3.1: the customer disputes the company's measurement; a third party both accept measures again. */
export const ZDispute = z.strictObject({
  version: z.number().int().min(1),
  institution: z.string().trim().min(1).max(100),
  result: z.enum(['passed', 'failed']),
  /** The third party's lowest bedroom / living-room reading, tenths of a degree. */
  tenths: z.number().int().min(-300).max(450),
  testedOn: z.iso.date(),
  testFeeFen: z.number().int().min(0).max(10_000_000),
});
export type TDispute = z.infer<typeof ZDispute>;

export const ZCause = z.enum(['company_facility', 'customer_facility', 'unretrofitted_public_facility']);

/** H-7.2.3.3–H-7.2.3.6: the cause of a failure decides repair, test fee and reduction. */
export const ZDecide = z.strictObject({
  version: z.number().int().min(1),
  cause: ZCause.optional(),
  /** Company facility: the first day below standard and the day the room was restored (H-5.5 reduction). */
  belowFrom: z.iso.date().optional(),
  restoredOn: z.iso.date().optional(),
});
export type TDecide = z.infer<typeof ZDecide>;

export const ZRuleInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  fenPerDayPerDegree: z.number().int().min(0).max(100_000),
  effectiveFrom: z.iso.date(),
  effectiveTo: z.iso.date().nullable().optional(),
  basis: z.string().trim().max(300).default(''),
});
export type TRuleInput = z.infer<typeof ZRuleInput>;
