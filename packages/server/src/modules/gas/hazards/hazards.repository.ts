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
  customerName: customers.name,
  accountNo: customers.accountNo,
  phone: customers.phone,
  // The customer's first premises, found through the customer index (an ORDER BY id LIMIT 1 may walk the key).
  address: sql<string>`coalesce((select (array_agg(p.address order by p.id))[1] from premises p where p.customer_id = ${hazards.customerId}), '')`,
  community: sql<string>`coalesce((select (array_agg(p.community order by p.id))[1] from premises p where p.customer_id = ${hazards.customerId}), '')`,
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
  if (q.community)
    where.push(
      sql`exists (select 1 from premises p where p.customer_id = ${hazards.customerId} and p.community = ${q.community})`,
    );
  const overdue = sql`(${hazards.status} = 'open' and ${hazards.dueAt} < ${q.now.toISOString()}::timestamptz)`;
  if (q.overdue) where.push(overdue);
  const rows = await db
    .select({ ...ledgerColumns, overdue: sql<boolean>`${overdue}`, total: sql<number>`count(*) over ()` })
    .from(hazards)
    .innerJoin(customers, eq(customers.id, hazards.customerId))
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
    .innerJoin(customers, eq(customers.id, hazards.customerId))
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
