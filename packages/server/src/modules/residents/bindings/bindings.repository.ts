import { and, asc, count, eq, gte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, residentBindingRequests, residentCustomers } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import { notFound } from '../../../core/errors.ts';

/** The account bound to this resident, or 404 as if it did not exist (nothing of another household is shown). */
export async function requireBound(db: Db, actor: Actor, customerId: string) {
  const [row] = await db
    .select({
      id: customers.id,
      enterpriseId: customers.enterpriseId,
      accountNo: customers.accountNo,
      name: customers.name,
      kind: customers.kind,
      boundAt: residentCustomers.createdAt,
    })
    .from(residentCustomers)
    .innerJoin(customers, eq(customers.id, residentCustomers.customerId))
    .where(
      and(
        eq(residentCustomers.userId, actor.id),
        eq(residentCustomers.customerId, customerId),
        eq(residentCustomers.enterpriseId, actor.enterpriseId),
      ),
    );
  if (!row) throw notFound('account');
  return row;
}

export type BoundAccount = Awaited<ReturnType<typeof requireBound>>;

export async function boundAccounts(db: Db, actor: Actor): Promise<BoundAccount[]> {
  return db
    .select({
      id: customers.id,
      enterpriseId: customers.enterpriseId,
      accountNo: customers.accountNo,
      name: customers.name,
      kind: customers.kind,
      boundAt: residentCustomers.createdAt,
    })
    .from(residentCustomers)
    .innerJoin(customers, eq(customers.id, residentCustomers.customerId))
    .where(
      and(eq(residentCustomers.userId, actor.id), eq(residentCustomers.enterpriseId, actor.enterpriseId)),
    )
    .orderBy(asc(residentCustomers.createdAt), asc(customers.accountNo));
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
