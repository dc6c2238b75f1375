import { customerKindsOfClass, type PriceSchedule } from '@ranre/domain';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notifications, priceSchedules } from '../../../db/schema.ts';

export type PriceScheduleRow = typeof priceSchedules.$inferSelect;

export async function listSchedules(db: Db, q: { enterpriseId: string | null; customerClass?: string }) {
  const where: SQL[] = [eq(priceSchedules.sector, 'gas')];
  if (q.enterpriseId) where.push(eq(priceSchedules.enterpriseId, q.enterpriseId));
  if (q.customerClass) where.push(eq(priceSchedules.customerClass, q.customerClass));
  return db
    .select({
      schedule: priceSchedules,
      notified: sql<number>`(select count(*)::int from ${notifications} n
        where n.kind = 'price_change' and n.ref_type = 'price_schedule' and n.ref_id = ${priceSchedules}.id::text)`,
    })
    .from(priceSchedules)
    .where(and(...where))
    .orderBy(
      asc(priceSchedules.enterpriseId),
      asc(priceSchedules.customerClass),
      asc(priceSchedules.effectiveFrom),
    );
}

export async function findSchedule(db: Db, id: string) {
  const [row] = await db.select().from(priceSchedules).where(eq(priceSchedules.id, id));
  return row ?? null;
}

export async function insertSchedule(db: Db, values: typeof priceSchedules.$inferInsert) {
  const [row] = await db.insert(priceSchedules).values(values).returning();
  return row!;
}

/** The domain's schedules from rows: id, class, first day and tiers. */
export function toDomainSchedule(row: PriceScheduleRow): PriceSchedule {
  return {
    id: row.id,
    customerClass: row.customerClass,
    effectiveFrom: row.effectiveFrom,
    tiers: row.tiers,
    label: row.label,
  };
}

/**
 * The gas price schedules of one customer class of an enterprise, oldest first, as the domain's `PriceSchedule[]`
 * (what `priceUsage` / `priceAcrossTierYears` take). The billing run calls this.
 */
export async function schedulesFor(
  db: Db,
  enterpriseId: string,
  customerClass: string,
): Promise<PriceSchedule[]> {
  const rows = await db
    .select()
    .from(priceSchedules)
    .where(
      and(
        eq(priceSchedules.enterpriseId, enterpriseId),
        eq(priceSchedules.sector, 'gas'),
        eq(priceSchedules.customerClass, customerClass),
      ),
    )
    .orderBy(asc(priceSchedules.effectiveFrom));
  return rows.map(toDomainSchedule);
}

/**
 * G-6.2.4: every open account of the class is told of the new schedule — one INSERT … SELECT however large the
 * class; the dedupe key (schedule + customer) keeps a repeat from telling anyone twice. Returns how many were queued.
 */
export async function notifyClass(
  db: Db,
  n: {
    enterpriseId: string;
    scheduleId: string;
    customerClass: string;
    subject: string;
    body: string;
    bodyEn: string;
  },
): Promise<number> {
  const kinds = customerKindsOfClass(n.customerClass);
  if (kinds.length === 0) return 0;
  const result = await db.execute(sql`
    insert into notifications
      (enterprise_id, customer_id, channel, kind, recipient, subject, body, body_en, ref_type, ref_id, dedupe_key)
    select c.enterprise_id, c.id, 'sms', 'price_change', coalesce(c.phone, ''), ${n.subject}, ${n.body}, ${n.bodyEn},
      'price_schedule', ${n.scheduleId}, 'price_change:' || ${n.scheduleId} || ':' || c.id::text
    from customers c
    where c.enterprise_id = ${n.enterpriseId}
      and c.kind in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})
      and c.status <> 'closed'
    on conflict (enterprise_id, dedupe_key) do nothing
    returning id`);
  return rowCount(result);
}

function rowCount(result: unknown): number {
  const r = result as { rows?: unknown[]; affectedRows?: number; rowCount?: number };
  return r.rows?.length ?? r.affectedRows ?? r.rowCount ?? 0;
}
