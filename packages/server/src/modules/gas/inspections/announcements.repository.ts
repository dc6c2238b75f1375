import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, inspectionAnnouncements, inspectionVisits, staff, users } from '../../../db/schema.ts';

// G-5.11.2: the visits an announcement covers, marked in one UPDATE, and their households told in one
// INSERT … SELECT into the outbox (SMS to the phone on file, otherwise a letter), once per announcement.

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Open visits of the route whose window holds the day, locked while they are announced. */
export async function routeVisits(
  tx: Db,
  q: { enterpriseId: string; community: string; building: string; day: string },
) {
  const res = await tx.execute(sql`
    select v.id, v.inspector_id from inspection_visits v
    where v.enterprise_id = ${q.enterpriseId}::uuid and v.community = ${q.community} and v.building = ${q.building}
      and v.window_from <= ${q.day}::date and v.window_to >= ${q.day}::date and v.inspected_at is null
    order by v.id for update`);
  return rowsOf<{ id: string; inspector_id: string | null }>(res);
}

/**
 * The inspector's name and badge (G-5.11.2: he shows who he is): the staff record his login belongs to
 * (`users.staff_id`, same enterprise, active); null when he has none.
 */
export async function inspectorCard(db: Db, userId: string) {
  const [row] = await db
    .select({ name: staff.name, badgeNo: staff.badgeNo })
    .from(users)
    .innerJoin(
      staff,
      and(eq(staff.id, users.staffId), eq(staff.enterpriseId, users.enterpriseId), eq(staff.active, true)),
    )
    .where(eq(users.id, userId));
  return row ?? null;
}

export async function issuer(db: Db, enterpriseId: string) {
  const [row] = await db
    .select({ name: enterprises.name, hotline: enterprises.hotline })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row!;
}

export async function insertAnnouncement(tx: Db, values: typeof inspectionAnnouncements.$inferInsert) {
  const [row] = await tx.insert(inspectionAnnouncements).values(values).returning();
  return row!;
}

/** Marks the visits announced and queues one message per household; returns how many were queued. */
export async function announce(
  tx: Db,
  a: { announcementId: string; visitIds: string[]; day: string; text: { zh: string; en: string }; at: Date },
) {
  if (a.visitIds.length === 0) return 0;
  const ids = sql.join(
    a.visitIds.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`update inspection_visits set announced_on = ${a.day}::date where id in (${ids})`);
  const res = await tx.execute(sql`
    with ins as (
      insert into notifications
        (enterprise_id, customer_id, channel, kind, recipient, subject, body, body_en, ref_type, ref_id, dedupe_key, created_at)
      select distinct on (c.id) c.enterprise_id, c.id,
        case when coalesce(c.phone, '') <> '' then 'sms' else 'letter' end, 'inspection_announcement',
        coalesce(nullif(c.phone, ''), coalesce(p.address, '')), '入户安全检查告知', ${a.text.zh}, ${a.text.en},
        'inspection_announcement', ${a.announcementId}, 'inspection-announcement:' || ${a.announcementId} || ':' || c.id::text,
        ${a.at.toISOString()}::timestamptz
      from inspection_visits v join customers c on c.id = v.customer_id
      left join premises p on p.id = v.premises_id
      where v.id in (${ids})
      order by c.id
      on conflict (enterprise_id, dedupe_key) do nothing
      returning 1)
    select count(*)::int as n from ins`);
  return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0);
}

export async function listAnnouncements(db: Db, enterpriseId: string | null, limit = 100) {
  return db
    .select()
    .from(inspectionAnnouncements)
    .where(enterpriseId ? eq(inspectionAnnouncements.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(inspectionAnnouncements.plannedOn), desc(inspectionAnnouncements.createdAt))
    .limit(limit);
}

export async function announcementById(db: Db, id: string) {
  const [row] = await db.select().from(inspectionAnnouncements).where(eq(inspectionAnnouncements.id, id));
  return row ?? null;
}

export async function setAgreed(tx: Db, visitId: string, enterpriseId: string, at: Date) {
  const [row] = await tx
    .update(inspectionVisits)
    .set({ agreedAt: at })
    .where(and(eq(inspectionVisits.id, visitId), eq(inspectionVisits.enterpriseId, enterpriseId)))
    .returning();
  return row ?? null;
}

/** The confirmation of an agreed time to the one household. */
export async function queueOne(
  tx: Db,
  m: {
    enterpriseId: string;
    customerId: string;
    visitId: string;
    text: { zh: string; en: string };
    at: Date;
  },
) {
  await tx.execute(sql`
    insert into notifications
      (enterprise_id, customer_id, channel, kind, recipient, subject, body, body_en, ref_type, ref_id, dedupe_key, created_at)
    select c.enterprise_id, c.id, case when coalesce(c.phone, '') <> '' then 'sms' else 'letter' end,
      'inspection_appointment', coalesce(nullif(c.phone, ''), ''), '安检时间确认', ${m.text.zh}, ${m.text.en},
      'inspection_visit', ${m.visitId}, 'inspection-appointment:' || ${m.visitId} || ':' || ${m.at.toISOString()},
      ${m.at.toISOString()}::timestamptz
    from customers c where c.id = ${m.customerId}::uuid
    on conflict (enterprise_id, dedupe_key) do nothing`);
}
