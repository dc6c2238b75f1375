import { z } from 'zod';

const period = z.string().min(4).max(9);

export const ZStatementQuery = z.strictObject({ period, enterpriseId: z.uuid().optional() });

/** Self-evaluation and improvement plan by the enterprise; a remark by the regulator on one enterprise. */
export const ZStatementInput = z.strictObject({
  period,
  kind: z.enum(['self_evaluation', 'improvement_plan', 'remark']),
  body: z.string().trim().min(2).max(4000),
  /** The regulator's remark names the enterprise; an enterprise writes about itself. */
  enterpriseId: z.uuid().optional(),
});
export type TStatementInput = z.infer<typeof ZStatementInput>;

/** The enterprise publishes its own results; the regulator publishes every enterprise's. */
export const ZPublishInput = z.strictObject({ period });

export const ZPublicResultsQuery = z.strictObject({ enterpriseId: z.uuid().optional() });

const ZPublishedFigure = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  indicator: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  clauses: z.array(z.string()),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  target: z.string(),
  status: z.string(),
});

export const ZStatement = z.object({
  id: z.string(),
  period: z.string(),
  enterpriseId: z.string().nullable(),
  kind: z.enum(['self_evaluation', 'improvement_plan', 'remark', 'publication']),
  body: z.string(),
  /** Publications: the figures as published, never recomputed. */
  figures: z.array(ZPublishedFigure),
  createdBy: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});
export type TStatement = z.infer<typeof ZStatement>;
export type TPublishedFigure = z.infer<typeof ZPublishedFigure>;

export const ZStatementList = z.object({ items: z.array(ZStatement) });
