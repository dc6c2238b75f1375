import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { customers, residentCustomers, users } from '../db/schema.ts';
import { CALLER_NAMES, STREETS } from './seed-orders-plan.ts';
import type { Who } from './seed-orders-steps.ts';

// Who the demo orders are by and for: the enterprise's logins by role, its customers as callers (or made-up
// callers before any customer exists), the demo resident's own account, and the seeded generator.

export interface SeedEnterprise {
  id: string;
  kind: string;
  name: string;
  hotline?: string;
}
export interface SeedUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  enterpriseId: string;
}
export interface SeedCustomer {
  id: string;
  name: string;
  phone: string | null;
  address?: string | null;
}
export type CustomersByEnterprise =
  ReadonlyMap<string, readonly SeedCustomer[]> | Readonly<Record<string, readonly SeedCustomer[]>>;

export interface Caller {
  customerId: string | null;
  name: string;
  phone: string;
  address: string;
}

export type People = Record<Who, SeedUser | undefined>;

export function peopleOf(logins: readonly SeedUser[], enterpriseId: string): People {
  const own = logins.filter((u) => u.enterpriseId === enterpriseId);
  const first = (...roles: string[]) => roles.map((r) => own.find((u) => u.role === r)).find(Boolean);
  return {
    agent: first('agent', 'enterprise_admin'),
    dispatcher: first('dispatcher', 'enterprise_admin'),
    tech: first('technician', 'inspector'),
    resident: first('resident'),
    regulator: logins.find((u) => u.role === 'regulator'),
  };
}

export async function readUsers(tx: Db, targets: readonly SeedEnterprise[]): Promise<SeedUser[]> {
  const ids = targets.map((t) => t.id);
  if (ids.length === 0) return [];
  return tx
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      enterpriseId: users.enterpriseId,
    })
    .from(users)
    .where(and(eq(users.active, true), or(inArray(users.enterpriseId, ids), eq(users.role, 'regulator'))))
    .orderBy(asc(users.username));
}

/** The enterprise's customers as callers (given, else read), or made-up callers when it has none yet. */
export async function callersOf(
  tx: Db,
  given: CustomersByEnterprise | undefined,
  enterpriseId: string,
  rnd: () => number,
): Promise<Caller[]> {
  const listed: readonly SeedCustomer[] | undefined =
    given instanceof Map
      ? given.get(enterpriseId)
      : (given as Record<string, SeedCustomer[]> | undefined)?.[enterpriseId];
  const found: readonly SeedCustomer[] =
    listed ??
    (await tx
      .select({
        id: customers.id,
        name: customers.name,
        phone: customers.phone,
        // Plain names: Drizzle renders ${customers.id} unqualified inside a select list, which would bind to p.id.
        address: sql<string | null>`(select p.address from premises p where p.customer_id = customers.id
          order by p.created_at, p.id limit 1)`,
      })
      .from(customers)
      .where(eq(customers.enterpriseId, enterpriseId))
      .orderBy(asc(customers.accountNo))
      .limit(400));
  const real = found
    .filter((c) => c.phone)
    .map((c) => ({ customerId: c.id, name: c.name, phone: c.phone!, address: c.address ?? '' }));
  if (real.length >= 10) return real;
  return CALLER_NAMES.map((name, i) => ({
    customerId: null,
    name,
    phone: `139${String(5330000 + Math.floor(rnd() * 9999) * 10 + i).padStart(8, '0')}`,
    address: `${STREETS[i % STREETS.length]}${10 + Math.floor(rnd() * 180)}号${1 + (i % 4)}单元${100 * (1 + (i % 6)) + 1 + (i % 3)}`,
  }));
}

/** The demo resident's own account: the first customer, linked to his login (resident_customers). */
export async function linkResident(
  tx: Db,
  resident: SeedUser | undefined,
  enterpriseId: string,
  callers: Caller[],
  now: Date,
) {
  const own = callers.find((c) => c.customerId);
  if (!resident || !own) return null;
  await tx
    .insert(residentCustomers)
    .values({ userId: resident.id, customerId: own.customerId!, enterpriseId, createdAt: now })
    .onConflictDoNothing();
  return own;
}

/** Small, fast, seeded: the same demo month on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
