import type { Db } from '../../../db/client.ts';
import { notifications } from '../../../db/schema.ts';

export type NotificationChannel = 'sms' | 'wechat' | 'letter' | 'app';

export type NotificationInput = {
  enterpriseId: string;
  customerId?: string | null;
  channel: NotificationChannel;
  /** What it is: 'overdue_reminder', 'price_change', 'heating_interruption', 'filling_notice' … */
  kind: string;
  recipient?: string;
  subject: string;
  body: string;
  bodyEn?: string;
  refType?: string;
  refId?: string;
  /** Same key, same enterprise → one message, however often a schedule fires. */
  dedupeKey: string;
};

/**
 * Queues a message in the outbox; call it inside the transaction that causes it. Returns false when a message with
 * the same dedupe key was queued before (a scheduled reminder that already went out is not sent twice).
 */
export async function enqueueNotification(tx: Db, n: NotificationInput): Promise<boolean> {
  const rows = await tx
    .insert(notifications)
    .values({
      enterpriseId: n.enterpriseId,
      customerId: n.customerId ?? null,
      channel: n.channel,
      kind: n.kind,
      recipient: n.recipient ?? '',
      subject: n.subject,
      body: n.body,
      bodyEn: n.bodyEn ?? '',
      refType: n.refType ?? null,
      refId: n.refId ?? null,
      dedupeKey: n.dedupeKey,
    })
    .onConflictDoNothing({ target: [notifications.enterpriseId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return rows.length > 0;
}
