import { randomUUID } from 'node:crypto';
import {
  applyLifeEvent,
  BOTTLED_DELIVERY_ITEM,
  checkDelivery,
  deliveredOnTime,
  residueCompensation,
  toShanghaiDate,
  type CylinderState,
  type ManualLifeEvent,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound, pgCode } from '../../../core/errors.ts';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { insertLedgerEntry } from '../../money/ledger/ledger.repository.ts';
import { insertRecord as insertSafetyEducation } from '../safety-education/safety-education.repository.ts';
import * as cylinderRepo from '../cylinders/cylinders.repository.ts';
import { assertBottledGas } from '../cylinders/cylinders.service.ts';
import * as repo from './cylinder-deliveries.repository.ts';
import type { TDeliveryInput } from './cylinder-deliveries.schemas.ts';

// G-7.2.1, G-7.2.2: a bottled-gas order (work order of the delivery item, taken on any channel) is delivered by a
// courier who scans the full cylinder handed over and the empty one taken back (their life events appended), installs,
// leak-checks and ignition-tests it and has the customer sign — or notes the advice given when the customer declines
// — and hands over the handbook (a safety-education record) with the receipt. G-7.1.14, G-7.1.13: the residue of
// the cylinder taken back is weighed once; above 3 % of the fill the published compensation is credited on the ledger.

const ENDED_STATES = ['completed', 'return_visited', 'archived', 'cancelled', 'refused', 'referred'];

export class CylinderDeliveryService {
  constructor(private readonly ctx: AppContext) {}

  async deliver(actor: Actor, input: TDeliveryInput) {
    assertBottledGas(actor);
    const now = this.ctx.now();
    try {
      const id = await this.ctx.database.db.transaction(async (tx) => {
        const order = await repo.lockOrder(tx, input.orderId, actor.enterpriseId);
        if (!order || order.itemCode !== BOTTLED_DELIVERY_ITEM) throw notFound('delivery order');
        if (actor.role === 'technician' && order.assigneeId !== actor.id) {
          throw appError('FORBIDDEN', {
            zh: '只有被派单的送气员可以记录这次送气',
            en: 'Only the courier the order is assigned to records its delivery',
          });
        }
        if (ENDED_STATES.includes(order.state)) throw deliveryClosed();
        if (await repo.deliveryOfOrder(tx, order.id)) throw alreadyDelivered();
        if (!order.customerId) {
          throw appError(
            'VALIDATION_FAILED',
            { zh: '订气工单未关联用户档案', en: 'The order names no customer account' },
            { field: 'orderId' },
          );
        }
        const fullRow = await cylinderRepo.byCodeForUpdate(tx, input.fullCode);
        const emptyRow = input.emptyCode
          ? await cylinderRepo.byCodeForUpdate(tx, input.emptyCode)
          : undefined;
        const signed =
          input.signatureAttachmentId !== undefined &&
          (await repo.signatureOf(tx, order.id, input.signatureAttachmentId)) !== undefined;
        const check = checkDelivery(
          {
            full: fullRow
              ? { enterpriseId: fullRow.enterpriseId, state: fullRow.state as CylinderState }
              : null,
            empty: emptyRow
              ? { enterpriseId: emptyRow.enterpriseId, state: emptyRow.state as CylinderState }
              : null,
            emptyScanned: input.emptyCode !== undefined,
            sameCode: input.emptyCode !== undefined && input.emptyCode === input.fullCode,
            installed: input.installed,
            leakChecked: input.leakChecked,
            ignitionTested: input.ignitionTested,
            declinedAdvice: input.declinedAdvice ?? null,
            signed,
          },
          actor.enterpriseId,
        );
        if (!check.ok) throw appError('CYLINDER_DELIVERY_REFUSED', check.message, { field: check.field });
        const full = fullRow!;
        const delivery = await repo.insertDelivery(tx, {
          enterpriseId: actor.enterpriseId,
          workOrderId: order.id,
          customerId: order.customerId,
          fullCylinderId: full.id,
          emptyCylinderId: emptyRow?.id ?? null,
          receiptNo: `SQ${order.orderNo}`,
          amountFen: input.amountFen,
          installed: input.installed,
          leakChecked: input.installed && input.leakChecked,
          ignitionTested: input.installed && input.ignitionTested,
          declinedAdvice: input.installed ? null : input.declinedAdvice!.trim(),
          handbookGiven: input.handbookGiven,
          signatureAttachmentId: signed ? input.signatureAttachmentId! : null,
          agreedAt: order.agreedAt,
          onTime: deliveredOnTime(order.agreedAt, now),
          courierId: actor.id,
          deliveredAt: now,
        });
        const place = order.address || actor.enterpriseName;
        const steps: { row: cylinderRepo.CylinderRow; type: ManualLifeEvent }[] = [
          ...(full.state === 'full' ? [{ row: full, type: 'dispatched' as const }] : []),
          { row: full, type: 'delivered' },
          ...(emptyRow ? [{ row: emptyRow, type: 'returned' as const }] : []),
        ];
        await appendLife(tx, actor, steps, { at: now, place, deliveryId: delivery.id });
        if (input.handbookGiven) {
          await insertSafetyEducation(tx, {
            enterpriseId: actor.enterpriseId,
            customerId: order.customerId,
            occasion: 'delivery',
            handbookGiven: true,
            topics: [],
            givenOn: toShanghaiDate(now),
            note: `送气 ${delivery.receiptNo}`,
            createdBy: actor.id,
            createdAt: now,
          });
        }
        await appendAudit(tx, {
          actor,
          enterpriseId: actor.enterpriseId,
          action: 'cylinder_delivery.record',
          entity: 'cylinder_delivery',
          entityId: delivery.id,
          after: {
            orderId: order.id,
            full: input.fullCode,
            empty: input.emptyCode ?? null,
            installed: input.installed,
            onTime: delivery.onTime,
          },
        });
        return delivery.id;
      });
      return this.one(actor, id);
    } catch (err) {
      if (pgCode(err) === '23505') throw alreadyDelivered();
      throw err;
    }
  }

  /** G-7.1.14: the residue of the returned cylinder, weighed once; above 3 % the compensation is credited. */
  async weighResidue(actor: Actor, deliveryId: string, residueG: number) {
    assertBottledGas(actor);
    const now = this.ctx.now();
    try {
      await this.ctx.database.db.transaction(async (tx) => {
        const d = await repo.deliveryById(tx, deliveryId, actor.enterpriseId);
        if (!d) throw notFound('delivery');
        if (!d.emptyCylinderId) {
          throw appError('CYLINDER_RESIDUE_NO_RETURN', {
            zh: '这次送气没有回收空瓶，无残液可称',
            en: 'No empty cylinder was taken back on this delivery',
          });
        }
        if (await repo.residueOf(tx, d.id)) throw residueWeighed();
        const fillG = await repo.ratedFillOf(tx, d.emptyCylinderId);
        if (residueG > fillG) {
          throw appError(
            'VALIDATION_FAILED',
            { zh: '残液量大于该钢瓶的充装量', en: 'The residue is more than the cylinder’s fill' },
            { field: 'residueG' },
          );
        }
        const outcome = residueCompensation({ residueG, fillG, amountFen: d.amountFen });
        const id = randomUUID();
        // The credit is a negative adjustment on the customer's account; its unique reference keeps it once.
        const entry =
          outcome.refundFen > 0
            ? await insertLedgerEntry(tx, {
                enterpriseId: d.enterpriseId,
                customerId: d.customerId,
                sector: 'gas',
                kind: 'adjustment',
                amountFen: -outcome.refundFen,
                refType: 'cylinder_residue',
                refId: id,
                reason: `${d.receiptNo} 残液 ${(residueG / 1000).toFixed(2)} kg 超过充装量3%的部分退还（G-7.1.13、G-7.1.14）`,
                bookedOn: toShanghaiDate(now),
                createdBy: actor.id,
                createdAt: now,
              })
            : null;
        await repo.insertResidue(tx, {
          id,
          enterpriseId: d.enterpriseId,
          deliveryId: d.id,
          cylinderId: d.emptyCylinderId,
          customerId: d.customerId,
          residueG,
          fillG,
          ...outcome,
          ledgerEntryId: entry?.id ?? null,
          weighedBy: actor.id,
          weighedAt: now,
        });
        await cylinderRepo.insertEvents(tx, [
          {
            enterpriseId: d.enterpriseId,
            cylinderId: d.emptyCylinderId,
            type: 'residue_weighed',
            at: now,
            place: actor.enterpriseName,
            actorId: actor.id,
            actorName: actor.displayName,
            details: { residueG, limitG: outcome.limitG, refundFen: outcome.refundFen },
            createdAt: now,
          },
        ]);
        await appendAudit(tx, {
          actor,
          enterpriseId: d.enterpriseId,
          action: 'cylinder_residue.record',
          entity: 'cylinder_delivery',
          entityId: d.id,
          after: { residueG, refundFen: outcome.refundFen },
        });
      });
    } catch (err) {
      if (pgCode(err) === '23505') throw residueWeighed();
      throw err;
    }
    return this.one(actor, deliveryId);
  }

  async list(
    actor: Actor,
    q: { orderId?: string | undefined; pendingResidue?: 'true' | 'false'; limit: number },
  ) {
    assertBottledGas(actor);
    const db = this.ctx.database.db;
    const rows = await repo.list(db, {
      enterpriseId: actor.enterpriseId,
      orderId: q.orderId,
      pendingResidue: q.pendingResidue === 'true',
      limit: q.limit,
    });
    return { items: rows.map(toDelivery), counts: await repo.counts(db, actor.enterpriseId) };
  }

  private async one(actor: Actor, id: string) {
    const [row] = await repo.list(this.ctx.database.db, { enterpriseId: actor.enterpriseId, id, limit: 1 });
    if (!row) throw notFound('delivery');
    return toDelivery(row);
  }
}

async function appendLife(
  tx: Db,
  actor: Actor,
  steps: { row: cylinderRepo.CylinderRow; type: ManualLifeEvent }[],
  at: { at: Date; place: string; deliveryId: string },
) {
  const state = new Map<string, CylinderState>();
  for (const { row, type } of steps) {
    const current = state.get(row.id) ?? (row.state as CylinderState);
    const outcome = applyLifeEvent(
      { state: current, manufacturedOn: String(row.manufacturedOn).slice(0, 10) },
      { type, on: toShanghaiDate(at.at) },
    );
    if (!outcome.ok) throw appError('CYLINDER_EVENT_REFUSED', outcome.message);
    state.set(row.id, outcome.patch.state);
    await cylinderRepo.patchCylinder(tx, row.id, outcome.patch);
    await cylinderRepo.insertEvents(tx, [
      {
        enterpriseId: row.enterpriseId,
        cylinderId: row.id,
        type,
        at: at.at,
        place: at.place,
        actorId: actor.id,
        actorName: actor.displayName,
        details: { deliveryId: at.deliveryId },
        createdAt: at.at,
      },
    ]);
  }
}

function toDelivery(r: Awaited<ReturnType<typeof repo.list>>[number]) {
  const { d } = r;
  return {
    id: d.id,
    orderId: d.workOrderId,
    orderNo: r.orderNo,
    customerName: r.customerName,
    fullCode: r.fullCode,
    emptyCode: r.emptyCode ?? null,
    receiptNo: d.receiptNo,
    amountFen: d.amountFen,
    installed: d.installed,
    leakChecked: d.leakChecked,
    ignitionTested: d.ignitionTested,
    declinedAdvice: d.declinedAdvice,
    handbookGiven: d.handbookGiven,
    signed: d.signatureAttachmentId !== null,
    signatureAttachmentId: d.signatureAttachmentId,
    agreedAt: d.agreedAt ? d.agreedAt.toISOString() : null,
    onTime: d.onTime,
    courierName: r.courierName ?? '',
    deliveredAt: d.deliveredAt.toISOString(),
    residue: r.r
      ? {
          id: r.r.id,
          residueG: r.r.residueG,
          fillG: r.r.fillG,
          limitG: r.r.limitG,
          excessG: r.r.excessG,
          priceFenPerKg: r.r.priceFenPerKg,
          refundFen: r.r.refundFen,
          credited: r.r.ledgerEntryId !== null,
          weighedAt: r.r.weighedAt.toISOString(),
        }
      : null,
  };
}

function alreadyDelivered() {
  return appError('CYLINDER_DELIVERY_RECORDED', {
    zh: '这张订气工单的送气已记录',
    en: 'This order’s delivery is already recorded',
  });
}

function deliveryClosed() {
  return appError('CYLINDER_DELIVERY_CLOSED', {
    zh: '工单已办结或终止，不能再记录送气',
    en: 'The order is closed; no delivery can be recorded on it',
  });
}

function residueWeighed() {
  return appError('CYLINDER_RESIDUE_RECORDED', {
    zh: '这只回收钢瓶的残液已称重，每次回收只补偿一次',
    en: 'This returned cylinder’s residue is already weighed: compensated once per return',
  });
}
