import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { FacilityOwner } from '@ranre/domain';
import { attachments, repairConsents, repairFacilityOwners, users } from '../../../db/schema.ts';

export type ConsentRow = typeof repairConsents.$inferSelect;

export async function consentsOf(db: Db, orderId: string) {
  return db
    .select({ c: repairConsents, recordedBy: users.displayName })
    .from(repairConsents)
    .leftJoin(users, eq(users.id, repairConsents.createdBy))
    .where(eq(repairConsents.workOrderId, orderId))
    .orderBy(desc(repairConsents.signedAt), desc(repairConsents.createdAt));
}

/** The consent in force on an order: the latest signed. */
export async function latestConsent(db: Db, orderId: string): Promise<ConsentRow | null> {
  const [row] = await db
    .select()
    .from(repairConsents)
    .where(eq(repairConsents.workOrderId, orderId))
    .orderBy(desc(repairConsents.signedAt), desc(repairConsents.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertConsent(db: Db, values: typeof repairConsents.$inferInsert) {
  const [row] = await db.insert(repairConsents).values(values).returning();
  return row!;
}

/** A signature image uploaded for this order (G-5.9.7 attachments). */
export async function signatureOf(db: Db, orderId: string, attachmentId: string) {
  const [row] = await db
    .select({ id: attachments.id, mime: attachments.mime, dataBase64: attachments.dataBase64 })
    .from(attachments)
    .where(
      and(
        eq(attachments.id, attachmentId),
        eq(attachments.orderId, orderId),
        eq(attachments.kind, 'signature'),
      ),
    );
  return row ?? null;
}

/** H-7.3.8: whose facility a gas or heating repair is, as last recorded; null when not yet recorded. */
export async function facilityOwnerOf(db: Db, orderId: string): Promise<FacilityOwner | null> {
  const [row] = await db
    .select({ owner: repairFacilityOwners.owner })
    .from(repairFacilityOwners)
    .where(eq(repairFacilityOwners.workOrderId, orderId))
    .orderBy(desc(repairFacilityOwners.createdAt))
    .limit(1);
  return (row?.owner as FacilityOwner | undefined) ?? null;
}

export async function insertFacilityOwner(db: Db, values: typeof repairFacilityOwners.$inferInsert) {
  await db.insert(repairFacilityOwners).values(values);
}
