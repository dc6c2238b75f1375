import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { buildingHeatingNotices, enterprises } from '../../../db/schema.ts';

export type NoticeRow = typeof buildingHeatingNotices.$inferSelect;

export async function list(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(buildingHeatingNotices)
    .where(enterpriseId ? eq(buildingHeatingNotices.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(buildingHeatingNotices.createdAt))
    .limit(300);
}

export async function find(db: Db, id: string) {
  const [row] = await db.select().from(buildingHeatingNotices).where(eq(buildingHeatingNotices.id, id));
  return row;
}

export async function insert(db: Db, values: typeof buildingHeatingNotices.$inferInsert): Promise<NoticeRow> {
  const [row] = await db.insert(buildingHeatingNotices).values(values).returning();
  return row!;
}

export async function issuer(db: Db, enterpriseId: string) {
  const [row] = await db
    .select({ name: enterprises.name, hotline: enterprises.hotline })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row!;
}

/**
 * H-6.3.4: the households of the building told through the outbox, one SMS each, set-wise (as warnings and service
 * notices do); the outbox's unique (enterprise, dedupe key) makes a repeat harmless. Returns how many were queued.
 */
export async function queueHouseholds(
  tx: Db,
  m: {
    enterpriseId: string;
    noticeId: string;
    community: string;
    building: string;
    subject: string;
    body: string;
    bodyEn: string;
    at: Date;
  },
): Promise<number> {
  const result = await tx.execute(sql`
    with ins as (
      insert into notifications
        (enterprise_id, customer_id, channel, kind, recipient, subject, body, body_en, ref_type, ref_id, dedupe_key, created_at)
      select distinct on (c.id)
        c.enterprise_id, c.id, 'sms', 'building_heating_notice', c.phone, ${m.subject}, ${m.body}, ${m.bodyEn},
        'building_heating_notice', ${m.noticeId}, 'building-notice:' || ${m.noticeId} || ':' || c.id::text,
        ${m.at.toISOString()}::timestamptz
      from customers c
      join premises p on p.customer_id = c.id and p.enterprise_id = c.enterprise_id
      where c.enterprise_id = ${m.enterpriseId}
        and c.status <> 'closed'
        and coalesce(c.phone, '') <> ''
        and p.community = ${m.community}
        and p.building = ${m.building}
      order by c.id
      on conflict (enterprise_id, dedupe_key) do nothing
      returning 1
    )
    select count(*)::int as n from ins`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}
