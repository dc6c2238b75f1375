import {
  addMonthsToDate,
  MEDIUM_UNIT,
  toShanghaiDate,
  VEHICLE_GAS_RULES,
  verificationStatus,
  type VehicleMedium,
} from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound, pgCode } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { assertVehicleGas } from '../vehicles/vehicles.service.ts';
import * as repo from './dispensers.repository.ts';
import type { ZDispenser, ZDispenserInput, ZVerificationInput } from './dispensers.schemas.ts';

// G-8.1.2: the register of a station's dispensers and each one's metrological verifications (appended, never
// edited). The state as of today comes from the domain's `verificationStatus`: a dispenser never verified, failed
// or past its validity meters no fill; one due within the window is alerted by the watcher.

type Latest = Awaited<ReturnType<typeof repo.latestVerifications>>[number];
const day = (d: string | Date) => String(d).slice(0, 10);
const iso = (d: string | Date) => (d instanceof Date ? d : new Date(d)).toISOString();

export function toDispenser(
  d: repo.DispenserRow,
  last: Latest | undefined,
  today: string,
): z.infer<typeof ZDispenser> {
  const lastFacts = last
    ? { verifiedOn: day(last.verifiedOn), passed: last.passed, validUntil: day(last.validUntil) }
    : null;
  const status = verificationStatus({ last: lastFacts }, today);
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    station: d.station,
    number: d.number,
    medium: d.medium as VehicleMedium,
    unit: MEDIUM_UNIT[d.medium as VehicleMedium],
    maker: d.maker,
    serialNo: d.serialNo,
    ...status,
    last: last
      ? {
          id: last.id,
          verifiedOn: day(last.verifiedOn),
          passed: last.passed,
          validUntil: day(last.validUntil),
          certificateNo: last.certificateNo,
          verifier: last.verifier,
          recordedAt: iso(last.recordedAt),
        }
      : null,
  };
}

export class DispenserService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const db = this.ctx.database.db;
    const scope = enterpriseScope(actor, q.enterpriseId);
    const today = toShanghaiDate(this.ctx.now());
    const [rows, latest, alerts] = [
      await repo.list(db, scope),
      await repo.latestVerifications(db, scope),
      await repo.alerts(db, scope),
    ];
    const byDispenser = new Map(latest.map((l) => [l.dispenserId, l]));
    return {
      items: rows.map((d) => toDispenser(d, byDispenser.get(d.id), today)),
      alerts: alerts.map((a) => ({
        id: a.id,
        kind: a.kind,
        dueAt: a.dueAt.toISOString(),
        message: a.message as { zh: string; en: string },
        createdAt: a.createdAt.toISOString(),
        acknowledged: a.acknowledgedAt != null,
      })),
      rules: {
        alertDays: VEHICLE_GAS_RULES.verificationAlertDays,
        source: { ...VEHICLE_GAS_RULES.sources.verification },
      },
    };
  }

  async detail(actor: Actor, id: string) {
    const db = this.ctx.database.db;
    const d = await repo.byId(db, id);
    if (!d || (actor.role !== 'regulator' && d.enterpriseId !== actor.enterpriseId))
      throw notFound('dispenser');
    const verifications = await repo.verificationsOf(db, id);
    const latest = verifications[0];
    const today = toShanghaiDate(this.ctx.now());
    const view = (v: repo.VerificationRow) => ({
      id: v.id,
      verifiedOn: day(v.verifiedOn),
      passed: v.passed,
      validUntil: day(v.validUntil),
      certificateNo: v.certificateNo,
      verifier: v.verifier,
      recordedAt: v.recordedAt.toISOString(),
    });
    return {
      dispenser: toDispenser(d, latest ? { ...view(latest), dispenserId: d.id } : undefined, today),
      verifications: verifications.map(view),
    };
  }

  async register(actor: Actor, input: z.infer<typeof ZDispenserInput>) {
    assertVehicleGas(actor);
    try {
      const row = await this.ctx.database.db.transaction(async (tx) => {
        const d = await repo.insert(tx, {
          enterpriseId: actor.enterpriseId,
          station: input.station,
          number: input.number,
          medium: input.medium,
          maker: input.maker ?? '',
          serialNo: input.serialNo ?? '',
          createdBy: actor.id,
          createdAt: this.ctx.now(),
        });
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'dispenser.register',
          entity: 'dispenser',
          entityId: d.id,
          after: { station: d.station, number: d.number, medium: d.medium },
        });
        return d;
      });
      return toDispenser(row, undefined, toShanghaiDate(this.ctx.now()));
    } catch (err) {
      if (pgCode(err) === '23505') {
        throw appError(
          'DISPENSER_NUMBER_TAKEN',
          {
            zh: `${input.station} 已有 ${input.number} 号加气机`,
            en: `${input.station} already has dispenser ${input.number}`,
          },
          { field: 'number' },
        );
      }
      throw err;
    }
  }

  /** G-8.1.2: a verification appended; its validity becomes the due date (six months when none is stated). */
  async verify(actor: Actor, id: string, input: z.infer<typeof ZVerificationInput>) {
    assertVehicleGas(actor);
    const now = this.ctx.now();
    if (input.verifiedOn > toShanghaiDate(now)) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '检定日期不能晚于今天', en: 'The verification date cannot be after today' },
        { field: 'verifiedOn' },
      );
    }
    const validUntil =
      input.validUntil ?? addMonthsToDate(input.verifiedOn, VEHICLE_GAS_RULES.defaultVerificationMonths);
    if (validUntil < input.verifiedOn) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '有效期早于检定日期', en: 'The validity ends before the verification' },
        { field: 'validUntil' },
      );
    }
    await this.ctx.database.db.transaction(async (tx) => {
      const d = await repo.forUpdate(tx, id);
      if (!d || d.enterpriseId !== actor.enterpriseId) throw notFound('dispenser');
      const v = await repo.insertVerification(tx, {
        enterpriseId: d.enterpriseId,
        dispenserId: d.id,
        verifiedOn: input.verifiedOn,
        passed: input.passed,
        validUntil,
        certificateNo: input.certificateNo,
        verifier: input.verifier,
        recordedBy: actor.id,
        recordedAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: d.enterpriseId,
        action: 'dispenser.verify',
        entity: 'dispenser',
        entityId: d.id,
        after: { verificationId: v.id, verifiedOn: input.verifiedOn, passed: input.passed, validUntil },
      });
    });
    return this.detail(actor, id);
  }
}
