import { parseEvaluationPeriod, toShanghaiDate } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { targetText } from '../evaluation/evaluation.export.ts';
import { EvaluationService } from '../evaluation/evaluation.service.ts';
import * as repo from './statements.repository.ts';
import type { TPublishedFigure, TStatement, TStatementInput } from './statements.schemas.ts';

// What is said about an evaluation period, beside its figures: the enterprise's self-evaluation (G-12.2, H-10.2)
// and improvement plan (H-10.3.8), the regulator's remarks, and publications (G-12.3, H-10.5.6) that keep the
// figures as they were published. Nothing is edited: a new statement supersedes the last on screen.

const PUBLIC_LIMIT = 24;

export class StatementService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, q: { period: string; enterpriseId?: string | undefined }) {
    parseEvaluationPeriod(q.period);
    const scope = enterpriseScope(actor, q.enterpriseId);
    const rows = await repo.listStatements(this.ctx.database.db, q.period, scope);
    return { items: rows.map(toStatement) };
  }

  async add(actor: Actor, input: TStatementInput): Promise<TStatement> {
    parseEvaluationPeriod(input.period);
    const enterpriseId = this.authorScope(actor, input);
    return this.write(actor, {
      period: input.period,
      enterpriseId,
      kind: input.kind,
      body: input.body,
      content: {},
    });
  }

  /**
   * G-12.3, H-10.5.6: publishes the period's figures as they stand — an enterprise its own, the regulator every
   * enterprise's. Only an ended period is published: a figure still counting would be withdrawn tomorrow.
   */
  async publish(actor: Actor, period: string): Promise<TStatement> {
    if (actor.role !== 'regulator' && actor.role !== 'enterprise_admin') throw forbidden();
    const ev = await new EvaluationService(this.ctx).figures(actor, { period });
    const today = toShanghaiDate(this.ctx.now());
    if (ev.period.to > today) {
      throw appError(
        'EVALUATION_PERIOD_NOT_ENDED',
        {
          zh: `考核期 ${period} 尚未结束（${ev.period.to} 起才可公布）`,
          en: `Period ${period} has not ended (it can be published from ${ev.period.to})`,
        },
        { field: 'period' },
      );
    }
    const names = new Map(ev.enterprises.map((e) => [e.id, e.name]));
    const figures: TPublishedFigure[] = ev.indicators.flatMap((ind) =>
      ind.figures.map((f) => ({
        enterpriseId: f.enterpriseId,
        enterpriseName: names.get(f.enterpriseId) ?? '',
        indicator: ind.id,
        name: ind.name,
        clauses: [...ind.clauses],
        value: f.value,
        numerator: f.numerator,
        denominator: f.denominator,
        target: targetText(ind.target),
        status: f.status,
      })),
    );
    const regulator = actor.role === 'regulator';
    const body = regulator
      ? `${period} 供气供热企业服务评价结果（${ev.enterprises.length} 家企业）`
      : `${names.get(actor.enterpriseId) ?? ''} ${period} 服务指标公布`;
    return this.write(actor, {
      period,
      enterpriseId: regulator ? null : actor.enterpriseId,
      kind: 'publication',
      body,
      content: { figures, closed: ev.period.closed, definitionsVersion: ev.period.definitionsVersion },
    });
  }

  /** The latest publications for the public pages (no sign-in): an enterprise's own and the regulator's. */
  async published(enterpriseId?: string) {
    const rows = await repo.publications(this.ctx.database.db, enterpriseId, PUBLIC_LIMIT);
    return {
      items: rows.map((r) => {
        const s = toStatement(r);
        // The regulator's publication covers every enterprise; a page about one shows that one's rows.
        return enterpriseId ? { ...s, figures: s.figures.filter((f) => f.enterpriseId === enterpriseId) } : s;
      }),
    };
  }

  /** Who may say what: the enterprise about itself, the regulator a remark naming an enterprise. */
  private authorScope(actor: Actor, input: TStatementInput): string {
    if (input.kind === 'remark') {
      if (actor.role !== 'regulator') throw forbidden();
      if (!input.enterpriseId) {
        throw appError(
          'VALIDATION_FAILED',
          { zh: '监管意见须指明企业', en: 'A remark names the enterprise it is about' },
          { field: 'enterpriseId' },
        );
      }
      return input.enterpriseId;
    }
    if (actor.role !== 'enterprise_admin') throw forbidden();
    return actor.enterpriseId;
  }

  private write(
    actor: Actor,
    s: {
      period: string;
      enterpriseId: string | null;
      kind: string;
      body: string;
      content: Record<string, unknown>;
    },
  ): Promise<TStatement> {
    const now = this.ctx.now();
    return this.ctx.database.db.transaction(async (tx) => {
      const row = await repo.insertStatement(tx, { ...s, createdBy: actor.id, createdAt: now });
      await appendAudit(tx, {
        actor,
        enterpriseId: s.enterpriseId ?? actor.enterpriseId,
        action: `evaluation_statement.${s.kind}`,
        entity: 'evaluation_statement',
        entityId: row.id,
        after: { period: s.period, kind: s.kind, enterpriseId: s.enterpriseId },
      });
      return toStatement({ ...row, authorName: actor.displayName });
    });
  }
}

function toStatement(r: repo.StatementRow): TStatement {
  return {
    id: r.id,
    period: r.period,
    enterpriseId: r.enterpriseId,
    kind: r.kind as TStatement['kind'],
    body: r.body,
    figures: ((r.content as { figures?: TPublishedFigure[] }).figures ?? []) as TPublishedFigure[],
    createdBy: r.createdBy,
    authorName: r.authorName ?? '',
    createdAt: r.createdAt.toISOString(),
  };
}
