import {
  EVALUATION_DEFINITIONS_VERSION,
  INDICATORS,
  catalogueItem,
  evaluate,
  isCatalogueCode,
  parseEvaluationPeriod,
  periodInstants,
  rankFigures,
  seasonWindow,
  trendPeriods,
  type DateString,
  type IndicatorDefinition,
} from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './evaluation.repository.ts';
import { listStatements } from '../statements/statements.repository.ts';
import { evaluationReportPdf } from './evaluation.report.ts';
import { toShanghaiIso } from '../../../core/format.ts';
import type { TDrilldownQuery, TEvaluationQuery, TReportQuery, TTrendQuery } from './evaluation.schemas.ts';

// Evaluation (issue 14): each enterprise's figure per indicator of G-12.4 / H-10.5 for a month, year or heating
// season, counted live from stored outcomes — or, once the regulator has closed the period, read from what was
// kept then (figures, the records behind them and the definitions in force), so a closed period never moves.

const KINDS = [...new Set(INDICATORS.flatMap((i) => i.appliesTo))];

export class EvaluationService {
  constructor(private readonly ctx: AppContext) {}

  // Read when used, not at construction: routes build their services while the app registers.
  private get db(): Db {
    return this.ctx.database.db;
  }

  private async window(text: string) {
    const p = parseEvaluationPeriod(text);
    const dates =
      p.kind === 'season'
        ? seasonWindow(
            p.key,
            (await repo.seasonsOf(this.db, p.key)) as { startsOn: DateString; endsOn: DateString }[],
          )
        : { from: p.from!, to: p.to! };
    return { period: p, dates, ...periodInstants(dates.from, dates.to) };
  }

  async figures(actor: Actor, q: TEvaluationQuery) {
    const scope = enterpriseScope(actor, q.enterpriseId);
    const w = await this.window(q.period);
    const closed = await repo.periodRow(this.db, w.period.key);
    const isClosed = closed?.state === 'closed';
    const defs: readonly IndicatorDefinition[] = isClosed ? closed.definitions : INDICATORS;
    const kinds = q.kind ? KINDS.filter((k) => k === q.kind) : KINDS;
    const enterprises = await repo.enterprisesOf(this.db, kinds, scope, q.district);
    const counts = isClosed
      ? await repo.storedCounts(this.db, w.period.key, scope)
      : await repo.liveCounts(this.db, { start: w.start, end: w.end, enterpriseId: scope });
    const byKey = new Map(counts.map((c) => [`${c.indicator}|${c.enterprise_id}`, c]));
    const indicators = defs
      .filter((d) => enterprises.some((e) => (d.appliesTo as readonly string[]).includes(e.kind)))
      .map((d) => {
        const rows = enterprises
          .filter((e) => (d.appliesTo as readonly string[]).includes(e.kind))
          .map((e) => {
            const c = byKey.get(`${d.id}|${e.id}`);
            const figure = evaluate(d, {
              numerator: Number(c?.numerator ?? 0),
              denominator: Number(c?.denominator ?? 0),
            });
            return { enterpriseId: e.id, ...figure };
          });
        return {
          id: d.id,
          clauses: d.clauses,
          name: d.name,
          unit: d.unit,
          target: d.target ?? null,
          numeratorDefinition: d.numerator,
          denominatorDefinition: d.denominator,
          figures: rankFigures(rows, d.unit === 'minutes'),
        };
      });
    return {
      period: {
        key: w.period.key,
        kind: w.period.kind,
        from: w.dates.from,
        to: w.dates.to,
        closed: isClosed,
        // An instant as ISO text whichever driver read it (a Date from pg, text from PGlite).
        closedAt: isClosed ? new Date(closed.closed_at).toISOString() : null,
        definitionsVersion: isClosed ? closed.definitions_version : EVALUATION_DEFINITIONS_VERSION,
      },
      enterprises,
      indicators,
      districts: await repo.districtsOf(this.db, scope),
    };
  }

  /**
   * Each indicator's value per enterprise over the `count` periods ending with `period`: the same figures as the
   * cockpit's for each period (closed ones as kept). A season not set up has no data, not an error.
   */
  async trend(actor: Actor, q: TTrendQuery) {
    const periods = trendPeriods(q.period, q.count);
    const series = new Map<string, { indicator: string; enterpriseId: string; values: (number | null)[] }>();
    for (const [i, period] of periods.entries()) {
      const query = { period, enterpriseId: q.enterpriseId, kind: q.kind, district: q.district };
      const figures = await this.figures(actor, query).catch((err: unknown) => {
        if ((err as { code?: string }).code === 'EVALUATION_SEASON_UNKNOWN') return null;
        throw err;
      });
      for (const ind of figures?.indicators ?? []) {
        for (const f of ind.figures) {
          const key = `${ind.id}|${f.enterpriseId}`;
          const s = series.get(key) ?? {
            indicator: ind.id,
            enterpriseId: f.enterpriseId,
            values: periods.map(() => null),
          };
          s.values[i] = f.value;
          series.set(key, s);
        }
      }
    }
    return { periods, series: [...series.values()] };
  }

  /** The PDF evaluation report of one enterprise and period: figures, ranks among all shown, trend, remarks. */
  async report(actor: Actor, q: TReportQuery) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId) ?? actor.enterpriseId;
    const figures = await this.figures(actor, { period: q.period });
    const enterprise = figures.enterprises.find((e) => e.id === enterpriseId);
    if (!enterprise) {
      throw appError(
        'NOT_FOUND',
        { zh: '该企业不参加本考核', en: 'The enterprise is not evaluated' },
        { field: 'enterpriseId' },
      );
    }
    const trend = await this.trend(actor, { period: q.period, count: 6, enterpriseId });
    const statements = (await listStatements(this.db, figures.period.key, enterpriseId)).filter(
      (s) => s.enterpriseId === enterpriseId && s.kind !== 'publication',
    );
    return evaluationReportPdf({
      enterprise,
      period: figures.period,
      indicators: figures.indicators,
      trend,
      statements: statements.map((s) => ({ ...s, createdAt: new Date(s.createdAt) })),
      generatedAt: toShanghaiIso(this.ctx.now()).slice(0, 16).replace('T', ' '),
    });
  }

  async drilldown(actor: Actor, q: TDrilldownQuery) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId)!;
    const w = await this.window(q.period);
    const closed = await repo.periodRow(this.db, w.period.key);
    const isClosed = closed?.state === 'closed';
    const defs: readonly IndicatorDefinition[] = isClosed ? closed.definitions : INDICATORS;
    const def = defs.find((d) => d.id === q.indicator);
    if (!def) {
      throw appError(
        'EVALUATION_INDICATOR_UNKNOWN',
        { zh: `没有指标“${q.indicator}”`, en: `No indicator "${q.indicator}"` },
        { field: 'indicator' },
      );
    }
    const page = {
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
      numeratorOnly: q.part === 'numerator',
    };
    const source = isClosed
      ? { closed: w.period.key, indicator: def.id, enterpriseId }
      : { live: { start: w.start, end: w.end, enterpriseId }, def };
    const { total, amountSum, denAmountSum, rows } = await repo.records(this.db, source, enterpriseId, page);
    return {
      indicator: def.id,
      part: q.part,
      closed: isClosed,
      total,
      amountSum,
      denAmountSum,
      page: q.page,
      pageSize: q.pageSize,
      items: rows.map((r) => ({
        refId: r.ref_id,
        orderId: r.order_id,
        refNo: r.ref_no,
        item: r.item,
        itemName: isCatalogueCode(r.item) ? catalogueItem(r.item).name : null,
        outcome: r.outcome,
        at: new Date(r.at).toISOString(),
        inNumerator: Boolean(r.in_numerator),
        /** An average's amount of this record (G-12.4.1.2: the wait in seconds); null for a rate. */
        amount: r.amount === null || r.amount === undefined ? null : Number(r.amount),
        denAmount: r.den_amount === null || r.den_amount === undefined ? null : Number(r.den_amount),
      })),
    };
  }

  /** The regulator closes an ended period: its figures and records are kept as they are now. */
  async close(actor: Actor, period: string) {
    if (actor.role !== 'regulator') throw forbidden();
    const w = await this.window(period);
    const now = this.ctx.now();
    if (w.end.getTime() > now.getTime()) {
      throw appError('EVALUATION_PERIOD_NOT_ENDED', {
        zh: `考核期 ${period} 尚未结束，不能关账`,
        en: `Period ${period} has not ended yet and cannot be closed`,
      });
    }
    return this.db.transaction(async (tx) => {
      const before = await repo.periodRow(tx, w.period.key);
      if (before?.state === 'closed') {
        throw appError('EVALUATION_PERIOD_CLOSED', {
          zh: `考核期 ${period} 已关账；如需重算须先由监管部门说明理由重新开启`,
          en: `Period ${period} is already closed; the regulator must reopen it with a reason first`,
        });
      }
      const figures = await repo.storeClosed(tx, {
        period: w.period.key,
        window: { start: w.start, end: w.end, enterpriseId: null },
        actorId: actor.id,
        now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'evaluation.period_closed',
        entity: 'evaluation_period',
        entityId: w.period.key,
        before: before ? { state: before.state, reopenReason: before.reopen_reason } : null,
        after: { state: 'closed', definitionsVersion: EVALUATION_DEFINITIONS_VERSION, figures },
      });
      return {
        period: w.period.key,
        state: 'closed' as const,
        definitionsVersion: EVALUATION_DEFINITIONS_VERSION,
        figures,
      };
    });
  }

  /** Only the regulator reopens, with a reason; the next close recomputes and keeps the figures again. */
  async reopen(actor: Actor, period: string, reason: string) {
    if (actor.role !== 'regulator') throw forbidden();
    const key = parseEvaluationPeriod(period).key;
    return this.db.transaction(async (tx) => {
      const before = await repo.periodRow(tx, key);
      if (before?.state !== 'closed') {
        throw appError('EVALUATION_PERIOD_NOT_CLOSED', {
          zh: `考核期 ${period} 未关账，无需重新开启`,
          en: `Period ${period} is not closed`,
        });
      }
      // The audit keeps what the closed period said, since the next close replaces it.
      const kept = await repo.storedCounts(tx, key, null);
      await repo.markReopened(tx, key, { actorId: actor.id, reason, now: this.ctx.now() });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'evaluation.period_reopened',
        entity: 'evaluation_period',
        entityId: key,
        before: {
          state: 'closed',
          closedAt: before.closed_at,
          definitionsVersion: before.definitions_version,
          figures: kept,
        },
        after: { state: 'open', reason },
      });
      return { period: key, state: 'open' as const, reason };
    });
  }
}
