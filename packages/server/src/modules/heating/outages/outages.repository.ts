import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { heatingOutages } from '../../../db/schema.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** H-10.5.1: the heated area (m²) and households of the enterprise's premises in the communities named. */
export async function areaOf(db: Db, enterpriseId: string, communities: readonly string[]) {
  const res = await db.execute(sql`
    select coalesce(sum(p.heated_area_m2), 0)::text as area, count(*)::int as households,
      coalesce(jsonb_agg(distinct p.community), '[]'::jsonb) as found
    from premises p
    where p.enterprise_id = ${enterpriseId}::uuid and p.heated_area_m2 is not null
      and p.community in (${sql.join(
        communities.map((c) => sql`${c}`),
        sql`, `,
      )})`);
  const r = rowsOf<{ area: string; households: number; found: string[] | string }>(res)[0]!;
  const found = typeof r.found === 'string' ? (JSON.parse(r.found) as string[]) : r.found;
  return { areaM2: Number(r.area), households: Number(r.households), found };
}

export async function communities(db: Db, enterpriseId: string) {
  const res = await db.execute(sql`
    select p.community, count(*)::int as households, sum(p.heated_area_m2)::text as area
    from premises p
    where p.enterprise_id = ${enterpriseId}::uuid and p.heated_area_m2 is not null and p.community <> ''
    group by p.community order by p.community`);
  return rowsOf<{ community: string; households: number; area: string }>(res).map((r) => ({
    community: r.community,
    households: Number(r.households),
    heatedAreaM2: Number(r.area),
  }));
}

export async function incidentEnterprise(db: Db, incidentId: string): Promise<string | undefined> {
  const res = await db.execute(sql`select enterprise_id from incidents where id = ${incidentId}::uuid`);
  return rowsOf<{ enterprise_id: string }>(res)[0]?.enterprise_id;
}

export async function insert(db: Db, row: typeof heatingOutages.$inferInsert) {
  const [out] = await db.insert(heatingOutages).values(row).returning();
  return out!;
}

export async function byId(db: Db, id: string) {
  const res = await db.execute(sql`select * from heating_outages where id = ${id}::uuid for update`);
  return rowsOf<OutageRow>(res)[0];
}

/** Restored once: the row is changed only while it has no restore. */
export async function markRestored(db: Db, id: string, at: Date, by: string) {
  const res = await db.execute(sql`
    update heating_outages set restored_at = ${at.toISOString()}::timestamptz, restored_by = ${by}::uuid
    where id = ${id}::uuid and restored_at is null returning *`);
  return rowsOf<OutageRow>(res)[0];
}

export interface OutageRow {
  id: string;
  enterprise_id: string;
  communities: string[] | string;
  heated_area_m2: string;
  households: number;
  started_at: string | Date;
  restored_at: string | Date | null;
  company_caused: boolean;
  cause: string;
  incident_id: string | null;
  created_at: string | Date;
}

export async function list(
  db: Db,
  f: { enterpriseId: string | null; start?: Date; end?: Date },
  page: { limit: number; offset: number },
) {
  const where: SQL[] = [sql`true`];
  if (f.enterpriseId) where.push(sql`o.enterprise_id = ${f.enterpriseId}::uuid`);
  if (f.start) where.push(sql`coalesce(o.restored_at, 'infinity') > ${f.start.toISOString()}::timestamptz`);
  if (f.end) where.push(sql`o.started_at < ${f.end.toISOString()}::timestamptz`);
  const w = sql.join(where, sql` and `);
  const total = await db.execute(sql`select count(*)::int as n from heating_outages o where ${w}`);
  const rows = await db.execute(sql`
    select o.* from heating_outages o where ${w}
    order by o.started_at desc, o.id limit ${page.limit} offset ${page.offset}`);
  return { total: Number(rowsOf<{ n: number }>(total)[0]!.n), rows: rowsOf<OutageRow>(rows) };
}
