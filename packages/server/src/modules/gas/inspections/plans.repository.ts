import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { inspectionPlans, users } from '../../../db/schema.ts';

// The plan as set-wise SQL (G-5.11.1): the customers staged with their routes, one aggregate for the route loads, one
// INSERT … SELECT for every visit.

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
 * Stages each open customer of the plan with its route (community and building of its first premises by id; a gas
 * account has one, and a customer without premises walks route '') in a temporary table dropped at commit. The
 * route loads and the visits both read it, so the customers are matched to their premises once: DISTINCT ON is one
 * sort, where a LATERAL … ORDER BY id LIMIT 1 per customer walked the premises' key for every customer (minutes for
 * 20,000), and sorting twice cost a second of the 10-second budget for 1,000,000 customers.
 */
export async function stageRoutes(tx: Db, enterpriseId: string) {
  await tx.execute(sql`drop table if exists pg_temp.plan_routes, pg_temp.plan_owners`);
  await tx.execute(sql`
    create temp table plan_routes on commit drop as
    select row_number() over () as ord, c.id as customer_id, c.enterprise_id, c.kind, p.id as premises_id,
      coalesce(p.community, '') as community, coalesce(p.building, '') as building
    from customers c left join (
      select distinct on (customer_id) customer_id, id, community, building from premises
      where enterprise_id = ${enterpriseId} order by customer_id, id
    ) p on p.customer_id = c.id
    where c.enterprise_id = ${enterpriseId} and c.status <> 'closed'`);
  await tx.execute(sql`analyze pg_temp.plan_routes`);
}

/** Visits a year per staged route for the kinds in `perKind`. */
export async function routeLoads(tx: Db, perKind: Record<string, number>) {
  const r = await tx.execute(sql`
    with k(kind, n) as (select key, value::int from jsonb_each_text(${JSON.stringify(perKind)}::jsonb))
    select r.community, r.building, sum(k.n)::int as visits
    from pg_temp.plan_routes r join k on k.kind = r.kind
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
 * Every visit of the plan in one statement: each staged customer × its kind's windows, on its route's inspector.
 * `windows` rows are [kind, seq, from, to]; `owners` rows are [community, building, inspectorId].
 */
export async function insertVisits(
  tx: Db,
  planId: string,
  windows: [string, number, string, string][],
  owners: [string, string, string][],
): Promise<{ visits: number; customers: number }> {
  // The route owners staged and analyzed too, so the visits find theirs by a hash join: a join on a set from JSON has
  // no statistics (the planner's nested loop over routes × visits took minutes for 20,000 customers), and a lookup
  // per row in one JSON object of the owners cost 1.7 of the plan's seconds for 1,000,000 customers (measured).
  await tx.execute(sql`
    create temp table plan_owners on commit drop as
    select x->>0 as community, x->>1 as building, (x->>2)::uuid as inspector_id
    from jsonb_array_elements(${JSON.stringify(owners)}::jsonb) x`);
  await tx.execute(sql`analyze pg_temp.plan_owners`);
  // A visit's id is the n-th of one time-ordered run, n from the customer's staged position and the window (at most
  // 12): row_number() here would make a window step that copies every row once more.
  const r = await tx.execute(sql`
    with w as (
      select x->>0 as kind, (x->>1)::int as seq, (x->>2)::date as wfrom, (x->>3)::date as wto
      from jsonb_array_elements(${JSON.stringify(windows)}::jsonb) x
    ), base as materialized (select ranre_uuid_v7() as id), ins as (
      insert into inspection_visits (id, plan_id, enterprise_id, customer_id, premises_id, kind, seq, window_from,
        window_to, community, building, inspector_id)
      select ranre_uuid_v7_nth(base.id, r.ord * 16 + w.seq), ${planId}::uuid, r.enterprise_id, r.customer_id,
        r.premises_id, r.kind, w.seq, w.wfrom, w.wto, r.community, r.building, o.inspector_id
      from base cross join pg_temp.plan_routes r join w on w.kind = r.kind
        left join pg_temp.plan_owners o on o.community = r.community and o.building = r.building
      returning seq
    )
    -- Every kind has a first window, so a customer is a visit with seq 1 (no distinct over a million ids).
    select count(*)::int as visits, count(*) filter (where seq = 1)::int as customers from ins`);
  const row = rowsOf<{ visits: number; customers: number }>(r)[0]!;
  await tx.execute(sql`drop table pg_temp.plan_routes, pg_temp.plan_owners`);
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
