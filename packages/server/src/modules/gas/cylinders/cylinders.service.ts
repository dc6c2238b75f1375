import {
  applyLifeEvent,
  checkFillScan,
  CYLINDER_MODELS,
  CYLINDER_RULES,
  cylinderDates,
  modelOf,
  parseShanghaiDateTime,
  toShanghaiDate,
  type CylinderState,
  type ManualLifeEvent,
} from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound, pgCode } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './cylinders.repository.ts';
import type { TCylinder, TCylinderInput, ZCylinderEventInput, ZPublicCylinder } from './cylinders.schemas.ts';

// G-7.1.2, G-7.1.4, G-7.1.5, G-7.1.9, G-7.1.15: the register of a bottled-gas company's own cylinders and each
// cylinder's life as appended events. A code is registered once, for ever (unique index over every row, rows never
// deleted): a scrapped cylinder's code can never come back.

/** Bottled-gas companies keep a cylinder register (G-7.1.2). */
export function assertBottledGas(actor: Actor) {
  if (actor.role === 'regulator') throw forbidden();
  if (actor.enterpriseKind !== 'bottled_gas') {
    throw appError('CYLINDER_NOT_BOTTLED_GAS', {
      zh: '气瓶登记和充装仅适用于瓶装燃气企业（G-7.1.2）',
      en: 'Cylinders are registered and filled by bottled-gas companies (G-7.1.2)',
    });
  }
}

const dateOnly = (d: string | null) => (d == null ? null : String(d).slice(0, 10));

export function toCylinder(r: repo.CylinderRow): TCylinder {
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    code: r.code,
    manufacturer: r.manufacturer,
    serialNo: r.serialNo,
    manufacturedOn: dateOnly(r.manufacturedOn)!,
    model: r.model,
    capacityDl: r.capacityDl,
    ratedFillG: r.ratedFillG,
    toleranceG: r.toleranceG,
    marking: r.marking,
    lastInspectedOn: dateOnly(r.lastInspectedOn),
    nextInspectionOn: dateOnly(r.nextInspectionOn)!,
    scrapDueOn: dateOnly(r.scrapDueOn)!,
    lastTreatedOn: dateOnly(r.lastTreatedOn),
    scrappedOn: dateOnly(r.scrappedOn),
    disposedOn: dateOnly(r.disposedOn),
    lastFilledAt: r.lastFilledAt ? r.lastFilledAt.toISOString() : null,
    lastNetWeightG: r.lastNetWeightG,
    state: r.state,
    version: r.version,
  };
}

export class CylinderService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, q: Omit<repo.ListFilter, 'enterpriseId'> & { enterpriseId?: string | undefined }) {
    const res = await repo.list(this.ctx.database.db, {
      ...q,
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
    });
    return { ...res, items: res.items.map(toCylinder) };
  }

  async detail(actor: Actor, code: string) {
    const row = await repo.byCode(this.ctx.database.db, code);
    if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId))
      throw notFound('cylinder');
    const events = await repo.eventsOf(this.ctx.database.db, row.id);
    return {
      cylinder: toCylinder(row),
      events: events.map((e) => ({
        id: e.id,
        type: e.type,
        at: e.at.toISOString(),
        place: e.place,
        actorName: e.actorName,
        details: e.details,
      })),
    };
  }

  async register(actor: Actor, input: TCylinderInput): Promise<TCylinder> {
    assertBottledGas(actor);
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    if (input.manufacturedOn > today || (input.lastInspectedOn && input.lastInspectedOn > today)) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '制造或检验日期不能晚于今天', en: 'Manufacture and inspection dates cannot be after today' },
        { field: 'manufacturedOn' },
      );
    }
    if (input.lastInspectedOn && input.lastInspectedOn < input.manufacturedOn) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '检验日期早于制造日期', en: 'The inspection is before the manufacture' },
        { field: 'lastInspectedOn' },
      );
    }
    const model = modelOf(input.model)!;
    const dates = cylinderDates({
      manufacturedOn: input.manufacturedOn,
      lastInspectedOn: input.lastInspectedOn ?? null,
    });
    try {
      return await this.ctx.database.db.transaction(async (tx) => {
        if (await repo.byCode(tx, input.code)) throw codeTaken(input.code);
        const row = await repo.insertCylinder(tx, {
          enterpriseId: actor.enterpriseId,
          code: input.code,
          manufacturer: input.manufacturer,
          serialNo: input.serialNo,
          manufacturedOn: input.manufacturedOn,
          model: model.model,
          capacityDl: model.capacityDl,
          ratedFillG: model.ratedFillG,
          toleranceG: model.toleranceG,
          marking: input.marking,
          lastInspectedOn: input.lastInspectedOn ?? null,
          nextInspectionOn: dates.nextInspectionOn,
          scrapDueOn: dates.scrapDueOn,
          state: 'in_stock',
          createdBy: actor.id,
          createdAt: now,
        });
        await repo.insertEvents(tx, [
          {
            enterpriseId: actor.enterpriseId,
            cylinderId: row.id,
            type: 'registered',
            at: now,
            place: actor.enterpriseName,
            actorId: actor.id,
            actorName: actor.displayName,
            details: { marking: input.marking, serialNo: input.serialNo },
            createdAt: now,
          },
        ]);
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'cylinder.register',
          entity: 'cylinder',
          entityId: row.id,
          after: { code: row.code, model: row.model },
        });
        return toCylinder(row);
      });
    } catch (err) {
      // Two registrations of one code at once: the unique index answers for the second.
      if (pgCode(err) === '23505') throw codeTaken(input.code);
      throw err;
    }
  }

  async record(actor: Actor, code: string, input: z.infer<typeof ZCylinderEventInput>) {
    assertBottledGas(actor);
    const now = this.ctx.now();
    if (input.on > toShanghaiDate(now)) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
        {
          field: 'on',
        },
      );
    }
    await this.ctx.database.db.transaction(async (tx) => {
      const row = await repo.byCodeForUpdate(tx, code);
      if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('cylinder');
      const outcome = applyLifeEvent(
        { state: row.state as CylinderState, manufacturedOn: dateOnly(row.manufacturedOn)! },
        { type: input.type as ManualLifeEvent, on: input.on, inspectionPassed: input.inspectionPassed },
      );
      if (!outcome.ok) throw appError('CYLINDER_EVENT_REFUSED', outcome.message);
      // The event's time: now when it happened today, else the end of that day's working hours is unknown — noon.
      const at = input.on === toShanghaiDate(now) ? now : parseShanghaiDateTime(`${input.on} 12:00`);
      await repo.patchCylinder(tx, row.id, outcome.patch);
      await repo.insertEvents(tx, [
        {
          enterpriseId: row.enterpriseId,
          cylinderId: row.id,
          type: input.type,
          at,
          place: input.place,
          actorId: actor.id,
          actorName: actor.displayName,
          details: {
            note: input.note,
            ...(input.inspectionPassed !== undefined ? { inspectionPassed: input.inspectionPassed } : {}),
          },
          createdAt: now,
        },
      ]);
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: `cylinder.${input.type}`,
        entity: 'cylinder',
        entityId: row.id,
        before: { state: row.state },
        after: outcome.patch,
      });
    });
    return this.detail(actor, code);
  }

  /** G-7.1.13: anyone may scan a cylinder; nothing personal is shown. */
  async publicLookup(code: string): Promise<z.infer<typeof ZPublicCylinder>> {
    const db = this.ctx.database.db;
    const row = await repo.byCode(db, code);
    const today = toShanghaiDate(this.ctx.now());
    const standards = {
      inspectionYears: CYLINDER_RULES.inspectionYears,
      designLifeYears: CYLINDER_RULES.designLifeYears,
      residueLimitPercent: CYLINDER_RULES.residueLimitPercent,
      sources: { ...CYLINDER_RULES.sources },
      models: CYLINDER_MODELS.map((m) => ({ ...m })),
    };
    if (!row) {
      return {
        code,
        registered: false,
        company: null,
        model: null,
        lastFilledOn: null,
        lastNetWeightG: null,
        nextInspectionOn: null,
        scrapDueOn: null,
        usable: false,
        reason: {
          zh: '该编码未登记，请勿使用无码气瓶，并向燃气主管部门反映',
          en: 'This code is not registered: do not use a cylinder without a code; tell the gas authority',
        },
        standards,
      };
    }
    const c = toCylinder(row);
    const check = checkFillScan(c, row.enterpriseId, today);
    return {
      code,
      registered: true,
      company: (await repo.enterpriseOf(db, row.enterpriseId)) ?? null,
      model: c.model,
      lastFilledOn: row.lastFilledAt ? toShanghaiDate(row.lastFilledAt) : null,
      lastNetWeightG: c.lastNetWeightG,
      nextInspectionOn: c.nextInspectionOn,
      scrapDueOn: c.scrapDueOn,
      usable: check.ok || check.reason === 'not_treated',
      reason: check.ok || check.reason === 'not_treated' ? null : check.message,
      standards,
    };
  }
}

function codeTaken(code: string) {
  return appError(
    'CYLINDER_CODE_TAKEN',
    {
      zh: `编码 ${code} 已被登记过，气瓶编码终身唯一、报废后也不得重复使用（G-7.1.5）`,
      en: `Code ${code} was registered before; a cylinder code is never reused, even after scrap (G-7.1.5)`,
    },
    { field: 'code' },
  );
}
