import {
  PAID_REPAIR_ITEMS,
  TERMINAL_STATES,
  consentNeeded,
  chargedFen,
  lineFen,
  priceListProblem,
  priceListTotalFen,
  toShanghaiDate,
  warrantyInForce,
  type FacilityOwner,
  type WorkOrderState,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { visibleOrders } from '../../service/workorders/access.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import * as orders from '../../service/workorders/workorders.repository.ts';
import { addressKey, warrantiesInForceAt } from '../warranties/warranties.service.ts';
import { findWarranty } from '../warranties/warranties.repository.ts';
import { findEnterprise } from '../../service/workorders/related.repository.ts';
import { renderReceiptPdf } from '../quality-certificates/pdf.ts';
import * as repo from './repair-consents.repository.ts';
import type { TConsentInput } from './repair-consents.schemas.ts';
import { ownerFor } from './consent-gate.ts';

// G-9.2.6, H-7.3.8: the technician's phone shows the price list of materials, parts and labour; the customer signs
// it; only then may the work start, and priced work never completes without it. A changed list is signed again
// (a new record; the latest counts). A repair under a warranty in force is free (G-9.2.8).

const AFTER_WORK: readonly string[] = ['completed', 'feedback_given', 'return_visited', 'closed'];

type Consent = Awaited<ReturnType<typeof repo.consentsOf>>[number];

function toConsent({ c, recordedBy }: Consent) {
  return {
    id: c.id,
    lines: c.lines.map((l) => ({ ...l, amountFen: lineFen(l) })),
    totalFen: c.totalFen,
    chargedFen: c.chargedFen,
    warrantyId: c.warrantyId,
    signerName: c.signerName,
    signatureAttachmentId: c.signatureAttachmentId,
    signedAt: c.signedAt.toISOString(),
    recordedBy: recordedBy ?? '',
  };
}

export class RepairConsentService {
  constructor(private readonly ctx: AppContext) {}

  async of(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    const history = (await repo.consentsOf(db, orderId)).map(toConsent);
    const today = toShanghaiDate(this.ctx.now());
    const owner = await ownerFor(db, order);
    return {
      required: consentNeeded(order.itemCode, owner),
      ownerAsked: PAID_REPAIR_ITEMS.includes(order.itemCode),
      facilityOwner: owner,
      consent: history[0] ?? null,
      history,
      warranties: await warrantiesInForceAt(db, order.enterpriseId, order.address, today),
    };
  }

  async sign(actor: Actor, orderId: string, input: TConsentInput) {
    const problem = priceListProblem(input.lines);
    if (problem) fieldError('CONSENT_INVALID', 'lines', problem, { clause: 'G-9.2.6' });
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    await this.ctx.database.db.transaction(async (tx) => {
      const order = await lockBeforeWork(tx, actor, orderId);
      if (!consentNeeded(order.itemCode, await ownerFor(tx, order))) {
        fieldError('CONSENT_NOT_NEEDED', 'facilityOwner', {
          zh: '先确认维修的是用户自有设施（收费）还是企业负责维护的设施（免费）（G-5.11.7、H-7.3.8）',
          en: 'First record whether the facility is the customer’s own (paid) or one the company maintains (free) (G-5.11.7, H-7.3.8)',
        });
      }
      if (!(await repo.signatureOf(tx, orderId, input.signatureAttachmentId))) {
        fieldError('SIGNATURE_MISSING', 'signatureAttachmentId', {
          zh: '用户签名不是这张工单上传的签名图片',
          en: 'The signature is not a signature uploaded for this order',
        });
      }
      let underWarranty = false;
      if (input.warrantyId) {
        const w = await findWarranty(tx, input.warrantyId);
        const same = w && w.enterpriseId === order.enterpriseId && w.addressKey === addressKey(order.address);
        if (!same || !warrantyInForce({ startsOn: String(w.startsOn), endsOn: String(w.endsOn) }, today)) {
          fieldError('WARRANTY_NOT_IN_FORCE', 'warrantyId', {
            zh: '所选保修不在本地址的保修期内，不能按免费保修处理（G-9.2.8）',
            en: 'The warranty named is not in force at this address; the repair is not free under it (G-9.2.8)',
          });
        }
        underWarranty = true;
      }
      const total = priceListTotalFen(input.lines);
      const row = await repo.insertConsent(tx, {
        enterpriseId: order.enterpriseId,
        workOrderId: order.id,
        lines: input.lines,
        totalFen: total,
        chargedFen: chargedFen(input.lines, underWarranty),
        warrantyId: input.warrantyId ?? null,
        signerName: input.signerName,
        signatureAttachmentId: input.signatureAttachmentId,
        signedAt: now,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: order.enterpriseId,
        action: 'repair_consent.create',
        entity: 'work_order',
        entityId: order.id,
        after: { consentId: row.id, totalFen: total, chargedFen: row.chargedFen, warrantyId: row.warrantyId },
      });
    });
    return this.of(actor, orderId);
  }

  /** H-7.3.8: record whose facility a gas or heating repair is; the customer's own makes it paid work. */
  async declareOwner(actor: Actor, orderId: string, owner: FacilityOwner) {
    const now = this.ctx.now();
    await this.ctx.database.db.transaction(async (tx) => {
      const order = await lockBeforeWork(tx, actor, orderId);
      if (!PAID_REPAIR_ITEMS.includes(order.itemCode)) {
        fieldError('FACILITY_OWNER_NOT_ASKED', 'itemCode', {
          zh: '只有燃气或供热报修需要确认设施归属（G-5.11.7、H-7.3.8）',
          en: 'Only a gas or heating repair records whose facility it is (G-5.11.7, H-7.3.8)',
        });
      }
      await repo.insertFacilityOwner(tx, {
        enterpriseId: order.enterpriseId,
        workOrderId: order.id,
        owner,
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: order.enterpriseId,
        action: 'repair_facility_owner.create',
        entity: 'work_order',
        entityId: order.id,
        after: { owner },
      });
    });
    return this.of(actor, orderId);
  }

  /** G-9.2.6: the receipt after the work, from the consent in force; only once the order is completed. */
  async receipt(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    const [consent] = await repo.consentsOf(db, orderId);
    if (!consent || !AFTER_WORK.includes(order.state)) {
      fieldError('RECEIPT_NOT_READY', 'state', {
        zh: '工单处理完毕且有用户签字的价目清单后才能开具收费凭证（G-9.2.6）',
        en: 'The receipt is made once the work is completed under a signed price list (G-9.2.6)',
      });
    }
    const c = toConsent(consent);
    const enterprise = await findEnterprise(db, order.enterpriseId);
    const body = await renderReceiptPdf({
      company: order.enterpriseName,
      orderNo: order.orderNo,
      customer: order.customerName ?? order.callerName,
      address: order.address,
      issuedOn: toShanghaiDate(this.ctx.now()),
      lines: c.lines,
      totalFen: c.totalFen,
      chargedFen: c.chargedFen,
      underWarranty: c.warrantyId !== null,
      signerName: c.signerName,
      servicePhone: enterprise?.hotline ?? '',
      supervisionPhone: enterprise?.supervisionPhone ?? '',
    });
    return { body, fileName: `receipt-${order.orderNo}.pdf` };
  }
}

/** The order locked for a consent or an owner record: visible, the assigned technician's, the work not yet done. */
async function lockBeforeWork(tx: Parameters<typeof orders.lockOrder>[0], actor: Actor, orderId: string) {
  const order = await orders.lockOrder(tx, orderId, visibleOrders(actor));
  if (!order || actor.role === 'regulator') throw notFound('work order');
  if (actor.role === 'technician' && order.assigneeId !== actor.id) {
    throw appError('FORBIDDEN', {
      zh: '只有被派单的维修人员可以请用户签字确认价目',
      en: 'Only the technician the order is assigned to may take the consent',
    });
  }
  if (AFTER_WORK.includes(order.state) || TERMINAL_STATES.includes(order.state as WorkOrderState)) {
    fieldError('CONSENT_TOO_LATE', 'state', {
      zh: `工单 ${order.orderNo} 已处理完毕或已结束，价目须在施工前确认（G-9.2.6）`,
      en: `Work order ${order.orderNo} is done or ended; prices are agreed before the work (G-9.2.6)`,
    });
  }
  return order;
}
