import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  businessCessationSteps,
  businessCessations,
  enterprises,
  notifications,
  users,
} from '../../../db/schema.ts';

export type CessationRow = typeof businessCessations.$inferSelect;
export type StepRow = typeof businessCessationSteps.$inferSelect;

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown) => (r as Rows<T>).rows;

/** What a cessation leaves behind: open orders, warranties in force (not restarted by a redo), customers. */
export async function openCounts(db: Db, enterpriseId: string, today: string) {
  const r = await db.execute(sql`select
      (select count(*)::int from work_orders o
        where o.enterprise_id = ${enterpriseId} and o.state not in ('closed', 'cancelled')) as "openOrders",
      (select count(*)::int from warranties w
        where w.enterprise_id = ${enterpriseId} and w.starts_on <= ${today} and w.ends_on >= ${today}
          and not exists (select 1 from warranties l where l.restarts_warranty_id = w.id)) as "openWarranties",
      (select count(*)::int from customers c
        where c.enterprise_id = ${enterpriseId} and c.status = 'active') as "customers"`);
  const [row] = rowsOf<{ openOrders: number; openWarranties: number; customers: number }>(r);
  return row!;
}

export type Recipient = { phone: string; name: string; customerId: string | null };

/**
 * Who is told. G-6.2.14: every active customer of the pipeline company with a phone. G-9.3.2: everyone the
 * appliance company still owes something — a warranty in force on its work, an open order, an appliance sold whose
 * warranty runs — one message per phone.
 */
export async function recipients(db: Db, enterpriseId: string, clause: string, today: string) {
  if (clause === 'G-6.2.14') {
    const r = await db.execute(sql`select distinct on (c.phone) c.phone, c.name, c.id as "customerId"
      from customers c
      where c.enterprise_id = ${enterpriseId} and c.status = 'active' and coalesce(c.phone, '') <> ''
      order by c.phone, c.id`);
    return rowsOf<Recipient>(r);
  }
  const r = await db.execute(sql`select distinct on (phone) phone, name, "customerId" from (
      select coalesce(nullif(c.phone, ''), o.caller_phone) as phone, coalesce(c.name, o.caller_name) as name,
             c.id as "customerId"
        from warranties w
        join work_orders o on o.id = w.work_order_id
        left join customers c on c.id = w.customer_id
       where w.enterprise_id = ${enterpriseId} and w.starts_on <= ${today} and w.ends_on >= ${today}
         and not exists (select 1 from warranties l where l.restarts_warranty_id = w.id)
      union all
      select coalesce(nullif(c.phone, ''), o.caller_phone), coalesce(c.name, o.caller_name), c.id
        from work_orders o left join customers c on c.id = o.customer_id
       where o.enterprise_id = ${enterpriseId} and o.state not in ('closed', 'cancelled')
      union all
      select s.customer_phone, s.customer_name, null::uuid
        from appliance_sales s
       where s.enterprise_id = ${enterpriseId}
         and (s.sold_at at time zone 'Asia/Shanghai')::date + make_interval(months => s.warranty_months) >= ${today}::date
    ) t where coalesce(phone, '') <> '' order by phone, "customerId" nulls last`);
  return rowsOf<Recipient>(r);
}

export async function insertCessation(db: Db, values: typeof businessCessations.$inferInsert) {
  const [row] = await db.insert(businessCessations).values(values).returning();
  return row!;
}

export async function findCessation(db: Db, id: string) {
  const [row] = await db.select().from(businessCessations).where(eq(businessCessations.id, id));
  return row ?? null;
}

/** Locks the cessation so two steps on it are taken one after the other. */
export async function lockCessation(db: Db, id: string) {
  const [row] = await db.select().from(businessCessations).where(eq(businessCessations.id, id)).for('update');
  return row ?? null;
}

export async function listCessations(db: Db, enterpriseId: string | null, id?: string) {
  return db
    .select({
      c: businessCessations,
      enterpriseName: enterprises.name,
      enterpriseKind: enterprises.kind,
      filedBy: users.displayName,
    })
    .from(businessCessations)
    .innerJoin(enterprises, eq(enterprises.id, businessCessations.enterpriseId))
    .leftJoin(users, eq(users.id, businessCessations.filedBy))
    .where(
      and(
        enterpriseId ? eq(businessCessations.enterpriseId, enterpriseId) : undefined,
        id ? eq(businessCessations.id, id) : undefined,
      ),
    )
    .orderBy(desc(businessCessations.filedAt))
    .limit(200);
}

export async function stepsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ s: businessCessationSteps, by: users.displayName })
    .from(businessCessationSteps)
    .leftJoin(users, eq(users.id, businessCessationSteps.byUser))
    .where(inArray(businessCessationSteps.cessationId, ids))
    .orderBy(asc(businessCessationSteps.at));
}

export async function insertStep(db: Db, values: typeof businessCessationSteps.$inferInsert) {
  const [row] = await db.insert(businessCessationSteps).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** An open cessation of the enterprise: filed, not withdrawn or refused. */
export async function openCessationOf(db: Db, enterpriseId: string) {
  const r = await db.execute(sql`select c.id from business_cessations c
    where c.enterprise_id = ${enterpriseId}
      and not exists (select 1 from business_cessation_steps s
                       where s.cessation_id = c.id and s.step in ('withdrawn', 'rejected'))
    limit 1`);
  return rowsOf<{ id: string }>(r)[0] ?? null;
}

/** Queues outbox messages in one statement; a message already queued (same dedupe key) is skipped. */
export async function queueNotices(db: Db, rows: (typeof notifications.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const queued = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.enterpriseId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return queued.length;
}
