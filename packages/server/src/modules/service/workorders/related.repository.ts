import { and, asc, desc, eq, gt, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  certificates,
  temperatureMeasurements,
  attachments,
  complaints,
  customers,
  dutyShifts,
  enterprises,
  premises,
  staff,
  users,
  workOrderEvents,
  workOrders,
} from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import { ownCustomerIds } from './access.ts';

// SQL for what hangs off a work order: complaint rows, attachments, the people it is assigned to, the customer.

export type ComplaintRow = typeof complaints.$inferSelect;
export type NewComplaint = typeof complaints.$inferInsert;
export type AttachmentRow = typeof attachments.$inferSelect;

export async function findEnterprise(db: Db, id: string) {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row ?? null;
}

export async function updateComplaint(db: Db, orderId: string, values: Partial<NewComplaint>) {
  await db.update(complaints).set(values).where(eq(complaints.orderId, orderId));
}

/**
 * The same customer's earlier complaints (by account, or by phone when the caller has no account), each with
 * the time it was closed after its return visit — the resolution that restarts the repeat count (G-5.7.3).
 */
export async function priorComplaints(
  db: Db,
  enterpriseId: string,
  who: { customerId?: string; phone?: string },
) {
  const match = who.customerId
    ? eq(workOrders.customerId, who.customerId)
    : who.phone
      ? eq(workOrders.callerPhone, who.phone)
      : undefined;
  if (!match) return [];
  return db
    .select({
      orderNo: workOrders.orderNo,
      receivedAt: workOrders.receivedAt,
      resolvedAt: sql<Date | null>`(select max(e.at) from ${workOrderEvents} e
        where e.order_id = ${workOrders.id} and e.type = 'closed')`.mapWith((v) => (v ? new Date(v) : null)),
      measures: complaints.measures,
    })
    .from(workOrders)
    .leftJoin(complaints, eq(complaints.orderId, workOrders.id))
    .where(and(eq(workOrders.enterpriseId, enterpriseId), eq(workOrders.isComplaint, true), match))
    .orderBy(asc(workOrders.receivedAt));
}

export async function insertAttachment(db: Db, values: typeof attachments.$inferInsert) {
  const [row] = await db.insert(attachments).values(values).returning();
  return row!;
}

export async function listAttachments(db: Db, orderId: string) {
  return db
    .select({
      id: attachments.id,
      kind: attachments.kind,
      mime: attachments.mime,
      createdAt: attachments.createdAt,
      createdBy: attachments.createdBy,
    })
    .from(attachments)
    .where(eq(attachments.orderId, orderId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

export async function findAttachment(db: Db, id: string): Promise<AttachmentRow | null> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}

/** Active logins of the enterprise with one of these roles. */
export async function listUsersWithRoles(db: Db, enterpriseId: string, roles: readonly string[]) {
  return db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.enterpriseId, enterpriseId), eq(users.active, true), inArray(users.role, [...roles])))
    .orderBy(asc(users.role), asc(users.displayName));
}

export async function findUser(db: Db, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/**
 * G-5.6.1: the qualification certificates of the staff records these logins belong to (`users.staff_id`, the record
 * active and of the same enterprise), by user id. A login with no staff record has none, so it cannot be dispatched.
 */
export async function certificatesOfUsers(
  db: Db,
  enterpriseId: string,
  people: readonly { id: string }[],
): Promise<Map<string, { name: string; number: string; expiresOn: string }[]>> {
  const out = new Map<string, { name: string; number: string; expiresOn: string }[]>();
  if (people.length === 0) return out;
  const rows = await db
    .select({
      userId: users.id,
      name: certificates.name,
      number: certificates.number,
      expiresOn: certificates.expiresOn,
    })
    .from(users)
    .innerJoin(
      staff,
      and(eq(staff.id, users.staffId), eq(staff.enterpriseId, enterpriseId), eq(staff.active, true)),
    )
    .innerJoin(certificates, eq(certificates.staffId, staff.id))
    .where(
      inArray(
        users.id,
        people.map((p) => p.id),
      ),
    );
  for (const p of people) {
    out.set(
      p.id,
      rows
        .filter((r) => r.userId === p.id)
        .map((r) => ({ name: r.name, number: r.number, expiresOn: String(r.expiresOn) })),
    );
  }
  return out;
}

/** The badge of the staff record a login belongs to (`users.staff_id`, active), or null. */
export async function findStaffBadge(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ badgeNo: staff.badgeNo })
    .from(users)
    .innerJoin(staff, and(eq(staff.id, users.staffId), eq(staff.enterpriseId, users.enterpriseId)))
    .where(and(eq(users.id, userId), eq(staff.active, true)));
  return row?.badgeNo ?? null;
}

export async function findCustomer(db: Db, enterpriseId: string, id: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), eq(customers.enterpriseId, enterpriseId)));
  return row ?? null;
}

export async function findPremises(db: Db, customerId: string, id: string) {
  const [row] = await db
    .select()
    .from(premises)
    .where(and(eq(premises.id, id), eq(premises.customerId, customerId)));
  return row ?? null;
}

/** Whether a room-temperature measurement was recorded on this order (H-5.4.5). */
export async function hasMeasurement(db: Db, orderId: string): Promise<boolean> {
  const rows = await db
    .select({ id: temperatureMeasurements.id })
    .from(temperatureMeasurements)
    .where(eq(temperatureMeasurements.workOrderId, orderId))
    .limit(1);
  return rows.length > 0;
}

/** The phone on the customer's file: how the technician reaches a customer the agent found by address. */
export async function customerPhone(db: Db, customerId: string): Promise<string | null> {
  const [row] = await db
    .select({ phone: customers.phone })
    .from(customers)
    .where(eq(customers.id, customerId));
  return row?.phone ?? null;
}

/** The customer with this phone, when exactly one of the enterprise's accounts has it. */
export async function customerByPhone(db: Db, enterpriseId: string, phone: string) {
  let query = byPhoneQueries.get(db);
  if (!query) byPhoneQueries.set(db, (query = prepareByPhone(db)));
  const rows = await query.execute({ enterpriseId, phone });
  return rows.length === 1 ? rows[0]!.id : null;
}

// Prepared once per database (not per transaction): most calls reach the hotline's intake (issue 21).
const prepareByPhone = (db: Db) =>
  db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.enterpriseId, sql.placeholder('enterpriseId')),
        or(eq(customers.phone, sql.placeholder('phone')), eq(customers.phone2, sql.placeholder('phone'))),
      ),
    )
    .limit(2)
    .prepare('ranre_customer_by_phone');
const byPhoneQueries = new WeakMap<Db, ReturnType<typeof prepareByPhone>>();

/** A resident's own accounts (access.ts: bound after the binding check). */
export async function ownCustomers(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(sql`${customers.id} in ${ownCustomerIds(actor)}`)
    .orderBy(desc(customers.createdAt));
  return rows.map((r) => r.id);
}

/** The first address on file for the customer. */
export async function customerAddress(db: Db, customerId: string): Promise<string | null> {
  const [row] = await db
    .select({ address: premises.address })
    .from(premises)
    .where(eq(premises.customerId, customerId))
    .orderBy(asc(premises.createdAt), asc(premises.id))
    .limit(1);
  return row?.address ?? null;
}

/** The resident's own additions to the order (residents/orders), oldest first. */
/**
 * G-5.12.3, H-6.4.3, H-7.3.1: which of these logins are on a rush-repair shift of the enterprise at `at` — through
 * the staff record each login belongs to (`users.staff_id`), named on the shift.
 */
export async function onRushRepairDuty(
  db: Db,
  enterpriseId: string,
  userIds: readonly string[],
  at: Date,
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(
      dutyShifts,
      and(
        eq(dutyShifts.enterpriseId, enterpriseId),
        eq(dutyShifts.kind, 'rush_repair'),
        lte(dutyShifts.startsAt, at),
        gt(dutyShifts.endsAt, at),
        sql`${dutyShifts.staffIds} @> jsonb_build_array(${users.staffId}::text)`,
      ),
    )
    .where(inArray(users.id, [...userIds]));
  return new Set(rows.map((r) => r.id));
}
