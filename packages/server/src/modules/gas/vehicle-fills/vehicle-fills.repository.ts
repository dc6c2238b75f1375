import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { vehicleFillChecks, vehicleFills } from '../../../db/schema.ts';

export type CheckRow = typeof vehicleFillChecks.$inferSelect;
export type FillRow = typeof vehicleFills.$inferSelect;

export async function insertCheck(db: Db, values: typeof vehicleFillChecks.$inferInsert) {
  const [row] = await db.insert(vehicleFillChecks).values(values).returning();
  return row!;
}

export async function checkById(db: Db, id: string) {
  const [row] = await db.select().from(vehicleFillChecks).where(eq(vehicleFillChecks.id, id));
  return row;
}

export async function fillOfCheck(db: Db, checkId: string) {
  const [row] = await db.select().from(vehicleFills).where(eq(vehicleFills.checkId, checkId));
  return row;
}

export async function insertFill(db: Db, values: typeof vehicleFills.$inferInsert) {
  const [row] = await db.insert(vehicleFills).values(values).returning();
  return row!;
}

export interface Window {
  enterpriseId: string | null;
  start: Date;
  end: Date;
  plate?: string | undefined;
}

const fillsIn = (w: Window) =>
  and(
    w.enterpriseId ? eq(vehicleFills.enterpriseId, w.enterpriseId) : undefined,
    w.plate ? eq(vehicleFills.plate, w.plate) : undefined,
    gte(vehicleFills.filledAt, w.start),
    lt(vehicleFills.filledAt, w.end),
  );
const checksIn = (w: Window) =>
  and(
    w.enterpriseId ? eq(vehicleFillChecks.enterpriseId, w.enterpriseId) : undefined,
    w.plate ? eq(vehicleFillChecks.plate, w.plate) : undefined,
    gte(vehicleFillChecks.checkedAt, w.start),
    lt(vehicleFillChecks.checkedAt, w.end),
  );

export async function counts(db: Db, w: Window) {
  const [f] = await db
    .select({
      fills: sql<number>`count(*)::int`,
      leakFree: sql<number>`count(*) filter (where ${vehicleFills.leakFree})::int`,
    })
    .from(vehicleFills)
    .where(fillsIn(w));
  const [c] = await db
    .select({
      checks: sql<number>`count(*)::int`,
      refused: sql<number>`count(*) filter (where ${vehicleFillChecks.outcome} = 'refused')::int`,
      unregistered: sql<number>`count(*) filter (where ${vehicleFillChecks.outcome} = 'unregistered')::int`,
      reminded: sql<number>`count(*) filter (where jsonb_array_length(${vehicleFillChecks.reminders}) > 0)::int`,
    })
    .from(vehicleFillChecks)
    .where(checksIn(w));
  const byReason = await db.execute(sql`
    select f->>'reason' as reason, count(distinct k.id)::int as n
    from vehicle_fill_checks k cross join jsonb_array_elements(k.findings) f
    where k.outcome = 'refused' and k.checked_at >= ${w.start.toISOString()}::timestamptz
      and k.checked_at < ${w.end.toISOString()}::timestamptz
      ${w.enterpriseId ? sql`and k.enterprise_id = ${w.enterpriseId}::uuid` : sql``}
      ${w.plate ? sql`and k.plate = ${w.plate}` : sql``}
    group by 1 order by 1`);
  return {
    counts: {
      fills: Number(f!.fills),
      leakFree: Number(f!.leakFree),
      checks: Number(c!.checks),
      refused: Number(c!.refused),
      reminded: Number(c!.reminded),
      unregistered: Number(c!.unregistered),
    },
    refusalCounts: (byReason as unknown as { rows: { reason: string; n: number }[] }).rows.map((r) => ({
      reason: r.reason,
      n: Number(r.n),
    })),
  };
}

export async function recentFills(db: Db, w: Window, limit: number) {
  return db.select().from(vehicleFills).where(fillsIn(w)).orderBy(desc(vehicleFills.filledAt)).limit(limit);
}

/** The checks worth reading again: refusals, reminders and unregistered plates (accepted ones are in the fills). */
export async function notableChecks(db: Db, w: Window, limit: number) {
  return db
    .select()
    .from(vehicleFillChecks)
    .where(
      and(
        checksIn(w),
        sql`(${vehicleFillChecks.outcome} <> 'accepted' or jsonb_array_length(${vehicleFillChecks.reminders}) > 0)`,
      ),
    )
    .orderBy(desc(vehicleFillChecks.checkedAt))
    .limit(limit);
}
