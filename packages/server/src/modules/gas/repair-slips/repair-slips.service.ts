import { TERMINAL_STATES, toShanghaiDate, type WorkOrderState } from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { notFound } from '../../../core/errors.ts';
import { nextDocumentNo } from '../../../db/document-numbers.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { visibleOrders } from '../../service/workorders/access.ts';
import { fieldError } from '../../service/workorders/order-write.ts';
import { findEnterprise } from '../../service/workorders/related.repository.ts';
import * as orders from '../../service/workorders/workorders.repository.ts';
import { renderRepairSlipPdf } from './repair-slip.pdf.ts';
import * as repo from './repair-slips.repository.ts';
import type { TSlipInput } from './repair-slips.schemas.ts';

// G-9.2.5 c): an appliance brought to the service point is repaired at once; when that cannot be done the same
// day, the customer is told why, a pick-up date is agreed and a repair slip is issued. A new date is a new slip.

const WALK_IN = 'appliance_walk_in_repair';
const DONE = ['completed', 'feedback_given', 'return_visited', 'closed'];

type SlipRow = Awaited<ReturnType<typeof repo.slipsOf>>[number];
const toSlip = ({ s, issuedBy }: SlipRow) => ({
  id: s.id,
  slipNo: s.slipNo,
  appliance: s.appliance,
  reason: s.reason,
  pickUpOn: String(s.pickUpOn).slice(0, 10),
  issuedBy: issuedBy ?? '',
  issuedAt: s.issuedAt.toISOString(),
});

export class RepairSlipService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    return { items: (await repo.slipsOf(db, orderId)).map(toSlip) };
  }

  async issue(actor: Actor, orderId: string, input: TSlipInput) {
    const now = this.ctx.now();
    const today = toShanghaiDate(now);
    await this.ctx.database.db.transaction(async (tx) => {
      const order = await orders.lockOrder(tx, orderId, visibleOrders(actor));
      if (!order || actor.role === 'regulator') throw notFound('work order');
      if (order.itemCode !== WALK_IN) {
        fieldError('NOT_WALK_IN', 'itemCode', {
          zh: '维修单只用于用户送修的燃气具（G-9.2.5）',
          en: 'A repair slip is for an appliance brought in for repair (G-9.2.5)',
        });
      }
      if (DONE.includes(order.state) || TERMINAL_STATES.includes(order.state as WorkOrderState)) {
        fieldError('SLIP_TOO_LATE', 'state', {
          zh: `工单 ${order.orderNo} 已修复或已结束，不再开具维修单`,
          en: `Work order ${order.orderNo} is repaired or ended; no repair slip`,
        });
      }
      if (input.pickUpOn <= today) {
        fieldError('PICK_UP_DATE_INVALID', 'pickUpOn', {
          zh: '当天能修复的应立即维修；维修单的领取日期须晚于今天（G-9.2.5）',
          en: 'What can be repaired today is repaired at once; the pick-up date is after today (G-9.2.5)',
        });
      }
      const prefix = `WX${today.replaceAll('-', '')}-`;
      const slipNo = await nextDocumentNo(tx, order.enterpriseId, prefix);
      await repo.insertSlip(tx, {
        enterpriseId: order.enterpriseId,
        workOrderId: order.id,
        slipNo,
        ...input,
        issuedBy: actor.id,
        issuedAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: order.enterpriseId,
        action: 'repair_slip.create',
        entity: 'work_order',
        entityId: order.id,
        after: { slipNo, pickUpOn: input.pickUpOn },
      });
    });
    return this.list(actor, orderId);
  }

  async pdf(actor: Actor, orderId: string) {
    const db = this.ctx.database.db;
    const order = await orders.findOrderView(db, orderId, visibleOrders(actor));
    if (!order) throw notFound('work order');
    const [latest] = await repo.slipsOf(db, orderId);
    if (!latest) {
      fieldError('NO_REPAIR_SLIP', 'state', {
        zh: '这张工单没有开具维修单',
        en: 'No repair slip was issued for this order',
      });
    }
    const slip = toSlip(latest);
    const enterprise = await findEnterprise(db, order.enterpriseId);
    const body = await renderRepairSlipPdf({
      company: order.enterpriseName,
      slipNo: slip.slipNo,
      orderNo: order.orderNo,
      customer: order.customerName ?? order.callerName,
      phone: order.callerPhone ?? '',
      appliance: slip.appliance,
      fault: order.description,
      reason: slip.reason,
      receivedOn: toShanghaiDate(order.receivedAt),
      pickUpOn: slip.pickUpOn,
      servicePhone: enterprise?.hotline ?? '',
      supervisionPhone: enterprise?.supervisionPhone ?? '',
      servicePoint: enterprise?.servicePoints[0]?.address ?? enterprise?.address ?? '',
    });
    return { body, fileName: `repair-slip-${slip.slipNo}.pdf` };
  }
}
