import { addDays } from '@ranre/domain';
import { and, asc, desc, eq, ilike, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, meterEvents, meters, premises, users } from '../../../db/schema.ts';

export type MeterRow = typeof meters.$inferSelect;
export type MeterView = MeterRow & {
  customerName: string | null;
  accountNo: string | null;
  address: string | null;
};

const withCustomer = {
  meter: meters,
  customerName: customers.name,
  accountNo: customers.accountNo,
  address: premises.address,
};

function flat(r: {
  meter: MeterRow;
  customerName: string | null;
  accountNo: string | null;
  address: string | null;
}) {
  return { ...r.meter, customerName: r.customerName, accountNo: r.accountNo, address: r.address };
}

export async function findMeter(db: Db, id: string, forUpdate = false): Promise<MeterRow | null> {
  const q = db.select().from(meters).where(eq(meters.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findMeterView(db: Db, id: string): Promise<MeterView | null> {
  const [row] = await db
    .select(withCustomer)
    .from(meters)
    .leftJoin(customers, eq(customers.id, meters.customerId))
    .leftJoin(premises, eq(premises.id, meters.premisesId))
    .where(eq(meters.id, id));
  return row ? flat(row) : null;
}

export async function findBySerial(db: Db, enterpriseId: string, serialNo: string): Promise<MeterRow | null> {
  const [row] = await db
    .select()
    .from(meters)
    .where(and(eq(meters.enterpriseId, enterpriseId), eq(meters.serialNo, serialNo)));
  return row ?? null;
}

export async function listMeters(
  db: Db,
  q: {
    enterpriseId: string | null;
    q?: string;
    customerId?: string;
    status?: string;
    dueBy?: string;
    prepaid?: boolean;
    limit: number;
  },
): Promise<MeterView[]> {
  const where: SQL[] = [eq(meters.sector, 'gas')];
  if (q.enterpriseId) where.push(eq(meters.enterpriseId, q.enterpriseId));
  if (q.customerId) where.push(eq(meters.customerId, q.customerId));
  if (q.status) where.push(eq(meters.status, q.status));
  if (q.prepaid !== undefined) where.push(eq(meters.prepaid, q.prepaid));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(ilike(meters.serialNo, like), ilike(customers.accountNo, like), ilike(customers.name, like))!,
    );
  }
  if (q.dueBy) {
    where.push(
      or(
        and(isNotNull(meters.nextVerificationDue), lte(meters.nextVerificationDue, q.dueBy)),
        and(isNotNull(meters.replaceBy), lte(meters.replaceBy, q.dueBy)),
      )!,
    );
  }
  const due = sql`least(coalesce(${meters.nextVerificationDue}, '9999-12-31'), coalesce(${meters.replaceBy}, '9999-12-31'))`;
  const rows = await db
    .select(withCustomer)
    .from(meters)
    .leftJoin(customers, eq(customers.id, meters.customerId))
    .leftJoin(premises, eq(premises.id, meters.premisesId))
    .where(and(...where))
    .orderBy(q.dueBy ? asc(due) : asc(meters.serialNo))
    .limit(q.limit);
  return rows.map(flat);
}

export async function insertMeter(db: Db, values: typeof meters.$inferInsert): Promise<MeterRow> {
  const [row] = await db.insert(meters).values(values).returning();
  return row!;
}

/** Writes the changes and bumps the version (the caller holds the row lock). */
export async function updateMeter(
  db: Db,
  id: string,
  changes: Partial<typeof meters.$inferInsert>,
  now: Date,
) {
  const [row] = await db
    .update(meters)
    .set({ ...changes, version: sql`${meters.version} + 1`, updatedAt: now })
    .where(eq(meters.id, id))
    .returning();
  return row!;
}

export async function appendMeterEvent(db: Db, values: typeof meterEvents.$inferInsert) {
  const [row] = await db.insert(meterEvents).values(values).returning();
  return row!;
}

export async function eventsOf(db: Db, meterId: string) {
  return db
    .select({ event: meterEvents, actorName: users.displayName })
    .from(meterEvents)
    .leftJoin(users, eq(users.id, meterEvents.actorId))
    .where(eq(meterEvents.meterId, meterId))
    .orderBy(desc(meterEvents.on), desc(meterEvents.id));
}

/** The last send-to-verification of a meter: its spare meter or agreed method. */
export async function lastVerificationSend(db: Db, meterId: string) {
  const [row] = await db
    .select()
    .from(meterEvents)
    .where(and(eq(meterEvents.meterId, meterId), eq(meterEvents.kind, 'send_to_verification')))
    .orderBy(desc(meterEvents.id))
    .limit(1);
  return row ?? null;
}

export const dueBy = (today: string, days: number) => addDays(today, days);
