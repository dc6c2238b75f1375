import { z } from 'zod';

export const ZGrade = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']);

/** One respondent: the overall grade, and a grade per factor asked (G-12.4.5 "by factor and grade"). */
export const ZRespondent = z.strictObject({
  /** A household or account number, or a questionnaire number; never needed, never a phone. */
  respondent: z.string().trim().max(60).default(''),
  grade: ZGrade,
  factors: z.record(z.string().trim().min(1).max(40), ZGrade).default({}),
});

/** A survey's answers (G-12.3, H-10.3.2, H-10.3.7): the company's sample survey or a third party's results. */
export const ZSurveyEntry = z.strictObject({
  source: z.enum(['sample', 'third_party']),
  /** Who surveyed: the department, or the third party's name. */
  surveyor: z.string().trim().min(2).max(100),
  surveyedOn: z.iso.date(),
  respondents: z.array(ZRespondent).min(1).max(5000),
});
export type TSurveyEntry = z.infer<typeof ZSurveyEntry>;

export const ZSurveyQuery = z.strictObject({
  enterpriseId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TSurveyQuery = z.infer<typeof ZSurveyQuery>;

export const ZSurveyList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      enterpriseId: z.string(),
      source: z.string(),
      surveyor: z.string(),
      surveyedOn: z.string(),
      respondent: z.string(),
      grade: ZGrade,
      factors: z.record(z.string(), z.string()),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Over every answer matching the filters: respondents, satisfied (incl. basically), and per factor. */
  summary: z.object({
    respondents: z.number(),
    satisfied: z.number(),
    factors: z.array(
      z.object({
        factor: z.string(),
        satisfied: z.number(),
        basicallySatisfied: z.number(),
        dissatisfied: z.number(),
      }),
    ),
  }),
});

export const ZSurveyResult = z.object({ recorded: z.number() });

/** A file of answers (CSV/Excel), one respondent a row; checked only (`dryRun`, the default) or recorded. */
export const ZSurveyImport = z.strictObject({
  source: z.enum(['sample', 'third_party']),
  format: z.enum(['xlsx', 'csv']),
  fileBase64: z.string().min(1).max(14_500_000),
  dryRun: z.boolean().default(true),
});
export type TSurveyImport = z.infer<typeof ZSurveyImport>;
export const ZSurveyImportResult = z.object({
  dryRun: z.boolean(),
  /** Rows that are answers (recorded unless a dry run). */
  accepted: z.number(),
  recorded: z.number(),
  bad: z.array(
    z.object({
      row: z.number(),
      reasons: z.array(
        z.object({ code: z.string(), column: z.string().optional(), zh: z.string(), en: z.string() }),
      ),
    }),
  ),
});
