import { catalogueItem, formatShanghai, type WorkOrderEvent } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { queueHouseholds } from '../../platform/notifications/notifications.repository.ts';
import { boundContact } from './step-notices.repository.ts';

// G-5.8.3, H-7.5.6: a resident is told of each step of an order on his account. The work-order event endpoint calls
// `tellResident` in the same transaction as the step: an SMS to the phone on file goes into the outbox (the sender
// job delivers it), once per order, step and version (dedupe key).

/** The steps a resident is told of, with the SMS text. */
export const TOLD_STEPS: Record<string, { zh: string; en: string }> = {
  dispatched: {
    zh: '已派单，工作人员将按承诺时间与您联系',
    en: 'has been dispatched; staff will contact you in the committed time',
  },
  accepted: { zh: '工作人员已接单，正在处理', en: 'has been taken up by our staff' },
  // G-5.9.2: a visit booked from the phone (or agreed on the phone) is confirmed with its time.
  appointment_agreed: { zh: '已与您约定上门时间', en: 'has a visit time agreed with you' },
  completed: {
    zh: '已处理完毕，欢迎在线评价；如不满意，可在 7 天内在线重新打开',
    en: 'is done; rate it online, or reopen it online within 7 days if not satisfied',
  },
};

export async function tellResident(
  tx: Db,
  order: {
    id: string;
    enterpriseId: string;
    customerId: string | null;
    orderNo: string;
    itemCode: string;
    version: number;
  },
  event: Pick<WorkOrderEvent, 'type'> & { agreedAt?: Date },
): Promise<void> {
  const step = TOLD_STEPS[event.type];
  const text =
    step && event.agreedAt
      ? {
          zh: `${step.zh}：${formatShanghai(event.agreedAt)}`,
          en: `${step.en}: ${formatShanghai(event.agreedAt)}`,
        }
      : step;
  if (!text || !order.customerId) return;
  const contact = await boundContact(tx, order.customerId);
  if (!contact?.phone) return;
  const item = catalogueItem(order.itemCode).name;
  await queueHouseholds(tx, {
    enterpriseId: order.enterpriseId,
    households: { customerId: order.customerId, phone: contact.phone },
    channel: 'sms',
    kind: 'work_order_step',
    subject: `工单 ${order.orderNo}`,
    body: `【${contact.enterpriseName}】您的${item.zh}工单 ${order.orderNo} ${text.zh}。`,
    bodyEn: `Your ${item.en} order ${order.orderNo} ${text.en}.`,
    refType: 'work_order',
    refId: order.id,
    dedupeKey: `work-order-step:${order.id}:${event.type}:${order.version}`,
    perCustomer: false,
  });
}
