import type { VisitState } from '@ranre/domain';
import {
  INSPECTION_MINIMUMS,
  balanceRoutes,
  maskPhone,
  nextRestDay,
  routeKey,
  summariseVisit,
  toShanghaiDate,
  visitWindows,
  visitsPerYear,
  yearOf,
  type CustomerKind,
  type VisitOutcome,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { Db } from '../../../db/client.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as plans from './plans.repository.ts';
import type { TPlanRequest } from './inspections.schemas.ts';
import * as visits from './visits.repository.ts';

/**
 * G-5.11.1: the year's plan in one transaction: customers staged with their routes, route loads by one aggregate,
 * routes balanced in the domain, every visit by one INSERT … SELECT. A year already planned is refused (PLAN_EXISTS). Used by the service and the demo seed.
 */
export async function buildPlan(
  tx: Db,
  p: {
    enterpriseId: string;
    year: number;
    perKind: Record<string, number>;
    inspectorIds: string[];
    createdBy: string | null;
    now: Date;
  },
) {
  const plan = await plans.insertPlan(tx, p);
  if (!plan)
    throw appError('PLAN_EXISTS', {
      zh: `${p.year} 年的安检计划已经生成`,
      en: `The inspection plan for ${p.year} already exists`,
    });
  await plans.stageRoutes(tx, p.enterpriseId);
  const loads = await plans.routeLoads(tx, p.perKind);
  const owner = balanceRoutes(loads, p.inspectorIds);
  const windows = Object.entries(p.perKind).flatMap(([kind, n]) =>
    visitWindows(p.year, n).map((w) => [kind, w.seq, w.from, w.to] as [string, number, string, string]),
  );
  const owners = loads
    .filter((l) => owner.has(routeKey(l)))
    .map((l) => [l.community, l.building, owner.get(routeKey(l))!] as [string, string, string]);
  const counts = await plans.insertVisits(tx, plan.id, windows, owners);
  return { ...plan, plannedCount: counts.visits, customerCount: counts.customers, routes: loads.length };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const planOut = <T extends { createdAt: Date }>(p: T) => ({ ...p, createdAt: p.createdAt.toISOString() });
const visitOut = <
  T extends {
    lastAttemptAt: Date | null;
    inspectedAt: Date | null;
    agreedAt: Date | null;
    announcedOn: string | null;
    residentProposedAt?: string | Date | null;
  },
>(
  v: T,
) => ({
  ...v,
  residentProposedAt: v.residentProposedAt ? new Date(v.residentProposedAt).toISOString() : null,
  lastAttemptAt: iso(v.lastAttemptAt),
  inspectedAt: iso(v.inspectedAt),
  agreedAt: iso(v.agreedAt),
  announcedOn: v.announcedOn ? String(v.announcedOn).slice(0, 10) : null,
});

/** G-5.11.1: the yearly plan, its progress and the inspector's route. */
export class InspectionService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /** The minimums as data, with their clause, for the set-up screen. */
  minimums() {
    return { items: INSPECTION_MINIMUMS.map((m) => ({ ...m })) };
  }

  async inspectors(actor: Actor) {
    return { items: await plans.activeInspectors(this.db, actor.enterpriseId) };
  }

  /** Generates the year's plan (buildPlan) for the caller's enterprise, with its audit event. */
  async generate(actor: Actor, input: TPlanRequest) {
    const now = this.ctx.now();
    const perKind = Object.fromEntries(visitsPerYear(input.visitsPerYear ?? {})) as Record<
      CustomerKind,
      number
    >;
    const enterpriseId = actor.enterpriseId;
    const staff = await plans.activeInspectors(this.db, enterpriseId);
    const inspectorIds = input.inspectorIds ?? staff.map((s) => s.id);
    const unknown = inspectorIds.filter((id) => !staff.some((s) => s.id === id));
    if (unknown.length > 0)
      throw appError(
        'INSPECTOR_INVALID',
        {
          zh: '安检员须为本企业在岗的安检员账号',
          en: 'Inspectors must be active inspector logins of this enterprise',
        },
        { unknown },
      );
    return this.db.transaction(async (tx) => {
      const plan = await buildPlan(tx, {
        enterpriseId,
        year: input.year,
        perKind,
        inspectorIds,
        createdBy: actor.id,
        now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId,
        action: 'inspection.plan',
        entity: 'inspection_plan',
        entityId: plan.id,
        after: { year: input.year, perKind, inspectors: inspectorIds.length, visits: plan.plannedCount },
      });
      return planOut(plan);
    });
  }

  async plan(actor: Actor, q: { year?: number; enterpriseId?: string }) {
    const year = q.year ?? yearOf(toShanghaiDate(this.ctx.now()));
    const items = await plans.planOf(this.db, enterpriseScope(actor, q.enterpriseId), year);
    return { year, items: items.map(planOut) };
  }

  async progress(
    actor: Actor,
    q: { year?: number; enterpriseId?: string; by: 'community' | 'inspector' | 'enterprise' },
  ) {
    const today = toShanghaiDate(this.ctx.now());
    const year = q.year ?? yearOf(today);
    const rows = await plans.progress(this.db, {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      year,
      by: q.by,
      today,
    });
    const total = rows.reduce(
      (t, r) => ({
        planned: t.planned + r.planned,
        done: t.done + r.done,
        outstanding: t.outstanding + r.outstanding,
        overdue: t.overdue + r.overdue,
        due: t.due + r.due,
      }),
      { planned: 0, done: 0, outstanding: 0, overdue: 0, due: 0 },
    );
    return {
      year,
      today,
      by: q.by,
      total,
      items: rows.map(({ not_reached, ...r }) => ({ ...r, notReached: not_reached })),
    };
  }

  async visits(
    actor: Actor,
    q: { year?: number; state?: VisitState; community?: string; limit: number; offset: number },
  ) {
    const year = q.year ?? yearOf(toShanghaiDate(this.ctx.now()));
    const { rows, total } = await visits.listVisits(this.db, {
      ...q,
      year,
      enterpriseId: enterpriseScope(actor),
    });
    return {
      total,
      items: rows.map(({ total: _t, ...r }) =>
        visitOut(actor.role === 'regulator' ? { ...r, phone: maskPhone(r.phone) } : r),
      ),
    };
  }

  /**
   * The inspector's day (G-5.11.4): his open visits, each household with its recent history and open hazards, and
   * for a nobody-home visit what the next attempt must cover and the next rest day (G-5.11.9).
   */
  async myRoute(actor: Actor) {
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    const calendar = await this.ctx.calendar.current();
    const route = await visits.routeOf(this.db, actor.id, today, 200);
    const ids = [...new Set(route.map((r) => r.customerId))];
    const [history, open] = await Promise.all([
      visits.historyOf(this.db, ids),
      visits.openHazardsOf(this.db, ids),
    ]);
    return {
      today,
      nextRestDay: nextRestDay(today, calendar),
      items: route.map((v) => {
        const past = history.filter((h) => h.customerId === v.customerId);
        const attempts = past
          .filter((h) => toShanghaiDate(h.at) >= v.windowFrom)
          .map((h) => ({ outcome: h.outcome as VisitOutcome, at: h.at }));
        const summary = summariseVisit(attempts, null, calendar);
        return {
          ...visitOut(v),
          overdue: v.windowTo < today,
          advice:
            summary.state === 'retry_needed' || summary.state === 'community_follow_up_due' ? summary : null,
          history: past.map((h) => ({ ...h, at: h.at.toISOString() })),
          openHazards: open
            .filter((h) => h.customerId === v.customerId)
            .map((h) => ({ ...h, dueAt: h.dueAt.toISOString() })),
        };
      }),
    };
  }
}
