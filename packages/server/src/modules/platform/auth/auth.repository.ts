import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, loginAttempts, sessions, users } from '../../../db/schema.ts';

const userWithEnterprise = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  enterpriseId: users.enterpriseId,
  enterpriseName: enterprises.name,
  enterpriseKind: enterprises.kind,
  passwordHash: users.passwordHash,
  active: users.active,
};

export type UserRow = Awaited<ReturnType<typeof findUserByUsername>>;

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db
    .select(userWithEnterprise)
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.username, username));
  return row ?? null;
}

export async function findUserById(db: Db, id: string) {
  const [row] = await db
    .select(userWithEnterprise)
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(eq(users.id, id));
  return row ?? null;
}

/**
 * Takes one sign-in attempt for the name in a single statement (row-locked by the upsert), before the password is
 * checked: the count it returns includes every attempt still in flight. An expired lock starts the count again.
 */
export async function takeLoginAttempt(db: Db, key: string, now: Date) {
  const [row] = await db
    .insert(loginAttempts)
    .values({ usernameKey: key, attempts: 1, lockedUntil: null, updatedAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.usernameKey,
      set: {
        attempts: sql`case when ${loginAttempts.lockedUntil} <= ${now} then 1 else ${loginAttempts.attempts} + 1 end`,
        lockedUntil: sql`case when ${loginAttempts.lockedUntil} <= ${now} then null else ${loginAttempts.lockedUntil} end`,
        updatedAt: now,
      },
    })
    .returning({ attempts: loginAttempts.attempts, lockedUntil: loginAttempts.lockedUntil });
  return row!;
}

/** Locks the name until `until` unless a lock is already in force; returns the lock in force and whether it is new. */
export async function lockLogin(db: Db, key: string, now: Date, until: Date) {
  const [set] = await db
    .update(loginAttempts)
    .set({ lockedUntil: until, updatedAt: now })
    .where(
      sql`${loginAttempts.usernameKey} = ${key} and (${loginAttempts.lockedUntil} is null or ${loginAttempts.lockedUntil} <= ${now})`,
    )
    .returning({ lockedUntil: loginAttempts.lockedUntil });
  if (set) return { lockedUntil: set.lockedUntil!, isNew: true };
  const [cur] = await db
    .select({ lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(eq(loginAttempts.usernameKey, key));
  return { lockedUntil: cur?.lockedUntil ?? until, isNew: false };
}

/**
 * Clears the count after a right password, unless a lock was set meanwhile (by a parallel attempt over the limit):
 * then false, and the sign-in is refused as locked.
 */
export async function clearLoginAttempts(db: Db, key: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(loginAttempts)
    .set({ attempts: 0, lockedUntil: null, updatedAt: now })
    .where(
      sql`${loginAttempts.usernameKey} = ${key} and (${loginAttempts.lockedUntil} is null or ${loginAttempts.lockedUntil} <= ${now})`,
    )
    .returning({ key: loginAttempts.usernameKey });
  return rows.length > 0;
}

export async function currentLock(db: Db, key: string): Promise<Date | null> {
  const [cur] = await db
    .select({ lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(eq(loginAttempts.usernameKey, key));
  return cur?.lockedUntil ?? null;
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string, now: Date) {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id));
}

export async function insertSession(db: Db, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

/**
 * The user of a session that has not expired at `now`, with the enterprise, in one round trip: every request signed
 * in pays for this lookup, so it is one statement, not a session then a user (issue 21). Prepared once per database
 * (a named statement on each server connection): the query is not rebuilt, nor parsed and planned, per request.
 */
export async function findSessionUser(db: Db, tokenHash: string, now: Date) {
  let query = sessionUserQueries.get(db);
  if (!query) sessionUserQueries.set(db, (query = prepareSessionUser(db)));
  const [row] = await query.execute({ tokenHash, now: now.toISOString() });
  return row ?? null;
}

const prepareSessionUser = (db: Db) =>
  db
    .select(userWithEnterprise)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare('ranre_session_user');
const sessionUserQueries = new WeakMap<Db, ReturnType<typeof prepareSessionUser>>();

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
