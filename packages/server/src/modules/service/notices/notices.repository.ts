import { and, asc, count, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  customers,
  enterprises,
  notifications,
  premises,
  serviceNoticeRevisions,
  serviceNotices,
} from '../../../db/schema.ts';

export type NoticeRow = typeof serviceNotices.$inferSelect;
export type NoticeWithEnterprise = NoticeRow & { enterpriseName: string; hotline: string };

export const REF_TYPE = 'service_notice';
const INTERRUPTIONS = ['planned_interruption', 'unplanned_interruption'];

const withEnterprise = {
  notice: serviceNotices,
  enterpriseName: enterprises.name,
  hotline: enterprises.hotline,
};
const flat = (r: { notice: NoticeRow; enterpriseName: string; hotline: string }): NoticeWithEnterprise => ({
  ...r.notice,
  enterpriseName: r.enterpriseName,
  hotline: r.hotline,
});

/** 'GG20261126-003': the enterprise's notices of that Shanghai day, numbered. */
export async function nextNoticeNo(tx: Db, enterpriseId: string, day: string): Promise<string> {
  const prefix = `GG${day.replaceAll('-', '')}-`;
  const [row] = await tx
    .select({ n: count() })
    .from(serviceNotices)
    .where(
      and(
        eq(serviceNotices.enterpriseId, enterpriseId),
        sql`${serviceNotices.noticeNo} like ${prefix + '%'}`,
      ),
    );
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(3, '0')}`;
}

export async function insertNotice(tx: Db, values: typeof serviceNotices.$inferInsert): Promise<NoticeRow> {
  const [row] = await tx.insert(serviceNotices).values(values).returning();
  return row!;
}

export async function insertRevision(tx: Db, values: typeof serviceNoticeRevisions.$inferInsert) {
  await tx.insert(serviceNoticeRevisions).values(values);
}

export async function lockNotice(tx: Db, id: string): Promise<NoticeRow | undefined> {
  const [row] = await tx.select().from(serviceNotices).where(eq(serviceNotices.id, id)).for('update');
  return row;
}

export async function updateNotice(tx: Db, id: string, fields: Partial<typeof serviceNotices.$inferInsert>) {
  await tx.update(serviceNotices).set(fields).where(eq(serviceNotices.id, id));
}

const recipientsOf = sql<number>`(select count(*)::int from ${notifications} n
  where n.ref_type = ${REF_TYPE} and n.ref_id = ${serviceNotices.id}::text)`;

export async function listNotices(
  db: Db,
  q: { enterpriseId: string | null; kind?: string; status?: string },
): Promise<(NoticeWithEnterprise & { recipients: number })[]> {
  const where: SQL[] = [];
  if (q.enterpriseId) where.push(eq(serviceNotices.enterpriseId, q.enterpriseId));
  if (q.kind) where.push(eq(serviceNotices.kind, q.kind));
  if (q.status) where.push(eq(serviceNotices.status, q.status));
  const rows = await db
    .select({ ...withEnterprise, recipients: recipientsOf })
    .from(serviceNotices)
    .innerJoin(enterprises, eq(enterprises.id, serviceNotices.enterpriseId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(serviceNotices.publishedAt))
    .limit(500);
  return rows.map((r) => ({ ...flat(r), recipients: Number(r.recipients) }));
}

export async function getNotice(db: Db, id: string): Promise<NoticeWithEnterprise | undefined> {
  const [row] = await db
    .select(withEnterprise)
    .from(serviceNotices)
    .innerJoin(enterprises, eq(enterprises.id, serviceNotices.enterpriseId))
    .where(eq(serviceNotices.id, id));
  return row ? flat(row) : undefined;
}

/** The notice's outbox rows by status, and how many were overrun notices. */
export async function outboxCounts(db: Db, id: string) {
  const rows = await db
    .select({ status: notifications.status, kind: notifications.kind, n: count() })
    .from(notifications)
    .where(and(eq(notifications.refType, REF_TYPE), eq(notifications.refId, id)))
    .groupBy(notifications.status, notifications.kind);
  const by = (s: string) => rows.filter((r) => r.status === s).reduce((a, r) => a + Number(r.n), 0);
  const total = rows.reduce((a, r) => a + Number(r.n), 0);
  const overrun = rows.filter((r) => r.kind.endsWith('overrun')).reduce((a, r) => a + Number(r.n), 0);
  return { queued: by('queued'), sent: by('sent'), failed: by('failed'), total, overrun };
}

export async function listRevisions(db: Db, id: string) {
  return db
    .select()
    .from(serviceNoticeRevisions)
    .where(eq(serviceNoticeRevisions.noticeId, id))
    .orderBy(asc(serviceNoticeRevisions.revision));
}

export async function listMessages(db: Db, id: string, limit = 50) {
  return db
    .select({
      id: notifications.id,
      channel: notifications.channel,
      kind: notifications.kind,
      recipient: notifications.recipient,
      customerName: customers.name,
      status: notifications.status,
      createdAt: notifications.createdAt,
      sentAt: notifications.sentAt,
    })
    .from(notifications)
    .leftJoin(customers, eq(customers.id, notifications.customerId))
    .where(and(eq(notifications.refType, REF_TYPE), eq(notifications.refId, id)))
    .orderBy(desc(notifications.createdAt), asc(notifications.id))
    .limit(limit);
}

/** The communities of the enterprise's premises, with how many households each holds (the form's picker). */
export async function listCommunities(db: Db, enterpriseId: string) {
  const rows = await db
    .select({
      community: premises.community,
      district: sql<string>`min(${premises.district})`,
      households: sql<number>`count(distinct ${premises.customerId})::int`,
    })
    .from(premises)
    .innerJoin(customers, eq(customers.id, premises.customerId))
    .where(
      and(
        eq(premises.enterpriseId, enterpriseId),
        sql`${premises.community} <> ''`,
        sql`${customers.status} <> 'closed'`,
      ),
    )
    .groupBy(premises.community)
    .orderBy(asc(premises.community));
  return rows.map((r) => ({ ...r, households: Number(r.households) }));
}

/** Is the notice current on the public board (else it is shown among the recent ones)? */
export function isCurrent(r: NoticeRow, now: Date): boolean {
  if (INTERRUPTIONS.includes(r.kind)) {
    return (
      r.status === 'published' ||
      (r.actualRestoreAt !== null && r.actualRestoreAt.getTime() > now.getTime() - DAY)
    );
  }
  return r.startsAt.getTime() > now.getTime() - 7 * DAY;
}

const DAY = 86_400_000;

/**
 * The public board: interruptions not yet restored (or restored within a day), filling and commissioning notices until
 * a week after they start — and, as "recent", whatever was published in the last 45 days.
 */
export async function publicNotices(db: Db, now: Date, sector?: string): Promise<NoticeWithEnterprise[]> {
  const shown = or(
    and(inArray(serviceNotices.kind, INTERRUPTIONS), eq(serviceNotices.status, 'published')),
    gt(serviceNotices.publishedAt, new Date(now.getTime() - 45 * DAY)),
    gt(serviceNotices.startsAt, new Date(now.getTime() - 7 * DAY)),
  )!;
  const rows = await db
    .select(withEnterprise)
    .from(serviceNotices)
    .innerJoin(enterprises, eq(enterprises.id, serviceNotices.enterpriseId))
    .where(sector ? and(shown, eq(serviceNotices.sector, sector)) : shown)
    .orderBy(desc(serviceNotices.publishedAt))
    .limit(200);
  return rows.map(flat);
}

/** Interruptions past their expected restore, not restored, not yet told of the overrun (H-6.4.5, G-6.2.12 e). */
export async function dueOverruns(db: Db, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: serviceNotices.id })
    .from(serviceNotices)
    .where(
      and(
        eq(serviceNotices.status, 'published'),
        isNull(serviceNotices.overrunNotifiedAt),
        isNull(serviceNotices.actualRestoreAt),
        lt(serviceNotices.expectedRestoreAt, now),
        inArray(serviceNotices.kind, INTERRUPTIONS),
      ),
    )
    .orderBy(asc(serviceNotices.expectedRestoreAt))
    .limit(200);
  return rows.map((r) => r.id);
}

/**
 * The notices that concern one customer now (H-7.3.7): current interruptions of the customer's company covering a
 * community of one of the customer's premises, and filling or commissioning from 3 days before to 7 days after.
 */
export async function noticesForCustomer(db: Db, customerId: string, enterpriseId: string | null, now: Date) {
  const covers = sql`exists (select 1 from ${premises} p where p.customer_id = ${customerId}
    and ${serviceNotices.communities} @> jsonb_build_array(p.community))`;
  const current = or(
    and(inArray(serviceNotices.kind, INTERRUPTIONS), eq(serviceNotices.status, 'published')),
    and(
      inArray(serviceNotices.kind, ['filling', 'commissioning']),
      gt(serviceNotices.startsAt, new Date(now.getTime() - 3 * DAY)),
      lt(serviceNotices.startsAt, new Date(now.getTime() + 7 * DAY)),
    ),
  )!;
  const owner = sql`${serviceNotices.enterpriseId} = (select c.enterprise_id from ${customers} c where c.id = ${customerId})`;
  const rows = await db
    .select(withEnterprise)
    .from(serviceNotices)
    .innerJoin(enterprises, eq(enterprises.id, serviceNotices.enterpriseId))
    .where(
      and(owner, covers, current, enterpriseId ? eq(serviceNotices.enterpriseId, enterpriseId) : undefined),
    )
    .orderBy(desc(serviceNotices.publishedAt))
    .limit(20);
  return rows.map(flat);
}
