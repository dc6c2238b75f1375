import { and, asc, count, eq, gte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  customers,
  enterprises,
  residentBindingRequests,
  residentCustomers,
  workOrders,
} from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';

const boundColumns = {
  id: customers.id,
  enterpriseId: customers.enterpriseId,
  enterpriseName: enterprises.name,
  enterpriseKind: enterprises.kind,
  accountNo: customers.accountNo,
  name: customers.name,
  kind: customers.kind,
  boundAt: residentCustomers.createdAt,
};

/**
 * The account bound to this resident, or 404 as if it did not exist (nothing of another household is shown). One
 * login may bind accounts of several enterprises (a gas company, a heating company, a bottled-gas company): the
 * binding itself is the proof, whatever enterprise the login was made in.
 */
export async function requireBound(db: Db, actor: Actor, customerId: string) {
  const [row] = await db
    .select(boundColumns)
    .from(residentCustomers)
    .innerJoin(customers, eq(customers.id, residentCustomers.customerId))
    .innerJoin(enterprises, eq(enterprises.id, customers.enterpriseId))
    .where(and(eq(residentCustomers.userId, actor.id), eq(residentCustomers.customerId, customerId)));
  if (!row) throw notFound('account');
  return row;
}

/**
 * The resident acting on one bound account: the same person, scoped to the account's enterprise, so the staff's
 * services he goes through (ledger, bills, payments, work orders) see that enterprise's records and no other.
 */
export function accountActor(actor: Actor, account: BoundAccount): Actor {
  return {
    ...actor,
    enterpriseId: account.enterpriseId,
    enterpriseName: account.enterpriseName,
    enterpriseKind: account.enterpriseKind,
  };
}

/** requireBound, and the resident scoped to that account's enterprise. */
export async function boundActor(db: Db, actor: Actor, customerId: string) {
  const account = await requireBound(db, actor, customerId);
  return { account, actor: accountActor(actor, account) };
}

export type BoundAccount = Awaited<ReturnType<typeof requireBound>>;

export async function boundAccounts(db: Db, actor: Actor): Promise<BoundAccount[]> {
  return db
    .select(boundColumns)
    .from(residentCustomers)
    .innerJoin(customers, eq(customers.id, residentCustomers.customerId))
    .innerJoin(enterprises, eq(enterprises.id, customers.enterpriseId))
    .where(eq(residentCustomers.userId, actor.id))
    .orderBy(asc(residentCustomers.createdAt), asc(customers.accountNo));
}

/**
 * The resident's orders are his by a bound account or because he filed them (access.ts): the enterprises holding
 * any of them (one order's only, when `orderId` is given), for the resident scoped to each.
 */
export async function orderActors(db: Db, actor: Actor, orderId?: string): Promise<Actor[]> {
  const mine = or(
    eq(workOrders.createdBy, actor.id),
    sql`${workOrders.customerId} in (select ${residentCustomers.customerId} from ${residentCustomers}
      where ${residentCustomers.userId} = ${actor.id})`,
  );
  const rows = await db
    .selectDistinct({ id: enterprises.id, name: enterprises.name, kind: enterprises.kind })
    .from(workOrders)
    .innerJoin(enterprises, eq(enterprises.id, workOrders.enterpriseId))
    .where(orderId ? and(eq(workOrders.id, orderId), mine) : mine);
  return rows.map((e) => ({ ...actor, enterpriseId: e.id, enterpriseName: e.name, enterpriseKind: e.kind }));
}

export async function findAccountByNo(db: Db, enterpriseId: string, accountNo: string) {
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      phone: customers.phone,
      phone2: customers.phone2,
    })
    .from(customers)
    .where(and(eq(customers.enterpriseId, enterpriseId), eq(customers.accountNo, accountNo)));
  return row ?? null;
}

export async function requestsSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(residentBindingRequests)
    .where(and(eq(residentBindingRequests.userId, userId), gte(residentBindingRequests.createdAt, since)));
  return Number(row?.n ?? 0);
}

export async function findRequest(db: Db, id: string, userId: string) {
  const [row] = await db
    .select()
    .from(residentBindingRequests)
    .where(and(eq(residentBindingRequests.id, id), eq(residentBindingRequests.userId, userId)))
    .for('update');
  return row ?? null;
}
