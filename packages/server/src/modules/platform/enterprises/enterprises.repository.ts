import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises } from '../../../db/schema.ts';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type NewEnterprise = typeof enterprises.$inferInsert;
export type EnterpriseChanges = Partial<
  Pick<
    EnterpriseRow,
    'name' | 'kind' | 'creditCode' | 'hotline' | 'supervisionPhone' | 'address' | 'district' | 'servicePoints'
  >
>;

/** All enterprises (enterpriseId null) or just one, regulator first, then in order of registration. */
export async function listEnterprises(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(enterprises)
    .where(enterpriseId ? eq(enterprises.id, enterpriseId) : undefined)
    .orderBy(sql`${enterprises.kind} <> 'regulator'`, asc(enterprises.createdAt), asc(enterprises.name));
}

export async function findEnterprise(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(enterprises).where(eq(enterprises.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function findEnterpriseByCreditCode(db: Db, creditCode: string) {
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.creditCode, creditCode));
  return row ?? null;
}

export async function insertEnterprise(db: Db, values: NewEnterprise) {
  const [row] = await db.insert(enterprises).values(values).returning();
  return row!;
}

/** Writes only if the row still has `version`; bumps it. Null when someone else wrote first. */
export async function updateEnterprise(
  db: Db,
  id: string,
  version: number,
  changes: EnterpriseChanges,
  now: Date,
) {
  const [row] = await db
    .update(enterprises)
    .set({ ...changes, version: sql`${enterprises.version} + 1`, updatedAt: now })
    .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
    .returning();
  return row ?? null;
}
