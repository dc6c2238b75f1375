import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { inspectionPlans, users } from '../../../db/schema.ts';

// The plan as set-wise SQL (G-5.11.1): one aggregate for the route loads, one INSERT … SELECT for every visit.

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown) => (r as Rows<T>).rows;

export async function activeInspectors(db: Db, enterpriseId: string) {
  return db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.active, true), eq(users.role, 'inspector')))
    .orderBy(asc(users.displayName), asc(users.id));
}

/**
 * Each customer's premises: the first by id (a gas account has one); customers without premises walk route ''.
 * Set-wise (DISTINCT ON, then a hash join): a LATERAL … ORDER BY id LIMIT 1 per customer let the planner walk the
 * premises' primary key for every customer, minutes for 20,000 customers.
 */
const premisesOf = (enterpriseId: string) => sql`left join (
    select distinct on (customer_id) customer_id, id, community, building from premises
    where enterprise_id = ${enterpriseId} order by customer_id, id
  ) p on p.customer_id = c.id`;

/** Visits a year per route (community and building) for the kinds in `perKind`. */
export async function routeLoads(db: Db, enterpriseId: string, perKind: Record<string, number>) {
  const r = await db.execute(sql`
    with k(kind, n) as (select key, value::int from jsonb_each_text(${JSON.stringify(perKind)}::jsonb))
    select coalesce(p.community, '') as community, coalesce(p.building, '') as building, sum(k.n)::int as visits
    from customers c join k on k.kind = c.kind ${premisesOf(enterpriseId)}
    where c.enterprise_id = ${enterpriseId} and c.status <> 'closed'
    group by 1, 2`);
  return rowsOf<{ community: string; building: string; visits: number }>(r);
}

export async function insertPlan(
  tx: Db,
  p: {
    enterpriseId: string;
    year: number;
    perKind: Record<string, number>;
    inspectorIds: string[];
    createdBy: string | null;
    now: Date;
  },
) {
  const [row] = await tx
    .insert(inspectionPlans)
    .values({
      enterpriseId: p.enterpriseId,
      year: p.year,
      visitsPerKind: p.perKind,
      inspectorIds: p.inspectorIds,
      plannedCount: 0,
      customerCount: 0,
      createdBy: p.createdBy,
      createdAt: p.now,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/**
 * Every visit of the plan in one statement: customers × their kind's windows, each on its route's inspector.
 * `windows` rows are [kind, seq, from, to]; `owners` rows are [community, building, inspectorId].
 */
export async function insertVisits(
  tx: Db,
  planId: string,
  enterpriseId: string,
  windows: [string, number, string, string][],
  owners: [string, string, string][],
): Promise<{ visits: number; customers: number }> {
  // The route owners as one JSON object, parsed once (a materialized CTE) and looked up per row: a join on a set from
  // JSON has no statistics, and the planner's nested loop over routes × visits took minutes for 20,000 customers.
  const ownerOf = JSON.stringify(Object.fromEntries(owners.map(([c, b, id]) => [`${c}|${b}`, id])));
  const r = await tx.execute(sql`
    with own as materialized (select ${ownerOf}::jsonb as m), w as (
      select x->>0 as kind, (x->>1)::int as seq, (x->>2)::date as wfrom, (x->>3)::date as wto
      from jsonb_array_elements(${JSON.stringify(windows)}::jsonb) x
    ), ins as (
      insert into inspection_visits
        (plan_id, enterprise_id, customer_id, premises_id, kind, seq, window_from, window_to, community, building, inspector_id)
      select ${planId}::uuid, c.enterprise_id, c.id, p.id, c.kind, w.seq, w.wfrom, w.wto,
        coalesce(p.community, ''), coalesce(p.building, ''),
        (own.m ->> (coalesce(p.community, '') || '|' || coalesce(p.building, '')))::uuid
      from own cross join customers c join w on w.kind = c.kind ${premisesOf(enterpriseId)}
      where c.enterprise_id = ${enterpriseId} and c.status <> 'closed'
      returning customer_id
    )
    select count(*)::int as visits, count(distinct customer_id)::int as customers from ins`);
  const row = rowsOf<{ visits: number; customers: number }>(r)[0]!;
  await tx
    .update(inspectionPlans)
    .set({ plannedCount: row.visits, customerCount: row.customers })
    .where(eq(inspectionPlans.id, planId));
  return row;
}

export async function planOf(db: Db, enterpriseId: string | null, year: number) {
  const where = [eq(inspectionPlans.year, year)];
  if (enterpriseId) where.push(eq(inspectionPlans.enterpriseId, enterpriseId));
  return db
    .select()
    .from(inspectionPlans)
    .where(and(...where))
    .orderBy(asc(inspectionPlans.enterpriseId));
}

/**
 * Progress grouped by community, inspector or enterprise: the domain's planProgress counted in SQL (done = inspected;
 * overdue = not inspected and the window's last day before today, Beijing time).
 */
export async function progress(
  db: Db,
  q: {
    enterpriseId: string | null;
    year: number;
    by: 'community' | 'inspector' | 'enterprise';
    today: string;
  },
) {
  const key =
    q.by === 'community'
      ? sql`v.community`
      : q.by === 'inspector'
        ? sql`coalesce(u.display_name, '')`
        : sql`e.name`;
  const r = await db.execute(sql`
    select ${key} as key,
      count(*)::int as planned,
      count(v.inspected_at)::int as done,
      (count(*) - count(v.inspected_at))::int as outstanding,
      count(*) filter (where v.inspected_at is null and v.window_to < ${q.today}::date)::int as overdue,
      count(*) filter (where v.inspected_at is null and v.window_from <= ${q.today}::date)::int as due,
      count(*) filter (where v.state = 'refused')::int as refused,
      count(*) filter (where v.state in ('retry_needed', 'community_follow_up_due', 'community_followed_up'))::int as not_reached
    from inspection_visits v
    join inspection_plans pl on pl.id = v.plan_id and pl.year = ${q.year}
    join enterprises e on e.id = v.enterprise_id
    left join users u on u.id = v.inspector_id
    where (${q.enterpriseId}::uuid is null or v.enterprise_id = ${q.enterpriseId}::uuid)
    group by 1 order by 1`);
  return rowsOf<{
    key: string;
    planned: number;
    done: number;
    outstanding: number;
    overdue: number;
    due: number;
    refused: number;
    not_reached: number;
  }>(r);
}
