import { addDays, shanghaiMidnightUtc, toShanghaiDate, type DateString } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './surveys.repository.ts';
import type { TSurveyEntry, TSurveyImport, TSurveyQuery } from './surveys.schemas.ts';
import { readCallFile } from '../calls/call-rows.ts';
import { convertSurveySheet, isBadSurvey, type SurveyRow } from './survey-rows.ts';

// Satisfaction surveys (G-12.3, G-12.4.5, H-3.14, H-10.3.2, H-10.3.7): each respondent's answers from the company's
// sample survey or a third party's, kept as given (append-only). The survey satisfaction rate is counted from them
// in evaluation (indicator survey_satisfaction); return visits stay a separate indicator.

export class SurveyService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async record(actor: Actor, input: TSurveyEntry) {
    if (actor.role !== 'enterprise_admin' && actor.role !== 'agent') throw forbidden();
    const now = this.ctx.now();
    if (input.surveyedOn > toShanghaiDate(now)) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '调查日期不能晚于今天', en: 'The survey date cannot be after today' },
        { field: 'surveyedOn' },
      );
    }
    // The day's noon in Shanghai: a survey has a date, not a moment, and noon keeps it inside that day's period.
    const surveyedAt = new Date(
      shanghaiMidnightUtc(input.surveyedOn as DateString).getTime() + 12 * 3600 * 1000,
    );
    return this.db.transaction(async (tx) => {
      const recorded = await repo.insertResponses(
        tx,
        input.respondents.map((r) => ({
          enterpriseId: actor.enterpriseId,
          source: input.source,
          surveyor: input.surveyor,
          surveyedAt,
          respondent: r.respondent,
          grade: r.grade,
          factors: r.factors,
          createdBy: actor.id,
          createdAt: now,
        })),
      );
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'satisfaction_survey.record',
        entity: 'satisfaction_survey',
        entityId: actor.enterpriseId,
        after: { source: input.source, surveyor: input.surveyor, surveyedOn: input.surveyedOn, recorded },
      });
      return { recorded };
    });
  }

  /**
   * A file of a sample or third-party survey's answers: every row judged (an answer, or each reason it is not one);
   * a dry run records nothing, otherwise the good rows are recorded together and the bad ones reported.
   */
  async importFile(actor: Actor, input: TSurveyImport) {
    if (actor.role !== 'enterprise_admin' && actor.role !== 'agent') throw forbidden();
    const sheet = await readCallFile(input.format, input.fileBase64);
    const now = this.ctx.now();
    const rows = convertSurveySheet(sheet, toShanghaiDate(now));
    const good = rows.filter((r): r is SurveyRow => !isBadSurvey(r));
    const bad = rows.filter(isBadSurvey);
    let recorded = 0;
    if (!input.dryRun && good.length > 0) {
      recorded = await this.db.transaction(async (tx) => {
        const made = await repo.insertResponses(
          tx,
          good.map((g) => ({
            enterpriseId: actor.enterpriseId,
            source: input.source,
            surveyor: g.surveyor,
            // The day's noon in Shanghai, as an answer entered on the page.
            surveyedAt: new Date(
              shanghaiMidnightUtc(g.surveyedOn as DateString).getTime() + 12 * 3600 * 1000,
            ),
            respondent: g.respondent,
            grade: g.grade,
            factors: g.factors,
            createdBy: actor.id,
            createdAt: now,
          })),
        );
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'satisfaction_survey.import',
          entity: 'satisfaction_survey',
          entityId: actor.enterpriseId,
          after: { source: input.source, recorded: made, badRows: bad.length },
        });
        return made;
      });
    }
    return { dryRun: input.dryRun, accepted: good.length, recorded, bad };
  }

  async list(actor: Actor, q: TSurveyQuery) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const r = await repo.listResponses(
      this.db,
      {
        enterpriseId,
        start: q.from ? shanghaiMidnightUtc(q.from as DateString) : undefined,
        end: q.to ? shanghaiMidnightUtc(addDays(q.to as DateString, 1)) : undefined,
      },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return {
      items: r.rows.map((x) => ({
        id: x.id,
        enterpriseId: x.enterprise_id,
        source: x.source,
        surveyor: x.surveyor,
        surveyedOn: toShanghaiDate(new Date(x.surveyed_at)),
        respondent: x.respondent,
        grade: x.grade,
        factors: (typeof x.factors === 'string' ? JSON.parse(x.factors) : x.factors) as Record<
          string,
          string
        >,
      })),
      total: r.respondents,
      page: q.page,
      pageSize: q.pageSize,
      summary: { respondents: r.respondents, satisfied: r.satisfied, factors: r.factors },
    };
  }
}
