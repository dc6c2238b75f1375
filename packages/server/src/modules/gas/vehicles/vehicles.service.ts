import {
  daysBetween,
  maskName,
  maskPhone,
  toShanghaiDate,
  VEHICLE_GAS_RULES,
  type VehicleMedium,
} from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound, pgCode } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './vehicles.repository.ts';
import type { TVehicle, ZCertificateInput, ZVehicleInput, ZVehicleQuery } from './vehicles.schemas.ts';

// G-8.1.1, G-8.1.10: the vehicles a station fills and their on-board cylinders — the medium each is made for and
// the periodic-inspection certificate in force. A renewed certificate is appended and becomes the one in force;
// the earlier ones stay readable. The regulator reads every company's vehicles with the owner masked.

/** Vehicle filling is a vehicle-gas company's (G-8.1). */
export function assertVehicleGas(actor: Actor) {
  if (actor.role === 'regulator') throw forbidden();
  if (actor.enterpriseKind !== 'vehicle_gas') {
    throw appError('VEHICLE_GAS_ONLY', {
      zh: '车辆、加气机和加气记录仅适用于燃气汽车加气企业（G-8.1）',
      en: 'Vehicles, dispensers and fills belong to vehicle-gas companies (G-8.1)',
    });
  }
}

const day = (d: string | Date | null) => (d == null ? null : String(d).slice(0, 10));

export function certificateState(expiresOn: string, today: string) {
  const daysLeft = daysBetween(today, expiresOn);
  const certificateState: 'valid' | 'due_soon' | 'expired' =
    expiresOn < today ? 'expired' : daysLeft <= VEHICLE_GAS_RULES.reminderDays ? 'due_soon' : 'valid';
  return { certificateState, daysLeft };
}

export function toVehicle(
  v: repo.VehicleRow,
  cylinders: repo.VehicleCylinderRow[],
  openLeak: boolean,
  today: string,
  masked: boolean,
): TVehicle {
  return {
    id: v.id,
    enterpriseId: v.enterpriseId,
    plate: v.plate,
    ownerName: masked ? maskName(v.ownerName) : v.ownerName,
    ownerPhone: masked ? (maskPhone(v.ownerPhone) ?? '') : v.ownerPhone,
    medium: v.medium as VehicleMedium,
    vehicleType: v.vehicleType,
    createdAt: v.createdAt.toISOString(),
    openLeakCase: openLeak,
    cylinders: cylinders
      .filter((c) => c.vehicleId === v.id)
      .map((c) => ({
        id: c.id,
        serialNo: c.serialNo,
        medium: c.medium as VehicleMedium,
        manufacturer: c.manufacturer,
        capacityL: c.capacityL,
        certificateNo: c.certificateNo,
        certificateExpiresOn: day(c.certificateExpiresOn)!,
        ...certificateState(day(c.certificateExpiresOn)!, today),
      })),
  };
}

export class VehicleService {
  constructor(private readonly ctx: AppContext) {}

  private today() {
    return toShanghaiDate(this.ctx.now());
  }

  async list(actor: Actor, q: z.infer<typeof ZVehicleQuery>) {
    const db = this.ctx.database.db;
    const { rows, total } = await repo.list(db, {
      ...q,
      enterpriseId: enterpriseScope(actor, q.enterpriseId),
    });
    const ids = rows.map((r) => r.id);
    const [cylinders, leaks] = [await repo.cylindersOf(db, ids), await repo.openLeakVehicles(db, ids)];
    const masked = actor.role === 'regulator';
    return {
      total,
      items: rows.map((v) => toVehicle(v, cylinders, leaks.has(v.id), this.today(), masked)),
    };
  }

  async detail(actor: Actor, id: string) {
    const db = this.ctx.database.db;
    const v = await repo.byId(db, id);
    if (!v || (actor.role !== 'regulator' && v.enterpriseId !== actor.enterpriseId))
      throw notFound('vehicle');
    const [cylinders, leaks, certificates, fills, checks] = [
      await repo.cylindersOf(db, [v.id]),
      await repo.openLeakVehicles(db, [v.id]),
      await repo.certificatesOf(db, v.id),
      await repo.recentFillsOf(db, v.id, 20),
      await repo.recentChecksOf(db, v.id, 20),
    ];
    return {
      vehicle: toVehicle(v, cylinders, leaks.has(v.id), this.today(), actor.role === 'regulator'),
      certificates: certificates.map(({ c, serialNo }) => ({
        id: c.id,
        cylinderId: c.cylinderId,
        serialNo,
        certificateNo: c.certificateNo,
        inspectedOn: day(c.inspectedOn),
        expiresOn: day(c.expiresOn)!,
        recordedAt: c.recordedAt.toISOString(),
      })),
      fills: fills.map((f) => ({
        id: f.id,
        station: f.station,
        dispenserNo: f.dispenserNo,
        medium: f.medium,
        quantity: f.quantityMilli / 1000,
        unit: f.unit,
        leakFree: f.leakFree,
        attendantName: f.attendantName,
        filledAt: f.filledAt.toISOString(),
      })),
      checks: checks.map((c) => ({
        id: c.id,
        station: c.station,
        outcome: c.outcome,
        reason: c.reason,
        checkedAt: c.checkedAt.toISOString(),
      })),
    };
  }

  async register(actor: Actor, input: z.infer<typeof ZVehicleInput>) {
    assertVehicleGas(actor);
    const now = this.ctx.now();
    const serials = input.cylinders.map((c) => c.serialNo);
    if (new Set(serials).size !== serials.length) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '同一车辆的气瓶编号不能重复', en: 'A vehicle’s cylinders need different serial numbers' },
        { field: 'cylinders' },
      );
    }
    try {
      const id = await this.ctx.database.db.transaction(async (tx) => {
        if (await repo.byPlate(tx, actor.enterpriseId, input.plate)) throw plateTaken(input.plate);
        const v = await repo.insertVehicle(tx, {
          enterpriseId: actor.enterpriseId,
          plate: input.plate,
          ownerName: input.ownerName,
          ownerPhone: input.ownerPhone,
          medium: input.medium,
          vehicleType: input.vehicleType ?? '',
          createdBy: actor.id,
          createdAt: now,
        });
        const cylinders = await repo.insertCylinders(
          tx,
          input.cylinders.map((c) => ({
            enterpriseId: actor.enterpriseId,
            vehicleId: v.id,
            serialNo: c.serialNo,
            medium: c.medium,
            manufacturer: c.manufacturer ?? '',
            capacityL: c.capacityL ?? null,
            certificateNo: c.certificateNo,
            certificateExpiresOn: c.certificateExpiresOn,
            createdAt: now,
          })),
        );
        await repo.insertCertificates(
          tx,
          cylinders.map((c, i) => ({
            enterpriseId: actor.enterpriseId,
            cylinderId: c.id,
            certificateNo: c.certificateNo,
            inspectedOn: input.cylinders[i]!.inspectedOn ?? null,
            expiresOn: c.certificateExpiresOn,
            recordedBy: actor.id,
            recordedAt: now,
          })),
        );
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'vehicle.register',
          entity: 'vehicle',
          entityId: v.id,
          after: { plate: v.plate, medium: v.medium, cylinders: serials },
        });
        return v.id;
      });
      return (await this.detail(actor, id)).vehicle;
    } catch (err) {
      if (pgCode(err) === '23505') throw plateTaken(input.plate);
      throw err;
    }
  }

  /** G-8.1.10: a cylinder inspected again shows its new certificate; the old one stays in the history. */
  async renewCertificate(
    actor: Actor,
    vehicleId: string,
    cylinderId: string,
    input: z.infer<typeof ZCertificateInput>,
  ) {
    assertVehicleGas(actor);
    const now = this.ctx.now();
    if (input.inspectedOn && input.inspectedOn > this.today()) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '检验日期不能晚于今天', en: 'The inspection date cannot be after today' },
        { field: 'inspectedOn' },
      );
    }
    await this.ctx.database.db.transaction(async (tx) => {
      const v = await repo.byId(tx, vehicleId);
      if (!v || v.enterpriseId !== actor.enterpriseId) throw notFound('vehicle');
      const c = await repo.cylinderForUpdate(tx, vehicleId, cylinderId);
      if (!c) throw notFound('cylinder');
      await repo.setCertificate(tx, c.id, {
        certificateNo: input.certificateNo,
        certificateExpiresOn: input.expiresOn,
      });
      await repo.insertCertificates(tx, [
        {
          enterpriseId: actor.enterpriseId,
          cylinderId: c.id,
          certificateNo: input.certificateNo,
          inspectedOn: input.inspectedOn ?? null,
          expiresOn: input.expiresOn,
          recordedBy: actor.id,
          recordedAt: now,
        },
      ]);
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'vehicle.certificate_renewed',
        entity: 'vehicle',
        entityId: v.id,
        before: {
          serialNo: c.serialNo,
          certificateNo: c.certificateNo,
          expiresOn: day(c.certificateExpiresOn),
        },
        after: { certificateNo: input.certificateNo, expiresOn: input.expiresOn },
      });
    });
    return this.detail(actor, vehicleId);
  }
}

function plateTaken(plate: string) {
  return appError(
    'VEHICLE_PLATE_TAKEN',
    { zh: `车牌 ${plate} 已登记`, en: `Plate ${plate} is already registered` },
    { field: 'plate' },
  );
}
