import type { WorkOrderEvent } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { enqueueNotification } from '../../platform/notifications/notifications.repository.ts';
import type { OrderRow } from './workorders.repository.ts';

/** Who H-10.4.4 names: the city government's hotline service unit. */
export const CITY_HOTLINE_UNIT = '淄博市 12345 政务服务便民热线';

/**
 * H-10.4.4: an unreasonable complaint is answered at once with its reason and basis, and reported to the city's
 * 12345 unit. Both go to the outbox in the judging transaction; a judgement repeated on the same order sends again
 * (each judgement is its own answer), a retry of the same one does not (the key names the judgement's time).
 */
export async function answerUnreasonable(tx: Db, row: OrderRow, event: WorkOrderEvent): Promise<void> {
  if (event.type !== 'complaint_judged' || event.reasonable) return;
  const key = `${row.id}:${event.at.toISOString()}`;
  const answer = `您的投诉（工单 ${row.orderNo}）经核查不属于合理投诉。原因：${event.reason}；依据：${event.basis}。如有异议，可拨打企业服务电话或 12345 反映。`;
  if (row.callerPhone) {
    await enqueueNotification(tx, {
      enterpriseId: row.enterpriseId,
      customerId: row.customerId,
      channel: 'sms',
      kind: 'complaint_unreasonable_answer',
      recipient: row.callerPhone,
      subject: `投诉答复 ${row.orderNo}`,
      body: answer,
      bodyEn: `Your complaint (order ${row.orderNo}) was found not reasonable. Reason: ${event.reason}; basis: ${event.basis}.`,
      refType: 'work_order',
      refId: row.id,
      dedupeKey: `complaint-answer:${key}`,
    });
  }
  await enqueueNotification(tx, {
    enterpriseId: row.enterpriseId,
    customerId: row.customerId,
    channel: 'letter',
    kind: 'complaint_12345_report',
    recipient: CITY_HOTLINE_UNIT,
    subject: `不合理投诉报备 ${row.orderNo}`,
    body: `工单 ${row.orderNo}（来电人 ${row.callerName}）经判定不属于合理投诉。原因：${event.reason}；依据：${event.basis}。已于判定时答复用户（H-10.4.4）。`,
    bodyEn: `Order ${row.orderNo} was judged not a reasonable complaint. Reason: ${event.reason}; basis: ${event.basis}. The caller was answered (H-10.4.4).`,
    refType: 'work_order',
    refId: row.id,
    dedupeKey: `complaint-12345:${key}`,
  });
}
