import { z } from 'zod';

const period = z.string().min(4).max(9);

export const ZEvaluationQuery = z.strictObject({
  period,
  enterpriseId: z.uuid().optional(),
  kind: z.string().max(40).optional(),
  /** Enterprises of one district (区县) only. */
  district: z.string().max(40).optional(),
});
export type TEvaluationQuery = z.infer<typeof ZEvaluationQuery>;

export const ZTrendQuery = z.strictObject({
  /** The last period of the trend; the ones before it are of the same kind (months, years or seasons). */
  period,
  count: z.coerce.number().int().min(2).max(12).default(6),
  enterpriseId: z.uuid().optional(),
  kind: z.string().max(40).optional(),
  district: z.string().max(40).optional(),
});
export type TTrendQuery = z.infer<typeof ZTrendQuery>;

/** The PDF report of one enterprise (an enterprise's own without `enterpriseId`). */
export const ZReportQuery = z.strictObject({ period, enterpriseId: z.uuid().optional() });
export type TReportQuery = z.infer<typeof ZReportQuery>;

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

// Answers (G-12.4, H-10.5): the figures per enterprise and indicator, their trend and the records behind them.
const ZMessages = z.object({ zh: z.string(), en: z.string() });
const ZFigure = z.object({
  enterpriseId: z.string(),
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  status: z.enum(['met', 'missed', 'no_data', 'no_target']),
  rank: z.number().nullable(),
});
const ZIndicator = z.object({
  id: z.string(),
  clauses: z.array(z.string()).readonly(),
  name: ZMessages,
  /** 'minutes': an average (G-12.4.1.2), lower is better. */
  unit: z.enum(['percent', 'minutes', 'permille']),
  /** Table 1's target: at least `percent`, all (100 %), or at most `minutes`; one object type so it can be null. */
  target: z
    .object({
      kind: z.enum(['at_least', 'all', 'at_most', 'at_most_permille']),
      percent: z.number().optional(),
      minutes: z.number().optional(),
      permille: z.number().optional(),
    })
    .nullable(),
  numeratorDefinition: ZMessages,
  denominatorDefinition: ZMessages,
  figures: z.array(ZFigure),
});
export const ZEvaluation = z.object({
  period: z.object({
    key: z.string(),
    kind: z.enum(['month', 'year', 'season']),
    from: z.string(),
    to: z.string(),
    closed: z.boolean(),
    closedAt: z.string().nullable(),
    definitionsVersion: z.string(),
  }),
  enterprises: z.array(
    z.object({ id: z.string(), name: z.string(), kind: z.string(), district: z.string() }),
  ),
  indicators: z.array(ZIndicator),
  /** The districts of the enterprises in scope, for the filter. */
  districts: z.array(z.string()),
});
/** Each indicator's value per enterprise over the last periods (oldest first). */
export const ZTrend = z.object({
  periods: z.array(z.string()),
  series: z.array(
    z.object({ indicator: z.string(), enterpriseId: z.string(), values: z.array(z.number().nullable()) }),
  ),
});
export const ZDrilldown = z.object({
  indicator: z.string(),
  part: z.enum(['numerator', 'denominator']),
  closed: z.boolean(),
  total: z.number(),
  /** The part's amounts summed (an average's or an amount ratio's numerator); null for a rate. */
  amountSum: z.number().nullable(),
  /** The part's den_amount summed (H-10.5.1's denominator); null when the denominator is a count. */
  denAmountSum: z.number().nullable(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      refId: z.string(),
      orderId: z.string().nullable(),
      refNo: z.string(),
      item: z.string(),
      itemName: ZMessages.nullable(),
      outcome: z.string(),
      at: z.string(),
      inNumerator: z.boolean(),
      /** An average's amount of this record (a wait in seconds); null for a rate. */
      amount: z.number().nullable().optional(),
      /** A record's share of an amount denominator (H-10.5.1's season base, m²·min); null for a count. */
      denAmount: z.number().nullable().optional(),
    }),
  ),
});
/** A close keeps the figures as they stood (the audit has them too). */
export const ZClosed = z.object({
  period: z.string(),
  state: z.literal('closed'),
  definitionsVersion: z.string(),
  figures: z.unknown(),
});
export const ZReopened = z.object({ period: z.string(), state: z.literal('open'), reason: z.string() });
