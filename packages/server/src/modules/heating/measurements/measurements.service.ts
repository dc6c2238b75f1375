import {
  assessMeasurement,
  BEFORE_COMPLETION,
  passRate,
  toShanghaiDate,
  ROOM_TEMPERATURE_PASS_TARGET_PERCENT,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { openCaseForOrder } from '../low-temperature/low-temperature.repository.ts';
import { seasonById, seasonFor, seasonInstants } from '../sampling/seasons.ts';
import * as repo from './measurements.repository.ts';
import type { TMeasurementInput } from './measurements.schemas.ts';

/** Orders whose on-site work is a room-temperature measurement (H-7.2.3, H-7.4.3). */
export const MEASUREMENT_ITEMS = new Set(['heating_quality_complaint', 'room_temperature_test']);

const invalid = (code: string, zh: string, en: string, field?: string) =>
  appError(code, { zh, en }, field ? { field } : undefined);

export class MeasurementService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  /**
   * H-5.4.5: record a measurement; the domain decides pass / fail / analysis only (H-5.1, H-5.4.7) from the
   * premises' unit heat-use rate, the conditions, the checklist and the readings. Linked to a sampled household
   * (which becomes measured) or to a complaint's work order (which opens its low-temperature case, H-7.2.3).
   */
  async record(actor: Actor, input: TMeasurementInput) {
    if (input.sampleHouseholdId && input.workOrderId) {
      throw invalid(
        'MEASUREMENT_LINK_INVALID',
        '一次测温只能关联抽测住户或工单之一',
        'A measurement belongs to a sampled household or to a work order, not both',
      );
    }
    if (!input.signature && !input.signatureRefusedReason) {
      throw invalid(
        'SIGNATURE_REQUIRED',
        'H-5.4.5.10：请用户签字确认，用户拒签的须注明原因',
        'H-5.4.5.10: the customer signs; if he refuses, record why',
        'signature',
      );
    }
    const now = this.ctx.now();
    const measuredAt = input.measuredAt ? new Date(input.measuredAt) : now;
    if (measuredAt.getTime() > now.getTime() + 5 * 60_000) {
      throw invalid(
        'MEASURED_AT_IN_FUTURE',
        '测温时间不能晚于当前时间',
        'The measurement time is in the future',
        'measuredAt',
      );
    }
    const place = await repo.premisesWithCustomer(this.db, input.premisesId);
    if (!place || place.enterpriseId !== actor.enterpriseId) throw notFound('premises');
    if (place.unitHeatUseRate === null) {
      throw invalid(
        'HEAT_USE_RATE_MISSING',
        'H-5.1：该房屋未登记单元用热率，无法判定标准温度，请先在客户档案中补录',
        'H-5.1: the premises has no unit heat-use rate on file, so the standard cannot be chosen; add it to the archive first',
        'premisesId',
      );
    }
    const protocol = { ...input.protocol, customerSigned: Boolean(input.signature) };
    const assessment = assessMeasurement({
      readings: input.readings,
      unitHeatUseRate: Number(place.unitHeatUseRate),
      ...(input.contractTenths !== undefined ? { contractTemperature: input.contractTenths } : {}),
      ...(input.heatingProvided !== undefined ? { heatingProvided: input.heatingProvided } : {}),
      conditions: input.conditions,
      protocol,
    });
    const decisive = input.readings.filter((r) => r.room !== 'other').map((r) => r.tenths);

    return this.db.transaction(async (tx) => {
      if (input.sampleHouseholdId) {
        const h = await repo.sampleHousehold(tx, input.sampleHouseholdId);
        if (!h || h.h.enterpriseId !== actor.enterpriseId) throw notFound('sampled household');
        if (h.h.premisesId !== input.premisesId) {
          throw invalid(
            'MEASUREMENT_LINK_INVALID',
            '抽测住户与房屋不符',
            'The sampled household is another premises',
            'premisesId',
          );
        }
        await repo.markMeasured(tx, h.h.id);
      }
      const order = input.workOrderId ? await repo.order(tx, input.workOrderId) : null;
      if (input.workOrderId) {
        if (!order || order.enterpriseId !== actor.enterpriseId) throw notFound('work order');
        if (!MEASUREMENT_ITEMS.has(order.itemCode)) {
          throw invalid(
            'MEASUREMENT_LINK_INVALID',
            '只有供热质量投诉或入户测温工单可以关联测温',
            'Only a heating-quality complaint or a room-temperature test order takes a measurement',
            'workOrderId',
          );
        }
        const samePlace = order.premisesId
          ? order.premisesId === place.id
          : order.customerId === place.customerId;
        if (!samePlace) {
          throw invalid(
            'MEASUREMENT_LINK_INVALID',
            '工单的用户或房屋与测温房屋不符',
            'The order is for other premises',
            'premisesId',
          );
        }
      }
      const row = await repo.insertMeasurement(tx, {
        enterpriseId: actor.enterpriseId,
        premisesId: place.id,
        customerId: place.customerId,
        sampleHouseholdId: input.sampleHouseholdId ?? null,
        workOrderId: input.workOrderId ?? null,
        measuredAt,
        protocol,
        conditions: input.conditions,
        readings: input.readings,
        unitHeatUseRate: String(place.unitHeatUseRate),
        contractTenths: input.contractTenths ?? null,
        outdoorTenths: input.outdoorTenths ?? null,
        band: assessment.band,
        requiredTenths: assessment.requiredTenths ?? null,
        minDecisiveTenths: decisive.length ? Math.min(...decisive) : null,
        outcome: assessment.outcome,
        reasons: assessment.reasons,
        note: input.note,
        signatureData: input.signature ?? null,
        signatureRefusedReason: input.signature ? null : (input.signatureRefusedReason ?? null),
        measuredBy: actor.id,
        createdAt: now,
      });
      const caseId = order
        ? await openCaseForOrder(tx, { order, measurement: row, createdBy: actor.id, now })
        : null;
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'measurement.record',
        entity: 'temperature_measurement',
        entityId: row.id,
        after: { premisesId: place.id, outcome: row.outcome, workOrderId: row.workOrderId, caseId },
      });
      return { ...toMeasurement(row), caseId };
    });
  }

  async list(
    actor: Actor,
    q: {
      seasonId?: string;
      outcome?: 'pass' | 'fail' | 'analysis_only';
      premisesId?: string;
      workOrderId?: string;
      limit: number;
    },
  ) {
    const scope = enterpriseScope(actor);
    const window = q.seasonId && scope ? seasonInstants(await seasonById(this.db, scope, q.seasonId)) : null;
    const rows = await repo.listMeasurements(this.db, {
      enterpriseId: scope,
      ...(window ? { from: window.start, to: window.end } : {}),
      outcome: q.outcome,
      premisesId: q.premisesId,
      workOrderId: q.workOrderId,
      limit: q.limit,
    });
    return {
      items: rows.map((r) => ({
        ...toMeasurement(r.m),
        address: r.address,
        district: r.district,
        customerName: r.customerName,
        measurerName: r.measurerName,
        orderNo: r.orderNo,
      })),
    };
  }

  /** What the measurer has to do: his sampled households and his measurement orders not yet measured. */
  async tasks(actor: Actor) {
    const { sampled, orders } = await repo.tasksOf(this.db, actor.id, actor.enterpriseId, BEFORE_COMPLETION);
    return {
      sampled: sampled.map((s) => ({
        ...s,
        unitHeatUseRate: s.unitHeatUseRate === null ? null : Number(s.unitHeatUseRate),
      })),
      orders,
    };
  }

  /** The dashboard: outcome counts, the distribution, and the H-10.5.3 pass rate against 99 %, per district. */
  async dashboard(actor: Actor, q: { seasonId?: string; enterpriseId?: string }) {
    const scope = enterpriseScope(actor, q.enterpriseId);
    const today = toShanghaiDate(this.ctx.now());
    const season = scope
      ? q.seasonId
        ? await seasonById(this.db, scope, q.seasonId)
        : await seasonFor(this.db, scope, today)
      : null;
    const window = season
      ? seasonInstants(season)
      : { start: new Date(this.ctx.now().getTime() - 180 * 86_400_000), end: this.ctx.now() };
    const data = await repo.dashboardRows(this.db, scope, window.start, window.end);
    const passing = data.households.filter((h) => h.outcome === 'pass').length;
    const byDistrict = new Map<string, { measured: number; passing: number }>();
    for (const h of data.households) {
      const d = byDistrict.get(h.district) ?? { measured: 0, passing: 0 };
      d.measured += 1;
      if (h.outcome === 'pass') d.passing += 1;
      byDistrict.set(h.district, d);
    }
    return {
      season: season ? { id: season.id, period: season.period, area: season.area } : null,
      target: ROOM_TEMPERATURE_PASS_TARGET_PERCENT,
      households: { measured: data.households.length, passing, ...passRate(passing, data.households.length) },
      outcomes: Object.fromEntries(data.counts.map((c) => [c.outcome, Number(c.n)])),
      histogram: data.histogram.map((h) => ({
        degree: Number(h.degree),
        outcome: h.outcome,
        n: Number(h.n),
      })),
      districts: [...byDistrict].map(([district, d]) => ({
        district,
        ...d,
        ...passRate(d.passing, d.measured),
      })),
    };
  }
}

export function toMeasurement(m: repo.MeasurementRow) {
  return {
    id: m.id,
    premisesId: m.premisesId,
    customerId: m.customerId,
    sampleHouseholdId: m.sampleHouseholdId,
    workOrderId: m.workOrderId,
    measuredAt: m.measuredAt.toISOString(),
    protocol: m.protocol,
    conditions: m.conditions,
    readings: m.readings,
    unitHeatUseRate: Number(m.unitHeatUseRate),
    band: m.band,
    requiredTenths: m.requiredTenths,
    minDecisiveTenths: m.minDecisiveTenths,
    outcome: m.outcome,
    reasons: m.reasons,
    note: m.note,
    signed: m.signatureData !== null,
    signatureRefusedReason: m.signatureRefusedReason,
  };
}
