import {
  addDays,
  checkVehicleFill,
  MEDIUM_UNIT,
  normalizePlate,
  shanghaiMidnightUtc,
  toShanghaiDate,
  VEHICLE_GAS_RULES,
  type VehicleCheck,
  type VehicleMedium,
} from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound, pgCode } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as dispensers from '../dispensers/dispensers.repository.ts';
import { toDispenser } from '../dispensers/dispensers.service.ts';
import { openLeakCase } from '../vehicle-leaks/vehicle-leaks.service.ts';
import * as vehicles from '../vehicles/vehicles.repository.ts';
import { assertVehicleGas, toVehicle } from '../vehicles/vehicles.service.ts';
import { receiptsOfFills } from '../vehicle-fill-receipts/vehicle-fill-receipts.repository.ts';
import * as repo from './vehicle-fills.repository.ts';
import type { ZCheckInput, ZCheckResult, ZFillInput, ZFillLogQuery } from './vehicle-fills.schemas.ts';

// G-8.1.1, G-8.1.4, G-8.1.10: before a fill the attendant checks the vehicle at a dispenser — the domain's
// `checkVehicleFill` refuses a cylinder of another medium, an expired certificate or an open leak, reminds of a
// certificate near its date, and never refuses a compliant vehicle. Every check is kept. A fill is logged only on
// an accepted check (one fill per check), with station, dispenser, attendant, vehicle, medium, quantity, time and
// the leak check after filling (G-12.4.4); a leak found then opens a leak case in the same transaction (G-8.1.5).

/** The stored form of the domain's answer: codes, not text (the messages are rebuilt from them). */
export function storedCheck(result: VehicleCheck) {
  return {
    outcome: result.outcome,
    reason: result.findings[0]?.reason ?? null,
    findings: result.findings.map((f) => ({ reason: f.reason, serialNo: f.serialNo })),
    reminders: result.reminders.map((r) => ({
      serialNo: r.serialNo,
      expiresOn: r.expiresOn,
      daysLeft: r.daysLeft,
    })),
  };
}

/** A check is good for the fill that follows it, not for one an hour later. */
const CHECK_VALID_MINUTES = 30;

export class VehicleFillService {
  constructor(private readonly ctx: AppContext) {}

  async check(actor: Actor, input: z.infer<typeof ZCheckInput>): Promise<z.infer<typeof ZCheckResult>> {
    assertVehicleGas(actor);
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    const db = this.ctx.database.db;
    const d = await dispensers.byId(db, input.dispenserId);
    if (!d || d.enterpriseId !== actor.enterpriseId) throw notFound('dispenser');
    const [last] = await dispensers.verificationsOf(db, d.id);
    const status = toDispenser(
      d,
      last
        ? {
            ...last,
            dispenserId: d.id,
            verifiedOn: String(last.verifiedOn),
            validUntil: String(last.validUntil),
          }
        : undefined,
      today,
    );
    if (!status.usable) {
      // Not the vehicle's fault (G-8.1.4): the pump may not meter a sale (G-8.1.2); another one must be used.
      throw appError('DISPENSER_NOT_VERIFIED', {
        zh: `${d.number}号加气机计量检定${status.state === 'failed' ? '不合格' : status.state === 'never' ? '无记录' : '已过期'}，请换用其他加气机（G-8.1.2）`,
        en: `Dispenser ${d.number} is not verified (${status.state}); use another dispenser (G-8.1.2)`,
      });
    }
    const medium = d.medium as VehicleMedium;
    const v = await vehicles.byPlate(db, actor.enterpriseId, input.plate);
    const cylinders = v ? await vehicles.cylindersOf(db, [v.id]) : [];
    const openLeak = v ? (await vehicles.openLeakVehicles(db, [v.id])).has(v.id) : false;
    const result = checkVehicleFill(
      v
        ? {
            plate: v.plate,
            medium: v.medium as VehicleMedium,
            openLeakCase: openLeak,
            cylinders: cylinders.map((c) => ({
              serialNo: c.serialNo,
              medium: c.medium as VehicleMedium,
              certificateNo: c.certificateNo,
              certificateExpiresOn: String(c.certificateExpiresOn).slice(0, 10),
            })),
          }
        : null,
      medium,
      today,
    );
    const check = await db.transaction(async (tx) => {
      const k = await repo.insertCheck(tx, {
        enterpriseId: actor.enterpriseId,
        station: d.station,
        dispenserId: d.id,
        plate: input.plate,
        vehicleId: v?.id ?? null,
        medium,
        ...storedCheck(result),
        actorId: actor.id,
        checkedAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'vehicle_fill_check.record',
        entity: 'vehicle_fill_check',
        entityId: k.id,
        after: {
          plate: input.plate,
          outcome: result.outcome,
          reason: k.reason,
          reminders: result.reminders.length,
        },
      });
      return k;
    });
    return {
      checkId: check.id,
      plate: input.plate,
      outcome: result.outcome,
      message: result.outcome === 'unregistered' ? result.message : null,
      dispenser: { id: d.id, station: d.station, number: d.number, medium, unit: MEDIUM_UNIT[medium] },
      vehicle: v ? toVehicle(v, cylinders, openLeak, today, false) : null,
      findings: result.findings,
      reminders: result.reminders,
      reminderSource: { ...VEHICLE_GAS_RULES.sources.reminder },
    };
  }

  async fill(actor: Actor, input: z.infer<typeof ZFillInput>) {
    assertVehicleGas(actor);
    const now = this.ctx.now();
    try {
      return await this.ctx.database.db.transaction(async (tx) => {
        const k = await repo.checkById(tx, input.checkId);
        if (!k || k.enterpriseId !== actor.enterpriseId) throw notFound('check');
        if (k.outcome !== 'accepted' || !k.vehicleId) {
          throw appError('VEHICLE_FILL_REFUSED', {
            zh: '该车检查未通过，不得加气（G-8.1.1、G-8.1.10）',
            en: 'This vehicle’s check did not pass: it may not be filled (G-8.1.1, G-8.1.10)',
          });
        }
        if (now.getTime() - k.checkedAt.getTime() > CHECK_VALID_MINUTES * 60_000) {
          throw appError('VEHICLE_CHECK_STALE', {
            zh: `检查已超过 ${CHECK_VALID_MINUTES} 分钟，请重新检查后加气`,
            en: `The check is older than ${CHECK_VALID_MINUTES} minutes: check again before filling`,
          });
        }
        if (await repo.fillOfCheck(tx, k.id)) throw alreadyFilled();
        const d = await dispensers.byId(tx, k.dispenserId);
        const medium = k.medium as VehicleMedium;
        const fill = await repo.insertFill(tx, {
          enterpriseId: actor.enterpriseId,
          checkId: k.id,
          station: k.station,
          dispenserId: k.dispenserId,
          dispenserNo: d!.number,
          vehicleId: k.vehicleId,
          plate: k.plate,
          medium,
          quantityMilli: Math.round(input.quantity * 1000),
          unit: MEDIUM_UNIT[medium],
          leakFree: input.leakFree,
          attendantId: actor.id,
          attendantName: actor.displayName,
          filledAt: now,
        });
        let leakCaseId: string | null = null;
        if (!input.leakFree) {
          const c = await openLeakCase(
            tx,
            actor,
            {
              vehicleId: k.vehicleId,
              plate: k.plate,
              cylinderSerial: null,
              station: k.station,
              description: input.leakNote || '加气后检漏发现泄漏 / leak found in the check after filling',
              fillId: fill.id,
            },
            now,
          );
          leakCaseId = c.id;
        }
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'vehicle_fill.record',
          entity: 'vehicle_fill',
          entityId: fill.id,
          after: {
            plate: k.plate,
            quantityMilli: fill.quantityMilli,
            unit: fill.unit,
            leakFree: input.leakFree,
          },
        });
        return { ...toFill(fill), leakCaseId, receipt: null };
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw alreadyFilled();
      throw err;
    }
  }

  async log(actor: Actor, q: z.infer<typeof ZFillLogQuery>) {
    if (q.to < q.from) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '结束日期早于开始日期', en: 'The end is before the start' },
        { field: 'to' },
      );
    }
    const db = this.ctx.database.db;
    const w = {
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
      start: shanghaiMidnightUtc(q.from),
      end: shanghaiMidnightUtc(addDays(q.to, 1)),
      plate: q.plate ? normalizePlate(q.plate) : undefined,
    };
    const [counted, fills, checks] = [
      await repo.counts(db, w),
      await repo.recentFills(db, w, q.limit),
      await repo.notableChecks(db, w, q.limit),
    ];
    const receipts = new Map(
      (
        await receiptsOfFills(
          db,
          fills.map((f) => f.id),
        )
      ).map((r) => [r.fillId, { id: r.id, receiptNo: r.receiptNo, amountFen: r.amountFen }]),
    );
    return {
      ...counted,
      fills: fills.map((f) => ({ ...toFill(f), receipt: receipts.get(f.id) ?? null })),
      checks: checks.map((c) => ({
        id: c.id,
        station: c.station,
        plate: c.plate,
        medium: c.medium,
        outcome: c.outcome,
        reasons: [...new Set(c.findings.map((f) => f.reason))],
        reminded: c.reminders.length > 0,
        checkedAt: c.checkedAt.toISOString(),
      })),
    };
  }
}

function toFill(f: repo.FillRow) {
  return {
    id: f.id,
    checkId: f.checkId,
    station: f.station,
    dispenserNo: f.dispenserNo,
    plate: f.plate,
    medium: f.medium as VehicleMedium,
    quantity: f.quantityMilli / 1000,
    unit: f.unit,
    leakFree: f.leakFree,
    attendantName: f.attendantName,
    filledAt: f.filledAt.toISOString(),
  };
}

function alreadyFilled() {
  return appError('VEHICLE_FILL_RECORDED', {
    zh: '这次检查的加气已记录，请重新检查',
    en: 'The fill of this check is already recorded; check again',
  });
}
