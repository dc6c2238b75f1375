import { sql, type SQL } from 'drizzle-orm';
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

/** Whom a fan-out reaches. */
export type Households =
  /** Every household (customer not closed) with premises in one of the communities. */
  | { communities: string[] }
  /** Every household with premises in the building. */
  | { community: string; building: string }
  /** The households of these inspection visits (their premises' address for a letter). */
  | { visitIds: string[] }
  /** One customer; `phone` (the resident's bound phone) instead of the one on file, when given. */
  | { customerId: string; phone?: string };

export type FanOut = {
  enterpriseId: string;
  households: Households;
  /**
   * `sms_or_letter`: an SMS to the phone on file, otherwise a letter to the premises address. Any other channel
   * reaches only the households with a phone (the recipient is that phone).
   */
  channel: NotificationChannel | 'sms_or_letter';
  kind: string;
  subject: string;
  body: string;
  bodyEn: string;
  refType: string;
  refId: string;
  /** The dedupe key; the customer id is appended (one message per household) unless `perCustomer` is false. */
  dedupeKey: string;
  perCustomer?: boolean;
  /** When it was queued (the app's clock); the database's clock if not given. */
  at?: Date;
};

/**
 * The one outbox fan-out (service notices, inspection announcements, emergency warnings, work-order step notices,
 * building notices): one message per household in a single INSERT … SELECT, inside the caller's transaction. The
 * outbox's unique (enterprise, dedupe key) makes a repeated call a no-op. Returns how many were queued.
 */
export async function queueHouseholds(tx: Db, m: FanOut): Promise<number> {
  const h = m.households;
  const fixedPhone = 'customerId' in h && h.phone ? h.phone : null;
  const letterFallback = m.channel === 'sms_or_letter';
  const channel = letterFallback
    ? sql`case when coalesce(c.phone, '') <> '' then 'sms' else 'letter' end`
    : sql`${m.channel}`;
  const recipient = fixedPhone
    ? sql`${fixedPhone}`
    : letterFallback
      ? sql`coalesce(nullif(c.phone, ''), coalesce(p.address, ''))`
      : sql`c.phone`;
  const key = m.perCustomer === false ? sql`${m.dedupeKey}` : sql`${m.dedupeKey} || c.id::text`;
  const at = m.at ? sql`${m.at.toISOString()}::timestamptz` : sql`now()`;
  const conditions: SQL[] = [sql`c.enterprise_id = ${m.enterpriseId}::uuid`];
  if (!fixedPhone && !letterFallback) conditions.push(sql`coalesce(c.phone, '') <> ''`);
  let from: SQL;
  if ('communities' in h || 'building' in h) {
    from = sql`customers c join premises p on p.customer_id = c.id and p.enterprise_id = c.enterprise_id`;
    conditions.push(sql`c.status <> 'closed'`);
    conditions.push(
      'building' in h
        ? sql`p.community = ${h.community} and p.building = ${h.building}`
        : sql`p.community in (select jsonb_array_elements_text(${JSON.stringify(h.communities)}::jsonb))`,
    );
  } else if ('visitIds' in h) {
    if (h.visitIds.length === 0) return 0;
    from = sql`inspection_visits v join customers c on c.id = v.customer_id left join premises p on p.id = v.premises_id`;
    conditions.push(
      sql`v.id in (${sql.join(
        h.visitIds.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    );
  } else {
    from = sql`customers c left join premises p on p.customer_id = c.id and p.enterprise_id = c.enterprise_id`;
    conditions.push(sql`c.id = ${h.customerId}::uuid`);
  }
  const result = await tx.execute(sql`
    with ins as (
      insert into notifications
        (enterprise_id, customer_id, channel, kind, recipient, subject, body, body_en, ref_type, ref_id, dedupe_key, created_at)
      select distinct on (c.id)
        c.enterprise_id, c.id, ${channel}, ${m.kind}, ${recipient}, ${m.subject}, ${m.body}, ${m.bodyEn},
        ${m.refType}, ${m.refId}, ${key}, ${at}
      from ${from}
      where ${sql.join(conditions, sql` and `)}
      order by c.id, p.address
      on conflict (enterprise_id, dedupe_key) do nothing
      returning 1
    )
    select count(*)::int as n from ins`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}
