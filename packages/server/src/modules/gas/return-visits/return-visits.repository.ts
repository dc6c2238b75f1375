import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { applianceReturnVisits, users } from '../../../db/schema.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Completed installations of an enterprise with the day (Shanghai) each was completed. */
export async function installations(db: Db, enterpriseId: string, orderId?: string) {
  const res =
    await db.execute(sql`select o.id, o.order_no, o.caller_name, coalesce(o.caller_phone, '') as caller_phone,
      coalesce(o.address, '') as address,
      to_char(max(e.at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as completed_on
    from work_orders o
    join work_order_events e on e.order_id = o.id and e.type = 'completed'
    where o.enterprise_id = ${enterpriseId}::uuid and o.item_code = 'appliance_installation'
      ${orderId ? sql`and o.id = ${orderId}::uuid` : sql``}
    group by o.id
    order by completed_on desc
    limit 500`);
  return rowsOf<{
    id: string;
    order_no: string;
    caller_name: string;
    caller_phone: string;
    address: string;
    completed_on: string;
  }>(res);
}

export async function visitsOf(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({ v: applianceReturnVisits, by: users.displayName })
    .from(applianceReturnVisits)
    .leftJoin(users, eq(users.id, applianceReturnVisits.createdBy))
    .where(inArray(applianceReturnVisits.workOrderId, orderIds));
}

export async function insertVisit(db: Db, values: typeof applianceReturnVisits.$inferInsert) {
  const [row] = await db.insert(applianceReturnVisits).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
