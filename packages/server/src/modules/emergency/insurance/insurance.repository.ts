import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  insuranceClaimEvents,
  insuranceClaimMedia,
  insuranceClaims,
  insurancePolicies,
} from '../../../db/schema.ts';

export type PolicyRow = typeof insurancePolicies.$inferSelect;
export type ClaimRow = typeof insuranceClaims.$inferSelect;
export type ClaimEventRow = typeof insuranceClaimEvents.$inferSelect;
export type ClaimMediaRow = Omit<typeof insuranceClaimMedia.$inferSelect, 'dataBase64'>;

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

const mediaColumns = {
  id: insuranceClaimMedia.id,
  enterpriseId: insuranceClaimMedia.enterpriseId,
  claimId: insuranceClaimMedia.claimId,
  kind: insuranceClaimMedia.kind,
  purpose: insuranceClaimMedia.purpose,
  mime: insuranceClaimMedia.mime,
  bytes: insuranceClaimMedia.bytes,
  sha256: insuranceClaimMedia.sha256,
  createdBy: insuranceClaimMedia.createdBy,
  createdAt: insuranceClaimMedia.createdAt,
};

/** The claims' photos and video, without their bytes, oldest first. */
export async function mediaOf(db: Db, ids: string[]): Promise<ClaimMediaRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(mediaColumns)
    .from(insuranceClaimMedia)
    .where(inArray(insuranceClaimMedia.claimId, ids))
    .orderBy(asc(insuranceClaimMedia.createdAt), asc(insuranceClaimMedia.id));
}

export async function insertMedia(db: Db, values: typeof insuranceClaimMedia.$inferInsert) {
  const [row] = await db.insert(insuranceClaimMedia).values(values).returning(mediaColumns);
  return row!;
}

/** One file with its bytes. */
export async function findMedia(db: Db, claimId: string, id: string) {
  const [row] = await db
    .select()
    .from(insuranceClaimMedia)
    .where(and(eq(insuranceClaimMedia.claimId, claimId), eq(insuranceClaimMedia.id, id)));
  return row;
}

/** H-9.5: agreed claims not yet paid, for the watcher. */
export const unpaidAgreed = (db: Db) =>
  db
    .select({
      id: insuranceClaims.id,
      enterpriseId: insuranceClaims.enterpriseId,
      claimant: insuranceClaims.claimant,
      agreedFen: insuranceClaims.agreedFen,
      payDueAt: insuranceClaims.payDueAt,
    })
    .from(insuranceClaims)
    .where(and(isNotNull(insuranceClaims.payDueAt), isNull(insuranceClaims.paidAt)));
