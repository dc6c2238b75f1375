import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { supplyCoverage } from '../../../db/schema.ts';

// The network's coverage by community (G-5.3.1, G-6.1.1): append-only statements, the latest per enterprise and
// community in force, with the households already connected there counted from the customer archive.

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown) => (r as Rows<T>).rows;

export interface CoverageRow {
  id: number;
  enterprise_id: string;
  enterprise_name: string;
  district: string;
  community: string;
  covered: boolean;
  capacity_households: number | null;
  note: string;
  created_at: string | Date;
  connected: number;
}

const inForce = sql`(select distinct on (enterprise_id, community) * from supply_coverage
  order by enterprise_id, community, id desc)`;

/** Coverage in force, with households connected (open accounts with premises in the community). */
export async function coverageInForce(db: Db, q: { enterpriseId: string | null; community?: string }) {
  const r = await db.execute(sql`
    select c.id, c.enterprise_id, e.name as enterprise_name, c.district, c.community, c.covered,
      c.capacity_households, c.note, c.created_at,
      (select count(distinct p.customer_id)::int from premises p join customers cu on cu.id = p.customer_id
        where p.enterprise_id = c.enterprise_id and p.community = c.community and cu.status <> 'closed') as connected
    from ${inForce} c join enterprises e on e.id = c.enterprise_id
    where (${q.enterpriseId}::uuid is null or c.enterprise_id = ${q.enterpriseId}::uuid)
      and (${q.community ?? null}::text is null or c.community = ${q.community ?? null}::text)
    order by e.name, c.district, c.community`);
  return rowsOf<CoverageRow>(r);
}

/**
 * The coverage facts of an address for one enterprise: the community of the premises when known, otherwise the
 * stated community the address text names (a new applicant has no premises on file yet).
 */
export async function factsAt(
  db: Db,
  enterpriseId: string,
  at: { community: string | null; address: string },
) {
  const rows = await coverageInForce(db, { enterpriseId });
  const hit = at.community
    ? rows.find((r) => r.community === at.community)
    : rows
        .filter((r) => r.community && at.address.includes(r.community))
        .sort((a, b) => b.community.length - a.community.length)[0];
  return {
    community: hit?.community ?? at.community ?? '',
    coverage: hit ? { covered: hit.covered, capacityHouseholds: hit.capacity_households } : null,
    connected: hit ? Number(hit.connected) : 0,
  };
}

/** G-7.1.1: the pipeline gas enterprises whose network covers this community now. */
export async function pipelinesCovering(db: Db, community: string) {
  const r = await db.execute(sql`
    select e.id, e.name from ${inForce} c join enterprises e on e.id = c.enterprise_id
    where c.community = ${community} and c.covered and e.kind = 'pipeline_gas'
    order by e.name`);
  return rowsOf<{ id: string; name: string }>(r);
}

export async function insertCoverage(tx: Db, row: typeof supplyCoverage.$inferInsert) {
  const [out] = await tx.insert(supplyCoverage).values(row).returning();
  return out!;
}

export async function latestOf(db: Db, enterpriseId: string, community: string) {
  const [row] = await db
    .select()
    .from(supplyCoverage)
    .where(and(eq(supplyCoverage.enterpriseId, enterpriseId), eq(supplyCoverage.community, community)))
    .orderBy(sql`${supplyCoverage.id} desc`)
    .limit(1);
  return row ?? null;
}

/** The community of an order's premises, or of its customer's first premises; null when neither is on file. */
export async function communityOf(db: Db, premisesId: string | null, customerId: string | null) {
  if (!premisesId && !customerId) return null;
  const r = await db.execute(sql`
    select community from premises
    where (${premisesId}::uuid is not null and id = ${premisesId}::uuid)
       or (${premisesId}::uuid is null and customer_id = ${customerId}::uuid)
    order by id limit 1`);
  return rowsOf<{ community: string }>(r)[0]?.community || null;
}
