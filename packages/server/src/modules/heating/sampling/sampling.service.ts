import {
  addDays,
  floorBand,
  planSample,
  toShanghaiDate,
  type DateString,
  type NetworkPosition,
  type PremisesOrientation,
  type SampleHousehold,
} from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './sampling.repository.ts';
import type { TAssign, TAutoAssign, TPlanRequest } from './sampling.schemas.ts';
import { noSeason, previousSeason, seasonById, seasonFor, type SeasonRow } from './seasons.ts';

/**
 * H-5.4.2–H-5.4.4: draw the season's sampling plan from every heated household of the season's districts, leaving
 * out those sampled in the previous season's plan in force (its latest), and store it with its quota table and
 * shortfalls. Used by the service and by the demo seed.
 */
export async function buildPlan(
  tx: Db,
  input: {
    enterpriseId: string;
    season: SeasonRow;
    size: number;
    seed: number;
    createdBy: string | null;
    now: Date;
  },
): Promise<repo.PlanRow> {
  const { enterpriseId, season } = input;
  const rows = await repo.population(tx, enterpriseId, season.districts);
  const prev = await previousSeason(tx, season);
  const prevPlan = prev ? await repo.latestPlan(tx, enterpriseId, prev.id) : null;
  const sampledBefore = prevPlan ? await repo.premisesOfPlan(tx, prevPlan.id) : new Set<string>();
  const households: SampleHousehold[] = rows.map((r) => ({
    id: r.id,
    // H-5.4.3: a building unit (单元) is the district, compound, building and unit together.
    buildingUnitId: `${r.district}|${r.community}|${r.building}|${r.unit}`,
    floor: r.floor!,
    buildingFloors: r.buildingFloors!,
    orientation: r.orientation as PremisesOrientation,
    networkPosition: r.networkPosition as NetworkPosition,
    sampledLastSeason: sampledBefore.has(r.id),
  }));
  const plan = planSample({ households, size: input.size, seed: input.seed });
  const row = await repo.insertPlan(tx, {
    enterpriseId,
    seasonId: season.id,
    requestedSize: input.size,
    selectedCount: plan.selected.length,
    populationCount: households.length,
    excludedLastSeason: plan.excludedSampledLastSeason,
    quotas: plan.quotas,
    shortfalls: plan.shortfalls.map((s) => ({
      dimension: s.dimension,
      value: s.value,
      target: s.target,
      achieved: s.achieved,
      missing: s.missing,
      zh: s.zh,
      en: s.en,
    })),
    seed: input.seed,
    createdBy: input.createdBy,
    createdAt: input.now,
  });
  await repo.insertHouseholds(
    tx,
    plan.selected.map((h) => ({
      planId: row.id,
      enterpriseId,
      premisesId: h.id,
      networkPosition: h.networkPosition,
      orientation: h.orientation,
      floorBand: floorBand(h.floor, h.buildingFloors),
    })),
  );
  return row;
}

/** Household i goes to measurer i mod M on day ⌊i ÷ (M × perDay)⌋ from the start. */
export function spreadAssignments(
  ids: readonly string[],
  measurerIds: readonly string[],
  startOn: DateString,
  perDay: number,
): { id: string; measurerId: string; assignedOn: DateString }[] {
  const m = measurerIds.length;
  return ids.map((id, i) => ({
    id,
    measurerId: measurerIds[i % m]!,
    assignedOn: addDays(startOn, Math.floor(i / (m * perDay))),
  }));
}

export class SamplingService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async create(actor: Actor, input: TPlanRequest) {
    const now = this.ctx.now();
    const id = await this.db.transaction(async (tx) => {
      const season = input.seasonId
        ? await seasonById(tx, actor.enterpriseId, input.seasonId)
        : await seasonFor(tx, actor.enterpriseId, toShanghaiDate(now));
      if (!season) throw noSeason();
      const seed = input.seed ?? now.getTime() % 2_147_483_647;
      const plan = await buildPlan(tx, {
        enterpriseId: actor.enterpriseId,
        season,
        size: input.size,
        seed,
        createdBy: actor.id,
        now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'sampling.plan',
        entity: 'sampling_plan',
        entityId: plan.id,
        after: {
          season: season.period,
          size: input.size,
          selected: plan.selectedCount,
          shortfalls: plan.shortfalls.length,
        },
      });
      return plan.id;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, seasonId?: string) {
    const rows = await repo.plansOf(this.db, enterpriseScope(actor), seasonId);
    return { items: rows.map(toPlan) };
  }

  /** The plan in force for the current season, or null. */
  async current(actor: Actor) {
    const season = await seasonFor(this.db, actor.enterpriseId, toShanghaiDate(this.ctx.now()));
    if (!season) return { season: null, plan: null };
    const plan = await repo.latestPlan(this.db, actor.enterpriseId, season.id);
    return { season: toSeason(season), plan: plan ? toPlan(plan) : null };
  }

  async get(actor: Actor, id: string) {
    const plan = await this.visible(actor, id);
    return toPlan(plan);
  }

  async households(
    actor: Actor,
    id: string,
    q: { status?: 'planned' | 'measured'; unassigned?: 'true' | 'false'; limit: number; offset: number },
  ) {
    await this.visible(actor, id);
    const { rows, total } = await repo.householdsOf(this.db, id, {
      ...q,
      unassigned: q.unassigned === 'true',
    });
    return { total, items: rows.map(({ total: _t, ...r }) => r) };
  }

  async assign(actor: Actor, id: string, input: TAssign) {
    const plan = await this.visible(actor, id, true);
    await this.checkMeasurers(plan.enterpriseId, [input.measurerId]);
    return this.db.transaction(async (tx) => {
      const updated = await repo.assign(tx, id, input.householdIds, input.assignedOn, input.measurerId);
      await appendAudit(tx, {
        actor,
        enterpriseId: plan.enterpriseId,
        action: 'sampling.assign',
        entity: 'sampling_plan',
        entityId: id,
        after: { households: updated, assignedOn: input.assignedOn, measurerId: input.measurerId },
      });
      return { updated };
    });
  }

  async autoAssign(actor: Actor, id: string, input: TAutoAssign) {
    const plan = await this.visible(actor, id, true);
    await this.checkMeasurers(plan.enterpriseId, input.measurerIds);
    return this.db.transaction(async (tx) => {
      const ids = await repo.unassignedIds(tx, id);
      const spread = spreadAssignments(ids, input.measurerIds, input.startOn as DateString, input.perDay);
      const groups = new Map<string, string[]>();
      for (const a of spread) {
        const key = `${a.assignedOn}|${a.measurerId}`;
        groups.set(key, [...(groups.get(key) ?? []), a.id]);
      }
      let updated = 0;
      for (const [key, group] of groups) {
        const [on, measurerId] = key.split('|') as [string, string];
        updated += await repo.assign(tx, id, group, on, measurerId);
      }
      await appendAudit(tx, {
        actor,
        enterpriseId: plan.enterpriseId,
        action: 'sampling.auto_assign',
        entity: 'sampling_plan',
        entityId: id,
        after: { ...input, updated },
      });
      return { updated, lastDay: spread.at(-1)?.assignedOn ?? null };
    });
  }

  async measurers(actor: Actor) {
    return { items: await repo.measurers(this.db, actor.enterpriseId) };
  }

  private async checkMeasurers(enterpriseId: string, ids: string[]) {
    const allowed = new Set((await repo.measurers(this.db, enterpriseId)).map((m) => m.id));
    const bad = ids.filter((i) => !allowed.has(i));
    if (bad.length > 0) {
      throw appError(
        'MEASURER_INVALID',
        {
          zh: '测温人员须为本企业在职的维修或稽查人员',
          en: 'A measurer must be an active technician or inspector of the enterprise',
        },
        { ids: bad },
      );
    }
  }

  private async visible(actor: Actor, id: string, write = false) {
    const plan = await repo.planById(this.db, id);
    const scope = write ? actor.enterpriseId : enterpriseScope(actor);
    if (!plan || (scope && plan.enterpriseId !== scope)) throw notFound('sampling plan');
    return plan;
  }
}

export function toSeason(s: SeasonRow) {
  return { id: s.id, area: s.area, period: s.period, startsOn: s.startsOn, endsOn: s.endsOn };
}

function toPlan(p: repo.PlanRow) {
  return {
    id: p.id,
    seasonId: p.seasonId,
    requestedSize: p.requestedSize,
    selectedCount: p.selectedCount,
    populationCount: p.populationCount,
    excludedLastSeason: p.excludedLastSeason,
    quotas: p.quotas,
    shortfalls: p.shortfalls,
    seed: p.seed,
    createdAt: p.createdAt.toISOString(),
  };
}
