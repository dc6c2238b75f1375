import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { insuranceClaimEvents, insuranceClaims, insurancePolicies } from '../../../db/schema.ts';

export type PolicyRow = typeof insurancePolicies.$inferSelect;
export type ClaimRow = typeof insuranceClaims.$inferSelect;
export type ClaimEventRow = typeof insuranceClaimEvents.$inferSelect;

export const listPolicies = (db: Db, enterpriseId: string | null) =>
  db
    .select()
    .from(insurancePolicies)
    .where(enterpriseId ? eq(insurancePolicies.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(insurancePolicies.startsOn));

export async function findPolicy(db: Db, id: string) {
  const [row] = await db.select().from(insurancePolicies).where(eq(insurancePolicies.id, id));
  return row;
}

export async function insertPolicy(db: Db, values: typeof insurancePolicies.$inferInsert) {
  const [row] = await db.insert(insurancePolicies).values(values).returning();
  return row!;
}

export const listClaims = (db: Db, enterpriseId: string | null) =>
  db
    .select()
    .from(insuranceClaims)
    .where(enterpriseId ? eq(insuranceClaims.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(insuranceClaims.createdAt))
    .limit(200);

export async function lockClaim(db: Db, id: string) {
  const [row] = await db.select().from(insuranceClaims).where(eq(insuranceClaims.id, id)).for('update');
  return row;
}

export async function insertClaim(db: Db, values: typeof insuranceClaims.$inferInsert) {
  const [row] = await db.insert(insuranceClaims).values(values).returning();
  return row!;
}

export async function updateClaim(db: Db, id: string, set: Partial<ClaimRow>) {
  await db.update(insuranceClaims).set(set).where(eq(insuranceClaims.id, id));
}

export async function appendEvent(db: Db, values: typeof insuranceClaimEvents.$inferInsert) {
  await db.insert(insuranceClaimEvents).values(values);
}

export async function eventsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(insuranceClaimEvents)
    .where(inArray(insuranceClaimEvents.claimId, ids))
    .orderBy(asc(insuranceClaimEvents.id));
}
