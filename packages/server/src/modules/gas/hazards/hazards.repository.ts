import type { HazardGrade } from '@ranre/domain';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, enterprises, hazardEvents, hazards } from '../../../db/schema.ts';

// Hazards: the ledger row (a projection) and its file of appended events (一患一档), written together.

export type HazardRow = typeof hazards.$inferSelect;

export async function insertHazard(tx: Db, h: typeof hazards.$inferInsert): Promise<HazardRow> {
  const [row] = await tx.insert(hazards).values(h).returning();
  return row!;
}

export async function appendEvent(
  tx: Db,
  e: {
    hazardId: string;
    enterpriseId: string;
    type: string;
    at: Date;
    actorId: string | null;
    data: Record<string, unknown>;
  },
) {
  await tx.insert(hazardEvents).values(e);
}

export async function lockHazard(tx: Db, id: string): Promise<HazardRow | null> {
  const [row] = await tx.select().from(hazards).where(eq(hazards.id, id)).for('update');
  return row ?? null;
}

export async function updateHazard(tx: Db, id: string, set: Partial<HazardRow>) {
  await tx.update(hazards).set(set).where(eq(hazards.id, id));
}

export async function eventsOf(db: Db, id: string) {
  return db.select().from(hazardEvents).where(eq(hazardEvents.hazardId, id)).orderBy(asc(hazardEvents.id));
}

const ledgerColumns = {
  id: hazards.id,
  enterpriseId: hazards.enterpriseId,
  enterpriseName: enterprises.name,
  customerId: hazards.customerId,
  customerName: sql<string>`coalesce(${customers.name}, '')`,
  accountNo: sql<string>`coalesce(${customers.accountNo}, '')`,
  phone: customers.phone,
  // The customer's first premises, found through the customer index (an ORDER BY id LIMIT 1 may walk the key); a
  // hazard on the network (G-5.11.10) has its place and its patrol's area instead.
  address: sql<string>`coalesce((select (array_agg(p.address order by p.id))[1] from premises p where p.customer_id = ${hazards.customerId}), ${hazards.location})`,
  community: sql<string>`coalesce((select (array_agg(p.community order by p.id))[1] from premises p where p.customer_id = ${hazards.customerId}), (select np.area from network_patrols np where np.id = ${hazards.patrolId}), '')`,
  patrolId: hazards.patrolId,
  location: hazards.location,
  repairOrderId: hazards.repairOrderId,
  item: hazards.item,
  grade: hazards.grade,
  responsible: hazards.responsible,
  description: hazards.description,
  foundAt: hazards.foundAt,
  dueAt: hazards.dueAt,
  status: hazards.status,
  notice: hazards.notice,
  reportedAt: hazards.reportedAt,
  closedAt: hazards.closedAt,
  extensions: hazards.extensions,
};

/** The ledger, overdue first (open and past the deadline), then by deadline. */
export async function ledger(
  db: Db,
  q: {
    enterpriseId: string | null;
    status?: 'open' | 'closed';
    grade?: HazardGrade;
    community?: string;
    overdue?: boolean;
    reported?: boolean;
    source?: 'patrol' | 'inspection';
    patrolId?: string;
    now: Date;
    limit: number;
    offset: number;
  },
) {
  const where: SQL[] = [];
  if (q.enterpriseId) where.push(eq(hazards.enterpriseId, q.enterpriseId));
  if (q.status) where.push(eq(hazards.status, q.status));
  if (q.grade) where.push(eq(hazards.grade, q.grade));
  if (q.reported) where.push(sql`${hazards.reportedAt} is not null`);
  if (q.source === 'patrol') where.push(sql`${hazards.patrolId} is not null`);
  if (q.source === 'inspection') where.push(sql`${hazards.patrolId} is null`);
  if (q.patrolId) where.push(eq(hazards.patrolId, q.patrolId));
  if (q.community)
    where.push(
      sql`(exists (select 1 from premises p where p.customer_id = ${hazards.customerId} and p.community = ${q.community})
        or exists (select 1 from network_patrols np where np.id = ${hazards.patrolId} and np.area = ${q.community}))`,
    );
  const overdue = sql`(${hazards.status} = 'open' and ${hazards.dueAt} < ${q.now.toISOString()}::timestamptz)`;
  if (q.overdue) where.push(overdue);
  const rows = await db
    .select({ ...ledgerColumns, overdue: sql<boolean>`${overdue}`, total: sql<number>`count(*) over ()` })
    .from(hazards)
    .leftJoin(customers, eq(customers.id, hazards.customerId))
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(overdue), asc(hazards.status), asc(hazards.dueAt))
    .limit(q.limit)
    .offset(q.offset);
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export async function hazardById(db: Db, id: string) {
  const [row] = await db
    .select(ledgerColumns)
    .from(hazards)
    .leftJoin(customers, eq(customers.id, hazards.customerId))
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .where(eq(hazards.id, id));
  return row ?? null;
}

/** The issuing company's name and the phones a notice prints. */
export async function issuerOf(db: Db, enterpriseId: string) {
  const [row] = await db
    .select({
      name: enterprises.name,
      hotline: enterprises.hotline,
      supervisionPhone: enterprises.supervisionPhone,
    })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  return row!;
}

/** The hazard a work order repairs (G-5.11.7), or null. */
export async function hazardOfRepairOrder(db: Db, orderId: string) {
  const [row] = await db.select({ id: hazards.id }).from(hazards).where(eq(hazards.repairOrderId, orderId));
  return row ?? null;
}

/** The repair order's number, state and the consent in force, for the hazard's file (G-5.11.7). */
export async function repairOrderOf(db: Db, orderId: string) {
  const r = await db.execute(sql`
    select o.id, o.order_no, o.state,
      (select c.charged_fen from repair_consents c where c.work_order_id = o.id order by c.signed_at desc, c.created_at desc limit 1) as charged_fen,
      (select c.signed_at from repair_consents c where c.work_order_id = o.id order by c.signed_at desc, c.created_at desc limit 1) as signed_at
    from work_orders o where o.id = ${orderId}`);
  const row = (r as unknown as { rows: Record<string, unknown>[] }).rows[0];
  if (!row) return null;
  return {
    id: String(row.id),
    orderNo: String(row.order_no),
    state: String(row.state),
    consentSignedAt: row.signed_at ? new Date(row.signed_at as string).toISOString() : null,
    chargedFen: row.charged_fen === null || row.charged_fen === undefined ? null : Number(row.charged_fen),
  };
}
