import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import {
  communityMaintenanceCommitments,
  heatingCheckFindings,
  heatingFacilityChecks,
  heatingMaintenancePlans,
} from '../../../db/schema.ts';

// SQL for heating operations (migration 0046): patrols and findings, maintenance plans, maintenance commitments.

export type CheckRow = typeof heatingFacilityChecks.$inferSelect;
export type FindingRow = typeof heatingCheckFindings.$inferSelect;
export type PlanRow = typeof heatingMaintenancePlans.$inferSelect;
export type CommitmentRow = typeof communityMaintenanceCommitments.$inferSelect;

const scoped = (col: AnyPgColumn, enterpriseId: string | null) =>
  enterpriseId ? eq(col, enterpriseId) : undefined;

export async function listChecks(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(heatingFacilityChecks)
    .where(scoped(heatingFacilityChecks.enterpriseId, enterpriseId))
    .orderBy(desc(heatingFacilityChecks.checkedOn), desc(heatingFacilityChecks.createdAt))
    .limit(300);
}

export async function findingsOf(db: Db, checkIds: string[]) {
  if (checkIds.length === 0) return [];
  return db
    .select()
    .from(heatingCheckFindings)
    .where(inArray(heatingCheckFindings.checkId, checkIds))
    .orderBy(asc(heatingCheckFindings.dueOn));
}

export async function openFindings(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(heatingCheckFindings)
    .where(
      and(scoped(heatingCheckFindings.enterpriseId, enterpriseId), isNull(heatingCheckFindings.closedAt)),
    );
}

export async function insertCheck(db: Db, values: typeof heatingFacilityChecks.$inferInsert) {
  const [row] = await db.insert(heatingFacilityChecks).values(values).returning();
  return row!;
}

export async function insertFindings(db: Db, values: (typeof heatingCheckFindings.$inferInsert)[]) {
  if (values.length > 0) await db.insert(heatingCheckFindings).values(values);
}

export async function lockFinding(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(heatingCheckFindings)
    .where(eq(heatingCheckFindings.id, id))
    .for('update');
  return row;
}

export async function closeFinding(db: Db, id: string, set: Partial<FindingRow>) {
  await db
    .update(heatingCheckFindings)
    .set(set)
    .where(and(eq(heatingCheckFindings.id, id), isNull(heatingCheckFindings.closedAt)));
}

export async function listPlans(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(heatingMaintenancePlans)
    .where(scoped(heatingMaintenancePlans.enterpriseId, enterpriseId))
    .orderBy(desc(heatingMaintenancePlans.year));
}

export async function insertPlan(db: Db, values: typeof heatingMaintenancePlans.$inferInsert) {
  const [row] = await db.insert(heatingMaintenancePlans).values(values).onConflictDoNothing().returning();
  return row;
}

export async function lockPlan(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(heatingMaintenancePlans)
    .where(eq(heatingMaintenancePlans.id, id))
    .for('update');
  return row;
}

export async function reportPlan(db: Db, id: string, reportedTo: string, at: Date) {
  await db
    .update(heatingMaintenancePlans)
    .set({ reportedTo, reportedAt: at })
    .where(and(eq(heatingMaintenancePlans.id, id), isNull(heatingMaintenancePlans.reportedAt)));
}

/** Every commitment row (newest first); the first per community is the one in force. */
export async function listCommitments(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(communityMaintenanceCommitments)
    .where(scoped(communityMaintenanceCommitments.enterpriseId, enterpriseId))
    .orderBy(desc(communityMaintenanceCommitments.createdAt), desc(communityMaintenanceCommitments.id));
}

/** H-6.1.7, H-9.6.3: the commitment in force for one community of an enterprise (the latest row), or null. */
export async function commitmentOf(db: Db, enterpriseId: string, community: string) {
  const [row] = await db
    .select()
    .from(communityMaintenanceCommitments)
    .where(
      and(
        eq(communityMaintenanceCommitments.enterpriseId, enterpriseId),
        eq(communityMaintenanceCommitments.community, community),
      ),
    )
    .orderBy(desc(communityMaintenanceCommitments.createdAt), desc(communityMaintenanceCommitments.id))
    .limit(1);
  return row ?? null;
}

export async function insertCommitment(db: Db, values: typeof communityMaintenanceCommitments.$inferInsert) {
  const [row] = await db.insert(communityMaintenanceCommitments).values(values).returning();
  return row!;
}
