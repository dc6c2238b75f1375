import { TERMINAL_STATES } from '@ranre/domain';
import { and, asc, eq, getTableColumns, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { insertFromJson, rowOfJson } from '../../../db/json-rows.ts';
import {
  complaints,
  customers,
  enterprises,
  staff,
  users,
  workOrderClocks,
  workOrderCounters,
  workOrderEvents,
  workOrders,
} from '../../../db/schema.ts';
import { auditInsertSql, type AuditInput } from '../../platform/audit/audit.repository.ts';
import type { FacilityOwner } from '@ranre/domain';
import type { ClockRow } from './order-clocks.ts';
import type { EventRow } from './order-log.ts';
import type { ComplaintRow, NewComplaint } from './related.repository.ts';

// SQL for work orders, their events and stored clocks. Callers pass the visibility condition (access.ts), so
// every read here is scoped by the caller.

export type OrderRow = typeof workOrders.$inferSelect;
export type NewOrder = typeof workOrders.$inferInsert;
export type NewEvent = typeof workOrderEvents.$inferInsert;
export type OrderView = OrderRow & {
  enterpriseName: string;
  customerName: string | null;
  ownerName: string | null;
  assigneeName: string | null;
};

const owner = alias(users, 'owner');
const assignee = alias(users, 'assignee');

function viewQuery<E extends Record<string, SQL>>(db: Db, extra?: E) {
  return db
    .select({
      ...getTableColumns(workOrders),
      enterpriseName: enterprises.name,
      customerName: customers.name,
      ownerName: owner.displayName,
      assigneeName: assignee.displayName,
      ...(extra as E),
    })
    .from(workOrders)
    .innerJoin(enterprises, eq(enterprises.id, workOrders.enterpriseId))
    .leftJoin(customers, eq(customers.id, workOrders.customerId))
    .leftJoin(owner, eq(owner.id, workOrders.ownerId))
    .leftJoin(assignee, eq(assignee.id, workOrders.assigneeId));
}

/**
 * The next order number of the enterprise for the day: G20261126-0001. The counter row is upserted, so two
 * concurrent intakes take different numbers (the second waits for the first's row lock); the unique index on
 * (enterprise, order_no) backs it up.
 */
export async function nextOrderNo(
  db: Db,
  enterpriseId: string,
  prefix: string,
  day: string,
): Promise<string> {
  const t = workOrderCounters;
  const [row] = await db
    .insert(t)
    .values({ enterpriseId, day, last: 1 })
    .onConflictDoUpdate({ target: [t.enterpriseId, t.day], set: { last: sql`${t.last} + 1` } })
    .returning({ last: t.last });
  return `${prefix}${day.replaceAll('-', '')}-${String(row!.last).padStart(4, '0')}`;
}

/** What one intake writes: the order (numbered in the statement), its events and clocks, its complaint row. */
export type IntakeWrite = {
  order: Omit<NewOrder, 'orderNo'> & { id: string };
  prefix: string;
  day: string;
  events: NewEvent[];
  clocks: (typeof workOrderClocks.$inferInsert)[];
  complaint: NewComplaint | null;
  audit: Omit<AuditInput, 'entityId'>;
};
export type IntakeRows = {
  order: OrderView;
  events: EventRow[];
  clocks: ClockRow[];
  complaint: ComplaintRow | null;
  /** The taker's staff badge (G-5.5.4: the reception script of the answer names it), read in the same statement. */
  staffBadge: string | null;
};

/**
 * An intake in one statement (issue 21): the number of the day, the order, its events, clocks and complaint row and
 * the audit event, returning every row written with the names the order's view shows, so nothing is read back. On
 * its own it is its own transaction, and the day's counter row is locked for that statement alone.
 *
 * The evaluation's triggers fire at the statement's end and see all of it, where separate statements saw the
 * order's rows one table at a time; the counts are the same because an intake's only ending event (a referral's
 * `referred`) comes with no clocks (its catalogue item times nothing), and a new complaint is never unreasonable.
 */
export async function insertIntake(db: Db, w: IntakeWrite): Promise<IntakeRows> {
  const c = workOrderCounters;
  const number = sql`(select ${`${w.prefix}${w.day.replaceAll('-', '')}-`} ||
    case when n.last < 10000 then lpad(n.last::text, 4, '0') else n.last::text end from n)`;
  const none = sql`select null::int where false`;
  const result = await db.execute(sql`
    with n as (
      insert into ${c} (enterprise_id, day, last) values (${w.order.enterpriseId}, ${w.day}, 1)
      on conflict (enterprise_id, day) do update set last = ${c}.last + 1
      returning last
    ), o as (${insertFromJson(workOrders, [{ ...w.order, orderNo: number }])} returning *),
    e as (${w.events.length ? sql`${insertFromJson(workOrderEvents, w.events)} returning *` : none}),
    k as (${w.clocks.length ? sql`${insertFromJson(workOrderClocks, w.clocks)} returning *` : none}),
    q as (${w.complaint ? sql`${insertFromJson(complaints, [w.complaint])} returning *` : none}),
    a as (${auditInsertSql(w.audit, sql`o.id`, sql`o`, sql`${JSON.stringify(w.audit.after ?? {})}::jsonb || jsonb_build_object('orderNo', o.order_no)`)})
    select row_to_json(o) as o,
      (select name from ${enterprises} where id = o.enterprise_id) as enterprise_name,
      (select name from ${customers} where id = o.customer_id) as customer_name,
      (select display_name from ${users} where id = o.owner_id) as owner_name,
      (select display_name from ${users} where id = o.assignee_id) as assignee_name,
      (select s.badge_no from ${users} u join ${staff} s on s.id = u.staff_id and s.enterprise_id = u.enterprise_id
        where u.id = ${w.audit.actor?.id ?? null}::uuid and s.active) as staff_badge,
      ${w.events.length ? sql`(select json_agg(e order by e.id) from e)` : sql`null`} as e,
      ${w.clocks.length ? sql`(select json_agg(k) from k)` : sql`null`} as k,
      ${w.complaint ? sql`(select row_to_json(q) from q)` : sql`null`} as q
    from o`);
  const r = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  const json = (v: unknown) => (v ?? []) as Record<string, unknown>[];
  return {
    order: {
      ...rowOfJson(workOrders, r.o as Record<string, unknown>),
      enterpriseName: r.enterprise_name as string,
      customerName: (r.customer_name as string | null) ?? null,
      ownerName: (r.owner_name as string | null) ?? null,
      assigneeName: (r.assignee_name as string | null) ?? null,
    },
    events: json(r.e).map((x) => rowOfJson(workOrderEvents, x)),
    clocks: json(r.k).map((x) => rowOfJson(workOrderClocks, x)),
    complaint: r.q ? rowOfJson(complaints, r.q as Record<string, unknown>) : null,
    staffBadge: (r.staff_badge as string | null) ?? null,
  };
}

export async function insertOrder(db: Db, values: NewOrder): Promise<OrderRow> {
  const [row] = await db.insert(workOrders).values(values).returning();
  return row!;
}

/** The row, locked for the rest of the transaction (SELECT … FOR UPDATE), if the caller may see it. */
export async function lockOrder(db: Db, id: string, visible: SQL | undefined): Promise<OrderRow | null> {
  const [row] = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.id, id), visible))
    .for('update');
  return row ?? null;
}

export async function findOrderView(db: Db, id: string, visible: SQL | undefined): Promise<OrderView | null> {
  const [row] = await viewQuery(db).where(and(eq(workOrders.id, id), visible));
  return row ?? null;
}

/** What the order's detail shows beside the order, read with it in one statement (`findOrderDetail`). */
export type OrderDetailRows = Omit<IntakeRows, 'staffBadge'> & {
  attachments: { id: string; kind: string; mime: string; createdAt: Date; createdBy: string | null }[];
  residentEntries: {
    kind: 'info' | 'rating' | 'reopen';
    text: string;
    rating: number | null;
    reopenedOrderId: string | null;
    at: string;
  }[];
  staffBadge: string | null;
  /** Display names of the people the events name (assignee, hand-over target); null: look them up. */
  names: Record<string, string> | null;
  facilityOwner: FacilityOwner | null;
  repairsHazard: boolean;
  consentSigned: boolean;
  measured: boolean;
};

/**
 * The order, if the caller may see it, with everything its detail shows — events, clocks, complaint, attachments,
 * resident entries, the reader's staff badge (the reception script), the facts of the consent and measurement
 * gates — in one statement: one round trip where the detail took two waves of eight reads (issue 21).
 */
export async function findOrderDetail(
  db: Db,
  id: string,
  visible: SQL | undefined,
  readerId: string,
): Promise<OrderDetailRows | null> {
  const o = sql`${workOrders.id}`;
  const [row] = await viewQuery(db, {
    events: sql<unknown>`(select json_agg(e order by e.id) from work_order_events e where e.order_id = ${o})`,
    clocks: sql<unknown>`(select json_agg(k) from work_order_clocks k where k.order_id = ${o})`,
    complaint: sql<unknown>`(select row_to_json(q) from complaints q where q.order_id = ${o})`,
    attachments: sql<unknown>`(select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'mime', a.mime,
      'createdAt', a.created_at, 'createdBy', a.created_by) order by a.created_at, a.id)
      from attachments a where a.order_id = ${o})`,
    residentEntries: sql<unknown>`(select json_agg(json_build_object('kind', r.kind, 'text', r.text,
      'rating', r.rating, 'reopenedOrderId', r.reopened_order_id, 'at', r.created_at) order by r.created_at, r.id)
      from resident_order_entries r where r.order_id = ${o})`,
    staffBadge: sql<string | null>`(select s.badge_no from users u join staff s on s.id = u.staff_id
      and s.enterprise_id = u.enterprise_id where u.id = ${readerId}::uuid and s.active)`,
    facilityOwner: sql<FacilityOwner | null>`(select f.owner from repair_facility_owners f
      where f.work_order_id = ${o} order by f.created_at desc limit 1)`,
    repairsHazard: sql<boolean>`exists (select 1 from hazards h where h.repair_order_id = ${o})`,
    consentSigned: sql<boolean>`exists (select 1 from repair_consents c where c.work_order_id = ${o})`,
    measured: sql<boolean>`exists (select 1 from temperature_measurements m where m.work_order_id = ${o})`,
    names: sql<Record<string, string> | null>`(select json_object_agg(u.id, u.display_name) from users u
      where u.id::text in (select x.v from work_order_events e
        cross join lateral (values (e.payload->>'assignee'), (e.payload->>'to')) x(v)
        where e.order_id = ${o} and x.v ~* '^[0-9a-f-]{36}$'))`,
  }).where(and(eq(workOrders.id, id), visible));
  if (!row) return null;
  const {
    events,
    clocks,
    complaint,
    attachments,
    residentEntries,
    staffBadge,
    facilityOwner,
    repairsHazard,
    consentSigned,
    measured,
    names,
    ...order
  } = row;
  const list = (v: unknown) => (v ?? []) as Record<string, unknown>[];
  return {
    order,
    staffBadge,
    facilityOwner,
    repairsHazard,
    consentSigned,
    measured,
    names: names ?? {},
    events: list(events).map((x) => rowOfJson(workOrderEvents, x)),
    clocks: list(clocks).map((x) => rowOfJson(workOrderClocks, x)),
    complaint: complaint ? rowOfJson(complaints, complaint as Record<string, unknown>) : null,
    attachments: list(attachments).map((a) => ({
      id: a.id as string,
      kind: a.kind as string,
      mime: a.mime as string,
      createdAt: new Date(a.createdAt as string),
      createdBy: (a.createdBy as string | null) ?? null,
    })),
    residentEntries: list(residentEntries).map((e) => ({
      kind: e.kind as 'info' | 'rating' | 'reopen',
      text: e.text as string,
      rating: (e.rating as number | null) ?? null,
      reopenedOrderId: (e.reopenedOrderId as string | null) ?? null,
      at: new Date(e.at as string).toISOString(),
    })),
  };
}

export type Sort = 'due' | 'received';
export type Cursor = { v: string | null; id: string };

/** A page of orders, keyset-paged: by due (soonest first, none last) or by receipt (newest first). */
export async function listOrderViews(
  db: Db,
  where: (SQL | undefined)[],
  sort: Sort,
  limit: number,
  cursor?: Cursor,
): Promise<OrderView[]> {
  const conditions = [...where];
  if (cursor) conditions.push(after(sort, cursor));
  const order =
    sort === 'due'
      ? [sql`${workOrders.nextDueAt} asc nulls last`, asc(workOrders.id)]
      : [sql`${workOrders.receivedAt} desc`, sql`${workOrders.id} desc`];
  return viewQuery(db)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit);
}

function after(sort: Sort, c: Cursor): SQL {
  const { nextDueAt: due, receivedAt: received, id } = workOrders;
  if (sort === 'received') {
    return sql`(${received}, ${id}) < (${c.v}::timestamptz, ${c.id}::uuid)`;
  }
  if (c.v === null) return sql`(${due} is null and ${id} > ${c.id}::uuid)`;
  return sql`(${due} > ${c.v}::timestamptz or (${due} = ${c.v}::timestamptz and ${id} > ${c.id}::uuid) or ${due} is null)`;
}

export const isOpen = () => notInArray(workOrders.state, [...TERMINAL_STATES]);

/** Writes the projection only if the row still has `version`, and bumps it. */
export async function updateOrder(
  db: Db,
  id: string,
  version: number,
  values: Partial<NewOrder>,
): Promise<boolean> {
  const rows = await db
    .update(workOrders)
    .set({ ...values, version: sql`${workOrders.version} + 1` })
    .where(and(eq(workOrders.id, id), eq(workOrders.version, version)))
    .returning({ id: workOrders.id });
  return rows.length === 1;
}

/** Fields the deadline watcher refreshes; it never bumps the version, so nobody's edit conflicts with it. */
export async function updateOrderClockFields(
  db: Db,
  id: string,
  values: { nextDueAt: Date | null; breached: boolean },
) {
  await db.update(workOrders).set(values).where(eq(workOrders.id, id));
}

export async function listEvents(db: Db, orderId: string): Promise<EventRow[]> {
  return db
    .select()
    .from(workOrderEvents)
    .where(eq(workOrderEvents.orderId, orderId))
    .orderBy(asc(workOrderEvents.id));
}

export async function listEventsOf(db: Db, orderIds: string[]): Promise<EventRow[]> {
  if (orderIds.length === 0) return [];
  return db
    .select()
    .from(workOrderEvents)
    .where(inArray(workOrderEvents.orderId, orderIds))
    .orderBy(asc(workOrderEvents.id));
}

export async function insertEvents(db: Db, rows: NewEvent[]): Promise<void> {
  if (rows.length > 0) await db.insert(workOrderEvents).values(rows);
}

/** The stored clocks of list rows: everything but the explanation, which only the order's detail shows. */
export async function clockBriefsOf(db: Db, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  const { explanation: _left, ...columns } = getTableColumns(workOrderClocks);
  void _left;
  return db.select(columns).from(workOrderClocks).where(inArray(workOrderClocks.orderId, orderIds));
}
export type ClockBriefRow = Awaited<ReturnType<typeof clockBriefsOf>>[number];

/**
 * Where the next board poll starts: the database's snapshot now (`xmin:xmax:in-progress ids`), taken before the read.
 * The next poll sends the rows whose last writing transaction this snapshot does not see (migration 0035), which is
 * exactly what changed since, whatever the order in which transactions committed.
 */
export async function boardCursor(db: Db): Promise<string> {
  const r = (await db.execute(sql`select pg_current_snapshot()::text as s`)) as unknown as {
    rows: { s: string }[];
  };
  return r.rows[0]!.s;
}

/** Board rows: the columns the dispatcher's screen shows and those that decide what it may see. */
export async function boardRows(db: Db, where: (SQL | undefined)[], limit: number, since?: string) {
  const conditions = [...where];
  if (since !== undefined) {
    conditions.push(
      sql`work_orders.change_xid >= pg_snapshot_xmin(${since}::pg_snapshot)`,
      sql`not pg_visible_in_snapshot(work_orders.change_xid, ${since}::pg_snapshot)`,
    );
  }
  return db
    .select({
      id: workOrders.id,
      enterpriseId: workOrders.enterpriseId,
      orderNo: workOrders.orderNo,
      itemCode: workOrders.itemCode,
      state: workOrders.state,
      isComplaint: workOrders.isComplaint,
      customerName: customers.name,
      callerName: workOrders.callerName,
      address: workOrders.address,
      ownerId: workOrders.ownerId,
      assigneeId: workOrders.assigneeId,
      assigneeName: assignee.displayName,
      receivedAt: workOrders.receivedAt,
      agreedAt: workOrders.agreedAt,
      nextDueAt: workOrders.nextDueAt,
      breached: workOrders.breached,
      version: workOrders.version,
    })
    .from(workOrders)
    .leftJoin(customers, eq(customers.id, workOrders.customerId))
    .leftJoin(assignee, eq(assignee.id, workOrders.assigneeId))
    .where(and(...conditions))
    .orderBy(sql`${workOrders.nextDueAt} asc nulls last`, asc(workOrders.id))
    .limit(limit);
}
export type BoardRow = Awaited<ReturnType<typeof boardRows>>[number];

export async function clocksOf(db: Db, orderIds: string[]): Promise<ClockRow[]> {
  if (orderIds.length === 0) return [];
  return db.select().from(workOrderClocks).where(inArray(workOrderClocks.orderId, orderIds));
}

/** Complaint orders whose responsibility is `r` (H-7.4.8); `undecided` is the regulator's queue. */
export function complaintResponsibility(r: string): SQL {
  return sql`exists (select 1 from complaints k where k.order_id = ${workOrders.id} and k.responsibility = ${r})`;
}
