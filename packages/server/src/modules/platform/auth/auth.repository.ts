import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, sessions, users } from '../../../db/schema.ts';

const userWithEnterprise = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  enterpriseId: users.enterpriseId,
  enterpriseName: enterprises.name,
  enterpriseKind: enterprises.kind,
  passwordHash: users.passwordHash,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
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

export async function recordLoginFailure(db: Db, id: string, failedLogins: number, lockedUntil: Date | null) {
  await db.update(users).set({ failedLogins, lockedUntil }).where(eq(users.id, id));
}

export async function recordLoginSuccess(db: Db, id: string) {
  await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string, now: Date) {
  await db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, id));
}

export async function insertSession(db: Db, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insert(sessions).values({ tokenHash, userId, expiresAt });
}

export async function findSession(db: Db, tokenHash: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
