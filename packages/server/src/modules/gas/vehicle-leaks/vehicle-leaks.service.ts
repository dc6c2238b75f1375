import {
  checkLeakStep,
  LEAK_STEP_LABEL,
  minutesToIsolate,
  nextLeakStep,
  toShanghaiDate,
  type LeakStep,
} from '@ranre/domain';
import type { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Db } from '../../../db/client.ts';
import { appError, notFound, pgCode } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as vehicles from '../vehicles/vehicles.repository.ts';
import { assertVehicleGas } from '../vehicles/vehicles.service.ts';
import * as repo from './vehicle-leaks.repository.ts';
import type { ZLeakCase, ZLeakInput, ZLeakStepInput } from './vehicle-leaks.schemas.ts';

// G-8.1.5: a leaking vehicle cylinder is handled at once by procedure. The case opens with its first step (found)
// and each later step is appended in the domain's order — isolated, owner told, handled, closed; the case row
// projects the last one. While a case is open the vehicle's filling check refuses it.

export function toLeakCase(c: repo.LeakCaseRow, steps: repo.LeakStepRow[]): z.infer<typeof ZLeakCase> {
  const mine = steps.filter((s) => s.caseId === c.id);
  const done = mine.map((s) => s.step as LeakStep);
  return {
    id: c.id,
    enterpriseId: c.enterpriseId,
    caseNo: c.caseNo,
    vehicleId: c.vehicleId,
    plate: c.plate,
    cylinderSerial: c.cylinderSerial,
    station: c.station,
    fillId: c.fillId,
    description: c.description,
    state: c.state as LeakStep,
    nextStep: nextLeakStep(done),
    foundAt: c.foundAt.toISOString(),
    closedAt: c.closedAt ? c.closedAt.toISOString() : null,
    minutesToIsolate: minutesToIsolate(mine.map((s) => ({ step: s.step as LeakStep, at: s.at }))),
    steps: mine.map((s) => ({
      step: s.step as LeakStep,
      label: { ...LEAK_STEP_LABEL[s.step as LeakStep] },
      note: s.note,
      actorName: s.actorName,
      at: s.at.toISOString(),
    })),
  };
}

/** Opens a case with its first step in the caller's transaction (also called by a fill whose leak check failed). */
export async function openLeakCase(
  tx: Db,
  actor: Actor,
  input: {
    vehicleId: string;
    plate: string;
    cylinderSerial: string | null;
    station: string;
    description: string;
    fillId: string | null;
  },
  now: Date,
) {
  const n = (await repo.countOf(tx, actor.enterpriseId)) + 1;
  const caseNo = `XL${toShanghaiDate(now).replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
  const c = await repo.insertCase(tx, {
    enterpriseId: actor.enterpriseId,
    caseNo,
    vehicleId: input.vehicleId,
    plate: input.plate,
    cylinderSerial: input.cylinderSerial,
    station: input.station,
    fillId: input.fillId,
    description: input.description,
    state: 'found',
    foundAt: now,
    createdBy: actor.id,
  });
  await repo.insertStep(tx, {
    enterpriseId: actor.enterpriseId,
    caseId: c.id,
    step: 'found',
    note: input.description,
    actorId: actor.id,
    actorName: actor.displayName,
    at: now,
  });
  await appendAudit(tx, {
    actor,
    enterpriseId: actor.enterpriseId,
    action: 'vehicle_leak.open',
    entity: 'vehicle_leak',
    entityId: c.id,
    after: { caseNo, plate: input.plate, fillId: input.fillId },
  });
  return c;
}

export class VehicleLeakService {
  constructor(private readonly ctx: AppContext) {}

  async list(
    actor: Actor,
    q: { enterpriseId?: string | undefined; state: 'open' | 'closed' | 'all'; limit: number },
  ) {
    const db = this.ctx.database.db;
    const rows = await repo.list(db, enterpriseScope(actor, q.enterpriseId), q.state, q.limit);
    const steps = await repo.stepsOf(
      db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toLeakCase(r, steps)) };
  }

  async detail(actor: Actor, id: string) {
    const db = this.ctx.database.db;
    const c = await repo.byId(db, id);
    if (!c || (actor.role !== 'regulator' && c.enterpriseId !== actor.enterpriseId))
      throw notFound('leak case');
    return toLeakCase(c, await repo.stepsOf(db, [c.id]));
  }

  async open(actor: Actor, input: z.infer<typeof ZLeakInput>) {
    assertVehicleGas(actor);
    const now = this.ctx.now();
    const id = await this.ctx.database.db.transaction(async (tx) => {
      const v = await vehicles.byPlate(tx, actor.enterpriseId, input.plate);
      if (!v) throw notFound('vehicle');
      const c = await openLeakCase(
        tx,
        actor,
        {
          vehicleId: v.id,
          plate: v.plate,
          cylinderSerial: input.cylinderSerial ?? null,
          station: input.station,
          description: input.description,
          fillId: null,
        },
        now,
      );
      return c.id;
    });
    return this.detail(actor, id);
  }

  async step(actor: Actor, id: string, input: z.infer<typeof ZLeakStepInput>) {
    assertVehicleGas(actor);
    const now = this.ctx.now();
    if ((input.step === 'handled' || input.step === 'closed') && input.note.trim().length < 2) {
      throw appError(
        'VALIDATION_FAILED',
        { zh: '请写明处置情况', en: 'Say how it was handled' },
        { field: 'note' },
      );
    }
    try {
      await this.ctx.database.db.transaction(async (tx) => {
        const c = await repo.forUpdate(tx, id);
        if (!c || c.enterpriseId !== actor.enterpriseId) throw notFound('leak case');
        const done = (await repo.stepsOf(tx, [c.id])).map((s) => s.step as LeakStep);
        const ok = checkLeakStep(done, input.step);
        if (!ok.ok) throw appError('LEAK_STEP_OUT_OF_ORDER', ok.message, { next: nextLeakStep(done) });
        await repo.insertStep(tx, {
          enterpriseId: c.enterpriseId,
          caseId: c.id,
          step: input.step,
          note: input.note,
          actorId: actor.id,
          actorName: actor.displayName,
          at: now,
        });
        await repo.setState(tx, c.id, input.step, input.step === 'closed' ? now : null);
        await appendAudit(tx, {
          actor,
          enterpriseId: c.enterpriseId,
          action: 'vehicle_leak.step',
          entity: 'vehicle_leak',
          entityId: c.id,
          before: { state: c.state },
          after: { step: input.step, note: input.note },
        });
      });
    } catch (err) {
      // The same step sent twice at once: the unique (case, step) index answers for the second.
      if (pgCode(err) === '23505') {
        throw appError('LEAK_STEP_OUT_OF_ORDER', {
          zh: '该步骤已记录',
          en: 'This step is already recorded',
        });
      }
      throw err;
    }
    return this.detail(actor, id);
  }
}
