import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { IntakeService } from '../../service/workorders/intake.service.ts';
import * as repo from './hazards.repository.ts';

// G-5.11.7: when the customer asks the company to repair a hazard, the repair is a work order of its own (gas_repair)
// linked to the hazard; the items, prices and materials are shown and signed before the work on that order
// (repair-consents: its CONSENT_REQUIRED gate holds this order like an appliance order), and the hazard's file
// records the order. One transaction: the order, the link, the file's entry and the audit events.

export async function orderHazardRepair(ctx: AppContext, actor: Actor, id: string, input: { note: string }) {
  const h = await repo.hazardById(ctx.database.db, id);
  if (!h || h.enterpriseId !== actor.enterpriseId) throw notFound('hazard');
  const refuse = (code: string, zh: string, en: string) => {
    throw appError(code, { zh, en }, { clause: 'G-5.11.7' });
  };
  if (h.status !== 'open') refuse('HAZARD_CLOSED', '隐患已销号，无需委托维修', 'The hazard is closed');
  if (!h.customerId)
    refuse(
      'HAZARD_NO_CUSTOMER',
      '管网巡检发现的隐患由企业自行整改，不是用户委托的维修',
      'A hazard on the network is the company’s to fix, not a repair a customer asks for',
    );
  if (h.repairOrderId)
    refuse('REPAIR_ORDER_EXISTS', '该隐患已有委托维修工单', 'This hazard already has its repair order');
  const now = ctx.now();
  await new IntakeService(ctx).create(
    actor,
    {
      itemCode: 'gas_repair',
      channel: 'on_site',
      customerId: h.customerId!,
      callerName: h.customerName,
      callerPhone: undefined,
      address: undefined,
      externalRef: undefined,
      description: `隐患整改委托维修（G-5.11.7）：${h.description}${input.note ? `；${input.note}` : ''}`,
    },
    async (tx, orderId, orderNo) => {
      // Locked and read again: two clicks make one order (the second finds the link and rolls back).
      const row = await repo.lockHazard(tx, id);
      if (!row || row.repairOrderId || row.status !== 'open')
        refuse('REPAIR_ORDER_EXISTS', '该隐患已有委托维修工单', 'This hazard already has its repair order');
      await repo.updateHazard(tx, id, { repairOrderId: orderId });
      await repo.appendEvent(tx, {
        hazardId: id,
        enterpriseId: h.enterpriseId,
        type: 'repair_ordered',
        at: now,
        actorId: actor.id,
        data: { orderId, orderNo, reason: input.note },
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: h.enterpriseId,
        action: 'hazard.repair_ordered',
        entity: 'hazard',
        entityId: id,
        after: { orderId, orderNo },
      });
    },
  );
}
