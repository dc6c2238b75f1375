import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, users } from '../../../db/schema.ts';

/** What the API shows of a user: never the password hash. */
const publicUser = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  enterpriseId: users.enterpriseId,
  enterpriseName: enterprises.name,
  enterpriseKind: enterprises.kind,
};

export async function listUsers(db: Db, enterpriseId: string | null) {
  return db
    .select(publicUser)
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(enterpriseId ? eq(users.enterpriseId, enterpriseId) : undefined)
    .orderBy(asc(enterprises.name), asc(users.username));
}

export async function findPublicUser(db: Db, id: string) {
  const [row] = await db
    .select(publicUser)
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
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
