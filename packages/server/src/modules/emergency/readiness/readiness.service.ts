import {
  exerciseShortfalls,
  planReviewState,
  toShanghaiDate,
  yearOf,
  type ExerciseKind,
  type PlanEventKind,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound, pgCode } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { enterprisesByIds } from '../duty/duty.repository.ts';
import { sectorOf } from '../duty/duty.service.ts';
import * as repo from './readiness.repository.ts';
import type { TExerciseInput, TPlanInput } from './readiness.schemas.ts';

// Emergency plans (G-5.12.1, G-5.12.2, H-6.4.1) and the drills and leak-response publicity held each year
// (G-5.12.4, G-5.12.5, H-6.4.2). Both are kept records: a revision is a new plan naming the one it revises.

const day = (d: string | Date) => (typeof d === 'string' ? d.slice(0, 10) : toShanghaiDate(d));

export class ReadinessService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  private assertWriter(actor: Actor) {
    if (actor.role !== 'enterprise_admin' || !sectorOf(actor.enterpriseKind)) throw forbidden();
  }

  private assertNotFuture(date: string, field: string) {
    if (date > toShanghaiDate(this.ctx.now())) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
        { field },
      );
    }
  }

  async plans(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.listPlans(this.db, enterpriseScope(actor, q.enterpriseId));
    const revised = new Set(rows.map((r) => r.revises).filter(Boolean));
    const today = toShanghaiDate(this.ctx.now());
    return { items: rows.map((r) => planView(r, !revised.has(r.id), today)) };
  }

  async filePlan(actor: Actor, input: TPlanInput) {
    this.assertWriter(actor);
    this.assertNotFuture(input.filedOn, 'filedOn');
    if (input.reviewDueOn <= input.filedOn) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '复审日期须晚于备案日期', en: 'The review date must come after the filing date' },
        { field: 'reviewDueOn' },
      );
    }
    return this.db.transaction(async (tx) => {
      if (input.revises) {
        const old = await repo.findPlan(tx, input.revises);
        if (!old || old.enterpriseId !== actor.enterpriseId) throw notFound('plan');
        if (old.eventKind !== input.eventKind) {
          throw appError('EMERGENCY_PLAN_KIND_MISMATCH', {
            zh: '修订后的预案须与原预案针对同一类事件',
            en: 'A revision covers the same kind of event as the plan it revises',
          });
        }
      }
      const row = await repo
        .insertPlan(tx, {
          ...input,
          revises: input.revises ?? null,
          enterpriseId: actor.enterpriseId,
          createdBy: actor.id,
          createdAt: this.ctx.now(),
        })
        .catch((e: unknown) => {
          // The unique index on `revises`: a plan is revised once; a later revision revises the revision.
          if (pgCode(e) === '23505') {
            throw appError('EMERGENCY_PLAN_ALREADY_REVISED', {
              zh: '该预案已被修订，请修订最新版本',
              en: 'That plan was already revised; revise the latest version',
            });
          }
          throw e;
        });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'emergency_plan.file',
        entity: 'emergency_plan',
        entityId: row.id,
        after: { eventKind: input.eventKind, filedWith: input.filedWith, revises: input.revises ?? null },
      });
      return planView(row, true, toShanghaiDate(this.ctx.now()));
    });
  }

  async exercises(actor: Actor, q: { enterpriseId?: string | undefined; year?: number | undefined }) {
    const scope = enterpriseScope(actor, q.enterpriseId);
    const today = toShanghaiDate(this.ctx.now());
    const year = q.year ?? yearOf(today);
    const rows = await repo.listExercises(this.db, scope, year);
    let shortfalls: ReturnType<typeof exerciseShortfalls> = [];
    if (scope && year === yearOf(today)) shortfalls = await this.shortfallsOf(scope, today);
    return { year, items: rows.map(exerciseView), shortfalls };
  }

  /** G-5.12.4, G-5.12.5, H-6.4.2: what this year still lacks, for one enterprise. */
  async shortfallsOf(enterpriseId: string, today: string) {
    const [e] = await enterprisesByIds(this.db, [enterpriseId]);
    const sector = e ? sectorOf(e.kind) : null;
    if (!sector) return [];
    const counts = (await repo.yearCounts(this.db, yearOf(today))).filter(
      (c) => c.enterpriseId === enterpriseId,
    );
    const done: Partial<Record<ExerciseKind, number>> = {};
    for (const c of counts) done[c.kind as ExerciseKind] = c.n;
    return exerciseShortfalls({
      sector,
      hasRuralCustomers: await repo.hasRuralCustomers(this.db, enterpriseId),
      done,
      today,
      calendar: await this.ctx.calendar.current(),
    });
  }

  async recordExercise(actor: Actor, input: TExerciseInput) {
    this.assertWriter(actor);
    this.assertNotFuture(input.heldOn, 'heldOn');
    return this.db.transaction(async (tx) => {
      const row = await repo.insertExercise(tx, {
        ...input,
        enterpriseId: actor.enterpriseId,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'emergency_exercise.record',
        entity: 'emergency_exercise',
        entityId: row.id,
        after: {
          kind: input.kind,
          heldOn: input.heldOn,
          participants: input.participants,
          photos: input.photos.length,
        },
      });
      return exerciseView(row);
    });
  }
}

function planView(r: repo.PlanRow, current: boolean, today: string) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    eventKind: r.eventKind as PlanEventKind,
    title: r.title,
    contents: r.contents,
    filedWith: r.filedWith,
    filedOn: day(r.filedOn),
    reviewDueOn: day(r.reviewDueOn),
    revises: r.revises,
    current,
    reviewState: planReviewState(day(r.reviewDueOn), today),
    createdAt: r.createdAt.toISOString(),
  };
}

function exerciseView(r: repo.ExerciseRow) {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    kind: r.kind as ExerciseKind,
    heldOn: day(r.heldOn),
    place: r.place,
    audience: r.audience as TExerciseInput['audience'],
    participants: r.participants,
    summary: r.summary,
    photos: r.photos,
    createdAt: r.createdAt.toISOString(),
  };
}
