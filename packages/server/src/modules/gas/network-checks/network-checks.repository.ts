import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  enterprises,
  odorantChecks,
  odorantThresholds,
  pressureChecks,
  pressureDraws,
  pressureStations,
} from '../../../db/schema.ts';

// Stations, draws and checks of the network (G-6.2.15, G-6.2.16). Draws and checks are only ever inserted.

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export type StationRow = typeof pressureStations.$inferSelect & { enterpriseName: string };

export async function listStations(db: Db, enterpriseId: string | null): Promise<StationRow[]> {
  return db
    .select({
      id: pressureStations.id,
      enterpriseId: pressureStations.enterpriseId,
      enterpriseName: enterprises.name,
      name: pressureStations.name,
      gasType: pressureStations.gasType,
      nearCommunities: pressureStations.nearCommunities,
      farCommunities: pressureStations.farCommunities,
      createdBy: pressureStations.createdBy,
      createdAt: pressureStations.createdAt,
    })
    .from(pressureStations)
    .innerJoin(enterprises, eq(enterprises.id, pressureStations.enterpriseId))
    .where(enterpriseId ? eq(pressureStations.enterpriseId, enterpriseId) : undefined)
    .orderBy(enterprises.name, pressureStations.name);
}

export async function stationById(db: Db, id: string) {
  const [row] = await db.select().from(pressureStations).where(eq(pressureStations.id, id));
  return row ?? null;
}

export async function insertStation(db: Db, values: typeof pressureStations.$inferInsert) {
  const [row] = await db.insert(pressureStations).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Each station's check days (Shanghai) at each end since `since`, for the round states. */
export async function checkDays(db: Db, stationIds: string[], since: Date) {
  if (stationIds.length === 0) return [];
  const res = await db.execute(sql`
    select station_id, position, to_char(checked_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day,
      max(checked_at) over (partition by station_id) as last_at
    from pressure_checks
    where station_id in (${sql.join(
      stationIds.map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) and checked_at >= ${since.toISOString()}::timestamptz`);
  return rowsOf<{ station_id: string; position: string; day: string; last_at: string | Date }>(res);
}

/** Active customers of the enterprise with premises in one of the communities: the households a draw picks from. */
export async function candidates(db: Db, enterpriseId: string, communities: string[]) {
  const res = await db.execute(sql`
    select distinct c.id::text as id from customers c join premises p on p.customer_id = c.id
    where c.enterprise_id = ${enterpriseId}::uuid and c.status = 'active'
      and p.community in (${sql.join(
        communities.map((x) => sql`${x}`),
        sql`, `,
      )})`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

export async function insertDraw(db: Db, values: typeof pressureDraws.$inferInsert) {
  const [row] = await db.insert(pressureDraws).values(values).returning();
  return row!;
}

export async function drawById(db: Db, id: string) {
  const [row] = await db.select().from(pressureDraws).where(eq(pressureDraws.id, id));
  return row ?? null;
}

export async function listDraws(db: Db, enterpriseId: string | null, limit = 50) {
  const res = await db.execute(sql`
    select d.id, s.name as station_name, d.drawn_at,
      jsonb_array_length(d.near) + jsonb_array_length(d.far) as households,
      (select count(*)::int from pressure_checks k where k.draw_id = d.id) as checked,
      (select count(*)::int from pressure_checks k where k.draw_id = d.id and k.passed) as passed
    from pressure_draws d join pressure_stations s on s.id = d.station_id
    ${enterpriseId ? sql`where d.enterprise_id = ${enterpriseId}::uuid` : sql``}
    order by d.drawn_at desc, d.id limit ${limit}`);
  return rowsOf<{
    id: string;
    station_name: string;
    drawn_at: string | Date;
    households: number;
    checked: number;
    passed: number;
  }>(res);
}

/** The drawn households with their first premises. */
export async function households(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const res = await db.execute(sql`
    select c.id::text as id, c.account_no, c.name,
      coalesce((select (array_agg(p.address order by p.id))[1] from premises p where p.customer_id = c.id), '') as address,
      coalesce((select (array_agg(p.community order by p.id))[1] from premises p where p.customer_id = c.id), '') as community
    from customers c where c.id in (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`);
  return rowsOf<{ id: string; account_no: string; name: string; address: string; community: string }>(res);
}

export async function checksOfDraw(db: Db, drawId: string) {
  return db.select().from(pressureChecks).where(eq(pressureChecks.drawId, drawId));
}

export async function insertPressureCheck(db: Db, values: typeof pressureChecks.$inferInsert) {
  const [row] = await db.insert(pressureChecks).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function currentThreshold(db: Db, enterpriseId: string) {
  const [row] = await db
    .select()
    .from(odorantThresholds)
    .where(eq(odorantThresholds.enterpriseId, enterpriseId))
    .orderBy(desc(odorantThresholds.createdAt), desc(odorantThresholds.id))
    .limit(1);
  return row ?? null;
}

export async function insertThreshold(db: Db, values: typeof odorantThresholds.$inferInsert) {
  const [row] = await db.insert(odorantThresholds).values(values).returning();
  return row!;
}

export async function insertOdorantCheck(db: Db, values: typeof odorantChecks.$inferInsert) {
  const [row] = await db.insert(odorantChecks).values(values).returning();
  return row!;
}

export async function listOdorantChecks(db: Db, enterpriseId: string | null, limit = 100) {
  return db
    .select({
      id: odorantChecks.id,
      enterpriseName: enterprises.name,
      location: odorantChecks.location,
      measuredMgM3: odorantChecks.measuredMgM3,
      minMgM3: odorantChecks.minMgM3,
      thresholdSource: odorantChecks.thresholdSource,
      passed: odorantChecks.passed,
      checkedAt: odorantChecks.checkedAt,
      checkedBy: odorantChecks.checkedBy,
      note: odorantChecks.note,
    })
    .from(odorantChecks)
    .innerJoin(enterprises, eq(enterprises.id, odorantChecks.enterpriseId))
    .where(enterpriseId ? eq(odorantChecks.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(odorantChecks.checkedAt), desc(odorantChecks.id))
    .limit(limit);
}
