import { randomUUID } from 'node:crypto';
import {
  APPLIANCE_PRESSURE_RANGES,
  DEFAULT_ODORANT_MIN,
  NETWORK_GAS_TYPES,
  addDays,
  drawHouseholds,
  judgeInletPressure,
  judgeOdorant,
  maskAddress,
  maskName,
  roundPeriod,
  roundState,
  shanghaiMidnightUtc,
  toShanghaiDate,
  type NetworkGasType,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './network-checks.repository.ts';
import type { TOdorantCheckInput, TPressureCheckInput, TStationInput } from './network-checks.schemas.ts';

// G-6.2.15, G-6.2.16, G-12.4.2.1: a pipeline gas company checks the appliance inlet pressure near and far from
// each pressure-regulating station at households the system draws (a server-made seed, kept, so the draw can be
// audited), and the odorant at the network's ends; every check is judged when recorded, and the rounds still owed
// this period are flagged before the period ends.

const iso = (d: Date | string) => new Date(d).toISOString();

function pipelineOnly(actor: Actor) {
  if (actor.enterpriseKind !== 'pipeline_gas')
    throw appError('NETWORK_CHECK_NOT_PIPELINE', {
      zh: '燃具前压力与加臭检查由管道燃气经营企业进行（G-6.2.15、G-6.2.16）',
      en: 'Inlet pressure and odorant checks are made by pipeline gas companies (G-6.2.15, G-6.2.16)',
    });
}

/** A phone's clock may run a little ahead of or behind the server's; two minutes either way is taken as the same. */
const CLOCK_SKEW_MS = 2 * 60_000;

function notInFuture(at: Date, now: Date, field: string) {
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw appError(
      'VALIDATION_FAILED',
      { zh: '检查时间不能晚于现在', en: 'The check cannot be later than now' },
      { field },
    );
}

export class NetworkCheckService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async stations(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const now = this.ctx.now();
    const rows = await repo.listStations(this.db, enterpriseScope(actor, q.enterpriseId));
    const since = shanghaiMidnightUtc(
      roundPeriod(addDays(roundPeriod(toShanghaiDate(now), 2).from, -1), 2).from,
    );
    const days = await repo.checkDays(
      this.db,
      rows.map((r) => r.id),
      since,
    );
    const items = rows.map((s) => {
      const mine = days.filter((d) => d.station_id === s.id);
      const at = (position: string) =>
        roundState(
          mine.filter((d) => d.position === position).map((d) => d.day),
          now,
          2,
        );
      const round = (position: string) => {
        const r = at(position);
        return { ...r.period, state: r.state, previousMissed: r.previousMissed };
      };
      return {
        id: s.id,
        enterpriseId: s.enterpriseId,
        enterpriseName: s.enterpriseName,
        name: s.name,
        gasType: s.gasType as NetworkGasType,
        nearCommunities: s.nearCommunities,
        farCommunities: s.farCommunities,
        near: round('near'),
        far: round('far'),
        lastCheckedAt: mine[0] ? iso(mine[0].last_at) : null,
      };
    });
    const ranges = NETWORK_GAS_TYPES.map((g) => ({ gasType: g, ...APPLIANCE_PRESSURE_RANGES[g] }));
    return { items, ranges };
  }

  async addStation(actor: Actor, input: TStationInput) {
    if (actor.role !== 'enterprise_admin') throw forbidden();
    pipelineOnly(actor);
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const row = await repo.insertStation(tx, {
        ...input,
        enterpriseId: actor.enterpriseId,
        createdBy: actor.id,
        createdAt: now,
      });
      if (!row)
        throw appError('DUPLICATE', {
          zh: `调压站“${input.name}”已登记`,
          en: `Station "${input.name}" is already registered`,
        });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'pressure_station.register',
        entity: 'pressure_station',
        entityId: row.id,
        after: input,
      });
    });
    return this.stations(actor, {});
  }

  /** G-6.2.15 b): `perSide` households drawn near and far; the seed is the server's own, kept with the draw. */
  async draw(actor: Actor, stationId: string, perSide: number) {
    pipelineOnly(actor);
    const station = await repo.stationById(this.db, stationId);
    if (!station || station.enterpriseId !== actor.enterpriseId) throw notFound('pressure station');
    const nearPool = await repo.candidates(this.db, actor.enterpriseId, station.nearCommunities);
    const farPool = await repo.candidates(this.db, actor.enterpriseId, station.farCommunities);
    const seed = randomUUID();
    const near = drawHouseholds(`${seed}:near`, nearPool, perSide);
    const far = drawHouseholds(
      `${seed}:far`,
      farPool.filter((id) => !near.includes(id)),
      perSide,
    );
    if (near.length === 0 || far.length === 0)
      throw appError('NETWORK_CHECK_NO_HOUSEHOLDS', {
        zh: '近端或远端小区没有可抽检的用户',
        en: 'There are no households to draw at the near or far end',
      });
    const now = this.ctx.now();
    const id = await this.db.transaction(async (tx) => {
      const row = await repo.insertDraw(tx, {
        enterpriseId: actor.enterpriseId,
        stationId,
        seed,
        perSide,
        near,
        far,
        candidates: nearPool.length + farPool.length,
        drawnAt: now,
        createdBy: actor.id,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'pressure_draw.create',
        entity: 'pressure_draw',
        entityId: row.id,
        after: { stationId, seed, near, far },
      });
      return row.id;
    });
    return this.drawDetail(actor, id);
  }

  async draws(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.listDraws(this.db, enterpriseScope(actor, q.enterpriseId));
    return {
      items: rows.map((r) => ({
        id: r.id,
        stationName: r.station_name,
        drawnAt: iso(r.drawn_at),
        households: Number(r.households),
        checked: Number(r.checked),
        passed: Number(r.passed),
      })),
    };
  }

  async drawDetail(actor: Actor, id: string) {
    const draw = await repo.drawById(this.db, id);
    if (!draw || (actor.role !== 'regulator' && draw.enterpriseId !== actor.enterpriseId))
      throw notFound('pressure draw');
    const station = (await repo.stationById(this.db, draw.stationId))!;
    const people = await repo.households(this.db, [...draw.near, ...draw.far]);
    const checks = await repo.checksOfDraw(this.db, id);
    const masked = actor.role === 'regulator';
    const household = (customerId: string, position: 'near' | 'far') => {
      const p = people.find((x) => x.id === customerId);
      const c = checks.find((x) => x.customerId === customerId);
      return {
        customerId,
        accountNo: p?.account_no ?? '',
        name: masked ? maskName(p?.name ?? '') : (p?.name ?? ''),
        address: masked ? maskAddress(p?.address ?? '') : (p?.address ?? ''),
        community: p?.community ?? '',
        position,
        check: c ? toCheck(c) : null,
      };
    };
    return {
      id: draw.id,
      stationId: draw.stationId,
      stationName: station.name,
      gasType: station.gasType as NetworkGasType,
      seed: draw.seed,
      perSide: draw.perSide,
      candidates: draw.candidates,
      drawnAt: iso(draw.drawnAt),
      households: [
        ...draw.near.map((c) => household(c, 'near')),
        ...draw.far.map((c) => household(c, 'far')),
      ],
    };
  }

  /** G-6.2.15, G-12.4.2.1: one check at a drawn household, judged against its gas type's band, once. */
  async recordPressure(actor: Actor, input: TPressureCheckInput) {
    pipelineOnly(actor);
    const now = this.ctx.now();
    const checkedAt = new Date(input.checkedAt);
    notInFuture(checkedAt, now, 'checkedAt');
    const draw = await repo.drawById(this.db, input.drawId);
    if (!draw || draw.enterpriseId !== actor.enterpriseId) throw notFound('pressure draw');
    const position = draw.near.includes(input.customerId)
      ? 'near'
      : draw.far.includes(input.customerId)
        ? 'far'
        : null;
    if (!position)
      throw appError('NETWORK_CHECK_NOT_DRAWN', {
        zh: '该用户不在本次随机抽取的检测户中（G-6.2.15）',
        en: 'This household was not drawn for this round (G-6.2.15)',
      });
    if (checkedAt.getTime() < draw.drawnAt.getTime() - CLOCK_SKEW_MS)
      throw appError(
        'VALIDATION_FAILED',
        { zh: '检查时间早于抽取时间', en: 'The check is earlier than the draw' },
        { field: 'checkedAt' },
      );
    const station = (await repo.stationById(this.db, draw.stationId))!;
    const gasType = station.gasType as NetworkGasType;
    const verdict = judgeInletPressure(gasType, input.measuredPa);
    return this.db.transaction(async (tx) => {
      const row = await repo.insertPressureCheck(tx, {
        enterpriseId: actor.enterpriseId,
        stationId: station.id,
        drawId: draw.id,
        customerId: input.customerId,
        position,
        gasType,
        measuredPa: input.measuredPa,
        minPa: verdict.minPa,
        maxPa: verdict.maxPa,
        passed: verdict.passed,
        checkedAt,
        note: input.note,
        createdBy: actor.id,
        createdAt: now,
      });
      if (!row)
        throw appError('DUPLICATE', {
          zh: '该户本轮已检查，记录不可修改',
          en: 'This household was already checked in this round; records are not edited',
        });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'pressure_check.record',
        entity: 'pressure_check',
        entityId: row.id,
        after: { measuredPa: input.measuredPa, passed: verdict.passed },
      });
      return toCheck(row);
    });
  }

  private async threshold(enterpriseId: string) {
    const row = await repo.currentThreshold(this.db, enterpriseId);
    return row
      ? { minMgPerM3: row.minMgM3, source: row.source }
      : { minMgPerM3: DEFAULT_ODORANT_MIN.mgPerM3, source: DEFAULT_ODORANT_MIN.source };
  }

  async odorant(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const scope = enterpriseScope(actor, q.enterpriseId);
    const rows = await repo.listOdorantChecks(this.db, scope);
    const r = roundState(
      rows.map((x) => toShanghaiDate(x.checkedAt)),
      this.ctx.now(),
      1,
    );
    return {
      items: rows.map((x) => ({
        id: x.id,
        enterpriseName: x.enterpriseName,
        location: x.location,
        measuredMgPerM3: x.measuredMgM3,
        minMgPerM3: x.minMgM3,
        thresholdSource: x.thresholdSource,
        passed: x.passed,
        checkedAt: iso(x.checkedAt),
        checkedBy: x.checkedBy,
        note: x.note,
      })),
      threshold: scope
        ? await this.threshold(scope)
        : { minMgPerM3: DEFAULT_ODORANT_MIN.mgPerM3, source: DEFAULT_ODORANT_MIN.source },
      round: { ...r.period, state: r.state, previousMissed: r.previousMissed },
    };
  }

  async setThreshold(actor: Actor, input: { minMgPerM3: number; source: string }) {
    if (actor.role !== 'enterprise_admin') throw forbidden();
    pipelineOnly(actor);
    await this.db.transaction(async (tx) => {
      const row = await repo.insertThreshold(tx, {
        enterpriseId: actor.enterpriseId,
        minMgM3: input.minMgPerM3,
        source: input.source,
        createdBy: actor.id,
        createdAt: this.ctx.now(),
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'odorant_threshold.update',
        entity: 'odorant_threshold',
        entityId: row.id,
        after: input,
      });
    });
    return this.threshold(actor.enterpriseId);
  }

  /** G-6.2.16: an odorant check at a network end, judged against the threshold in force when it is recorded. */
  async recordOdorant(actor: Actor, input: TOdorantCheckInput) {
    pipelineOnly(actor);
    const now = this.ctx.now();
    const checkedAt = new Date(input.checkedAt);
    notInFuture(checkedAt, now, 'checkedAt');
    const threshold = await this.threshold(actor.enterpriseId);
    const passed = judgeOdorant(input.measuredMgPerM3, threshold.minMgPerM3);
    await this.db.transaction(async (tx) => {
      const row = await repo.insertOdorantCheck(tx, {
        enterpriseId: actor.enterpriseId,
        location: input.location,
        measuredMgM3: input.measuredMgPerM3,
        minMgM3: threshold.minMgPerM3,
        thresholdSource: threshold.source,
        passed,
        checkedAt,
        checkedBy: input.checkedBy,
        note: input.note,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'odorant_check.record',
        entity: 'odorant_check',
        entityId: row.id,
        after: { location: input.location, measuredMgPerM3: input.measuredMgPerM3, passed },
      });
    });
    return this.odorant(actor, {});
  }
}

function toCheck(c: {
  id: string;
  customerId: string;
  position: string;
  measuredPa: number;
  minPa: number;
  maxPa: number;
  passed: boolean;
  checkedAt: Date;
  note: string;
}) {
  return {
    id: c.id,
    customerId: c.customerId,
    position: c.position as 'near' | 'far',
    measuredPa: c.measuredPa,
    minPa: c.minPa,
    maxPa: c.maxPa,
    passed: c.passed,
    checkedAt: c.checkedAt.toISOString(),
    note: c.note,
  };
}
