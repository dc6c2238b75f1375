import type { VisitState } from '@ranre/domain';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  customers,
  hazards,
  inspectionPlans,
  inspectionRecords,
  inspectionVisits,
  premises,
} from '../../../db/schema.ts';

// Planned visits, their records and the inspector's route.

export type VisitRow = typeof inspectionVisits.$inferSelect;
export type RecordRow = typeof inspectionRecords.$inferSelect;

export async function lockVisit(tx: Db, id: string): Promise<VisitRow | null> {
  const [row] = await tx.select().from(inspectionVisits).where(eq(inspectionVisits.id, id)).for('update');
  return row ?? null;
}

export async function findRecord(db: Db, id: string): Promise<RecordRow | null> {
  const [row] = await db.select().from(inspectionRecords).where(eq(inspectionRecords.id, id));
  return row ?? null;
}

/** Appends the record; null when a record with that id is already there (a queue sent it again). */
export async function insertRecord(
  tx: Db,
  r: typeof inspectionRecords.$inferInsert,
): Promise<RecordRow | null> {
  const [row] = await tx.insert(inspectionRecords).values(r).onConflictDoNothing().returning();
  return row ?? null;
}

export async function attemptsOf(tx: Db, visitId: string) {
  return tx
    .select({ outcome: inspectionRecords.outcome, at: inspectionRecords.at })
    .from(inspectionRecords)
    .where(eq(inspectionRecords.visitId, visitId))
    .orderBy(asc(inspectionRecords.at));
}

export async function project(
  tx: Db,
  id: string,
  p: Pick<VisitRow, 'state' | 'attempts' | 'lastOutcome' | 'lastAttemptAt' | 'inspectedAt' | 'followUp'>,
) {
  await tx.update(inspectionVisits).set(p).where(eq(inspectionVisits.id, id));
}

export async function customerOf(db: Db, id: string) {
  const [row] = await db
    .select({
      id: customers.id,
      enterpriseId: customers.enterpriseId,
      kind: customers.kind,
      name: customers.name,
    })
    .from(customers)
    .where(eq(customers.id, id));
  return row ?? null;
}

const visitColumns = {
  id: inspectionVisits.id,
  customerId: inspectionVisits.customerId,
  kind: inspectionVisits.kind,
  seq: inspectionVisits.seq,
  windowFrom: inspectionVisits.windowFrom,
  windowTo: inspectionVisits.windowTo,
  community: inspectionVisits.community,
  building: inspectionVisits.building,
  inspectorId: inspectionVisits.inspectorId,
  state: inspectionVisits.state,
  attempts: inspectionVisits.attempts,
  lastOutcome: inspectionVisits.lastOutcome,
  lastAttemptAt: inspectionVisits.lastAttemptAt,
  inspectedAt: inspectionVisits.inspectedAt,
  followUp: inspectionVisits.followUp,
  announcedOn: inspectionVisits.announcedOn,
  agreedAt: inspectionVisits.agreedAt,
  /** The time the household last proposed from its phone (residents/bookings), for the staff to agree. */
  residentProposedAt: sql<string | null>`(select rb.proposed_at from resident_bookings rb
    where rb.visit_id = ${inspectionVisits.id} order by rb.created_at desc limit 1)`,
  customerName: customers.name,
  accountNo: customers.accountNo,
  phone: customers.phone,
  address: sql<string>`coalesce(${premises.address}, '')`,
};

/**
 * The inspector's route for `today`: his visits whose window has opened and that are not inspected yet, by community
 * and building, then address (the order he walks them).
 */
export async function routeOf(db: Db, inspectorId: string, today: string, limit: number) {
  return db
    .select(visitColumns)
    .from(inspectionVisits)
    .innerJoin(customers, eq(customers.id, inspectionVisits.customerId))
    .leftJoin(premises, eq(premises.id, inspectionVisits.premisesId))
    .where(
      and(
        eq(inspectionVisits.inspectorId, inspectorId),
        sql`${inspectionVisits.windowFrom} <= ${today}::date`,
        sql`${inspectionVisits.inspectedAt} is null`,
        sql`${inspectionVisits.state} <> 'community_followed_up'`,
      ),
    )
    .orderBy(
      asc(inspectionVisits.windowTo),
      asc(inspectionVisits.community),
      asc(inspectionVisits.building),
      asc(premises.address),
    )
    .limit(limit);
}

export async function listVisits(
  db: Db,
  q: {
    enterpriseId: string | null;
    year: number;
    state?: VisitState;
    community?: string;
    limit: number;
    offset: number;
  },
) {
  const where = [eq(inspectionPlans.year, q.year)];
  if (q.enterpriseId) where.push(eq(inspectionVisits.enterpriseId, q.enterpriseId));
  if (q.state) where.push(eq(inspectionVisits.state, q.state));
  if (q.community) where.push(eq(inspectionVisits.community, q.community));
  const rows = await db
    .select({ ...visitColumns, total: sql<number>`count(*) over ()` })
    .from(inspectionVisits)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionVisits.planId))
    .innerJoin(customers, eq(customers.id, inspectionVisits.customerId))
    .leftJoin(premises, eq(premises.id, inspectionVisits.premisesId))
    .where(and(...where))
    .orderBy(
      asc(inspectionVisits.windowTo),
      asc(inspectionVisits.community),
      asc(premises.address),
      asc(inspectionVisits.seq),
    )
    .limit(q.limit)
    .offset(q.offset);
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

/** The last records of these customers (their history on the inspector's phone), newest first. */
export async function historyOf(db: Db, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return db
    .select({
      customerId: inspectionRecords.customerId,
      outcome: inspectionRecords.outcome,
      at: inspectionRecords.at,
      note: inspectionRecords.note,
    })
    .from(inspectionRecords)
    .where(inArray(inspectionRecords.customerId, customerIds))
    .orderBy(desc(inspectionRecords.at))
    .limit(customerIds.length * 5);
}

export async function openHazardsOf(db: Db, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return db
    .select({
      id: hazards.id,
      customerId: hazards.customerId,
      item: hazards.item,
      grade: hazards.grade,
      description: hazards.description,
      dueAt: hazards.dueAt,
    })
    .from(hazards)
    .where(and(inArray(hazards.customerId, customerIds), eq(hazards.status, 'open')))
    .orderBy(asc(hazards.dueAt));
}

/**
 * G-5.11.3: the latest inspected record, the open serious or major hazards of a customer, and when the home was
 * last renovated (an inspection before it no longer counts).
 */
export async function supplyFacts(db: Db, customerId: string) {
  const r = await db.execute(sql`
    select
      (select max(at) from inspection_records where customer_id = ${customerId}
         and outcome in ('inspected', 'refused_to_sign', 'refused_notice')) as last_passed_at,
      (select count(*)::int from hazards where customer_id = ${customerId}
         and status = 'open' and grade in ('serious', 'major')) as open_serious,
      (select max(renovated_at) from premises where customer_id = ${customerId}) as renovated_at`);
  const row = (
    r as unknown as {
      rows: {
        last_passed_at: string | Date | null;
        open_serious: number;
        renovated_at: string | Date | null;
      }[];
    }
  ).rows[0]!;
  return {
    lastPassedAt: row.last_passed_at ? new Date(row.last_passed_at) : null,
    openSeriousHazards: Number(row.open_serious),
    renovatedAt: row.renovated_at ? new Date(row.renovated_at) : null,
  };
}

/** G-5.11.3: marks the customer's premises renovated at `at` (all of them when none is named); the ids marked. */
export async function markRenovated(tx: Db, customerId: string, premisesId: string | null, at: Date) {
  const r = await tx.execute(sql`
    update premises set renovated_at = ${at.toISOString()}::timestamptz
    where customer_id = ${customerId} and (${premisesId}::uuid is null or id = ${premisesId}::uuid)
    returning id`);
  return (r as unknown as { rows: { id: string }[] }).rows.map((x) => x.id);
}
