import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, staff, users } from '../../../db/schema.ts';

/** What the API shows of a user: never the password hash. */
const publicUser = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  enterpriseId: users.enterpriseId,
  enterpriseName: enterprises.name,
  enterpriseKind: enterprises.kind,
  staffId: users.staffId,
  staffName: staff.name,
  badgeNo: staff.badgeNo,
};

export async function listUsers(db: Db, enterpriseId: string | null) {
  return db
    .select(publicUser)
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(staff, eq(staff.id, users.staffId))
    .where(enterpriseId ? eq(users.enterpriseId, enterpriseId) : undefined)
    .orderBy(asc(enterprises.name), asc(users.username));
}

export async function findPublicUser(db: Db, id: string) {
  const [row] = await db
    .select(publicUser)
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .leftJoin(staff, eq(staff.id, users.staffId))
    .where(eq(users.id, id));
  return row ?? null;
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row !== undefined;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

/** The staff record a link may name: of the same enterprise and active. */
export async function findLinkableStaff(db: Db, enterpriseId: string, staffId: string) {
  const [row] = await db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.enterpriseId, enterpriseId), eq(staff.active, true)));
  return row ?? null;
}

/** The login already linked to a staff record, if any (one record, one login). */
export async function userLinkedTo(db: Db, staffId: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.staffId, staffId));
  return row?.id ?? null;
}

export async function setStaffLink(db: Db, userId: string, staffId: string | null, now: Date): Promise<void> {
  await db.update(users).set({ staffId, updatedAt: now }).where(eq(users.id, userId));
}
