import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { emergencyWarningLevels, emergencyWarnings } from '../../../db/schema.ts';

export type WarningRow = typeof emergencyWarnings.$inferSelect;
export type LevelRow = typeof emergencyWarningLevels.$inferSelect;

export async function list(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(emergencyWarnings)
    .where(enterpriseId ? eq(emergencyWarnings.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(emergencyWarnings.createdAt))
    .limit(200);
}

export async function find(db: Db, id: string) {
  const [row] = await db.select().from(emergencyWarnings).where(eq(emergencyWarnings.id, id)).for('update');
  return row;
}

export async function insert(db: Db, values: typeof emergencyWarnings.$inferInsert): Promise<WarningRow> {
  const [row] = await db.insert(emergencyWarnings).values(values).returning();
  return row!;
}

export async function insertLevel(db: Db, values: typeof emergencyWarningLevels.$inferInsert) {
  await db.insert(emergencyWarningLevels).values(values);
}

export async function levelsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(emergencyWarningLevels)
    .where(inArray(emergencyWarningLevels.warningId, ids))
    .orderBy(asc(emergencyWarningLevels.id));
}

/**
 * G-5.12.6: one message per household of the communities on one channel, set-wise (as service notices do); the
 * outbox's unique (enterprise, dedupe key) makes a repeat harmless. Returns how many were queued.
 */
export async function queueHouseholds(
  tx: Db,
  m: {
    enterpriseId: string;
    warningId: string;
    channel: string;
    communities: string[];
    subject: string;
    body: string;
    bodyEn: string;
    key: string;
    at: Date;
  },
): Promise<number> {
  const result = await tx.execute(sql`
    with ins as (
      insert into notifications
        (enterprise_id, customer_id, channel, kind, recipient, subject, body, body_en, ref_type, ref_id, dedupe_key, created_at)
      select distinct on (c.id)
        c.enterprise_id, c.id, ${m.channel}, 'emergency_warning', c.phone, ${m.subject}, ${m.body}, ${m.bodyEn},
        'emergency_warning', ${m.warningId}, ${m.key} || c.id::text, ${m.at.toISOString()}::timestamptz
      from customers c
      join premises p on p.customer_id = c.id and p.enterprise_id = c.enterprise_id
      where c.enterprise_id = ${m.enterpriseId}
        and c.status <> 'closed'
        and coalesce(c.phone, '') <> ''
        and p.community in (select jsonb_array_elements_text(${JSON.stringify(m.communities)}::jsonb))
      order by c.id
      on conflict (enterprise_id, dedupe_key) do nothing
      returning 1
    )
    select count(*)::int as n from ins`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}
