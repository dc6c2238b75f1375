import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { cylinderFills, cylinderFillScans, cylinders } from '../../../db/schema.ts';

export type ScanRow = typeof cylinderFillScans.$inferSelect;

/** The fill check's one read: the cylinder by its code (unique index). */
export async function factsByCode(db: Db, code: string) {
  const [row] = await db
    .select({
      id: cylinders.id,
      enterpriseId: cylinders.enterpriseId,
      model: cylinders.model,
      ratedFillG: cylinders.ratedFillG,
      toleranceG: cylinders.toleranceG,
      marking: cylinders.marking,
      nextInspectionOn: cylinders.nextInspectionOn,
      scrapDueOn: cylinders.scrapDueOn,
      lastInspectedOn: cylinders.lastInspectedOn,
      lastTreatedOn: cylinders.lastTreatedOn,
      scrappedOn: cylinders.scrappedOn,
      state: cylinders.state,
    })
    .from(cylinders)
    .where(eq(cylinders.code, code))
    .limit(1);
  return row;
}

/**
 * The scan and its audit event in one statement (one round trip, one commit): a filling line waits on this write, and
 * a single statement is as atomic as a transaction around the two inserts (G-7.1.6: every scan kept, with its audit).
 *
 * Measured (bench/cylinder-fill-check.bench.ts, pgbench on the same server): the read by code is ~0.5 ms, and almost
 * all of a scan's time is the commit waiting for its WAL flush (an insert commits in ~5.8 ms with the flush, ~0.5 ms
 * without; far more under load). So this one statement commits asynchronously (`synchronous_commit` off for its own
 * transaction only, set by the statement itself — set_config(…, true) lasts until its commit): the commit is still
 * atomic and in order, and the database can never be left inconsistent; only a crash of the database server itself
 * can lose the scans of its last moment (at most about three wal_writer_delay, 0.6 s by default), which the line then
 * simply scans again. The fill and its check after filling (`fill`) stay fully synchronous: they are the records.
 */
export async function recordScan(
  db: Db,
  s: Omit<typeof cylinderFillScans.$inferInsert, 'id'>,
  audit: { actorName: string; action: string },
): Promise<string> {
  const result = (await db.execute(sql`
    with async_commit as (
      select set_config('synchronous_commit', 'off', true) as v
    ), s as (
      insert into cylinder_fill_scans (enterprise_id, code, cylinder_id, station, outcome, reason, actor_id, scanned_at)
      select ${s.enterpriseId}::uuid, ${s.code}, ${s.cylinderId ?? null}::uuid, ${s.station}, ${s.outcome}, ${s.reason ?? null},
        ${s.actorId ?? null}::uuid, ${s.scannedAt.toISOString()}::timestamptz
      from async_commit
      returning id, code, reason
    ), a as (
      insert into audit_events (actor_id, actor_name, enterprise_id, action, entity, entity_id, after)
      select ${s.actorId ?? null}::uuid, ${audit.actorName}, ${s.enterpriseId}::uuid, ${audit.action}, 'cylinder_fill_scan',
        s.id::text, jsonb_build_object('code', s.code, 'reason', s.reason)
      from s
    )
    select id from s`)) as unknown as { rows: { id: string }[] };
  return String(result.rows[0]!.id);
}

export async function scanById(db: Db, id: string): Promise<ScanRow | undefined> {
  const [row] = await db.select().from(cylinderFillScans).where(eq(cylinderFillScans.id, id));
  return row;
}

export async function fillOfScan(db: Db, scanId: string) {
  const [row] = await db.select().from(cylinderFills).where(eq(cylinderFills.scanId, scanId));
  return row;
}

export async function insertFill(db: Db, values: typeof cylinderFills.$inferInsert) {
  const [row] = await db.insert(cylinderFills).values(values).returning();
  return row!;
}

interface Window {
  enterpriseId: string | null;
  start: Date;
  end: Date;
}

const inWindow = (w: Window) =>
  and(
    w.enterpriseId ? eq(cylinderFills.enterpriseId, w.enterpriseId) : undefined,
    gte(cylinderFills.filledAt, w.start),
    lt(cylinderFills.filledAt, w.end),
  );

export async function fillRates(db: Db, w: Window) {
  const [row] = await db
    .select({
      tested: sql<number>`count(*)::int`,
      leakFree: sql<number>`count(*) filter (where ${cylinderFills.leakFree})::int`,
      passed: sql<number>`count(*) filter (where ${cylinderFills.outcome} = 'pass')::int`,
    })
    .from(cylinderFills)
    .where(inWindow(w));
  return { tested: Number(row!.tested), leakFree: Number(row!.leakFree), passed: Number(row!.passed) };
}

export async function recentFills(db: Db, w: Window, limit: number) {
  return db
    .select({ fill: cylinderFills, code: cylinders.code })
    .from(cylinderFills)
    .innerJoin(cylinders, eq(cylinders.id, cylinderFills.cylinderId))
    .where(inWindow(w))
    .orderBy(desc(cylinderFills.filledAt))
    .limit(limit);
}

const refusedIn = (w: Window) =>
  and(
    w.enterpriseId ? eq(cylinderFillScans.enterpriseId, w.enterpriseId) : undefined,
    eq(cylinderFillScans.outcome, 'refused'),
    gte(cylinderFillScans.scannedAt, w.start),
    lt(cylinderFillScans.scannedAt, w.end),
  );

export async function refusals(db: Db, w: Window, limit: number) {
  const items = await db
    .select()
    .from(cylinderFillScans)
    .where(refusedIn(w))
    .orderBy(desc(cylinderFillScans.scannedAt))
    .limit(limit);
  const counts = await db
    .select({ reason: cylinderFillScans.reason, n: sql<number>`count(*)::int` })
    .from(cylinderFillScans)
    .where(refusedIn(w))
    .groupBy(cylinderFillScans.reason);
  return { items, counts: counts.map((c) => ({ reason: c.reason ?? '', n: Number(c.n) })) };
}
