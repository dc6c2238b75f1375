import { z } from 'zod';

const period = z.string().min(4).max(9);

export const ZEvaluationQuery = z.strictObject({
  period,
  enterpriseId: z.uuid().optional(),
  kind: z.string().max(40).optional(),
});
export type TEvaluationQuery = z.infer<typeof ZEvaluationQuery>;

export const ZTrendQuery = z.strictObject({
  /** The last period of the trend; the ones before it are of the same kind (months, years or seasons). */
  period,
  count: z.coerce.number().int().min(2).max(12).default(6),
  enterpriseId: z.uuid().optional(),
  kind: z.string().max(40).optional(),
});
export type TTrendQuery = z.infer<typeof ZTrendQuery>;

export const ZDrilldownQuery = z.strictObject({
  indicator: z.string().max(60),
  enterpriseId: z.uuid(),
  period,
  part: z.enum(['numerator', 'denominator']).default('denominator'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TDrilldownQuery = z.infer<typeof ZDrilldownQuery>;

export const ZPeriodParams = z.strictObject({ period });
export const ZReopen = z.strictObject({ reason: z.string().trim().min(2).max(500) });
