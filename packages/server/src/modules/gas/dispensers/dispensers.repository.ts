import { and, desc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { dispensers, dispenserVerifications, emergencyAlerts } from '../../../db/schema.ts';

export type DispenserRow = typeof dispensers.$inferSelect;
export type VerificationRow = typeof dispenserVerifications.$inferSelect;

export async function list(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(dispensers)
    .where(enterpriseId ? eq(dispensers.enterpriseId, enterpriseId) : undefined)
    .orderBy(dispensers.station, dispensers.number);
}

export async function byId(db: Db, id: string) {
  const [row] = await db.select().from(dispensers).where(eq(dispensers.id, id));
  return row;
}

export async function forUpdate(db: Db, id: string) {
  const [row] = await db.select().from(dispensers).where(eq(dispensers.id, id)).for('update');
  return row;
}

/** The latest verification of each dispenser (by date, then the order recorded). */
export async function latestVerifications(db: Db, enterpriseId: string | null) {
  const res = await db.execute(sql`
    select distinct on (v.dispenser_id) v.id, v.dispenser_id as "dispenserId", v.verified_on::text as "verifiedOn",
      v.passed, v.valid_until::text as "validUntil", v.certificate_no as "certificateNo", v.verifier,
      v.recorded_at as "recordedAt"
    from dispenser_verifications v
    ${enterpriseId ? sql`where v.enterprise_id = ${enterpriseId}::uuid` : sql``}
    order by v.dispenser_id, v.verified_on desc, v.seq desc`);
  return (
    res as unknown as {
      rows: {
        id: string;
        dispenserId: string;
        verifiedOn: string;
        passed: boolean;
        validUntil: string;
        certificateNo: string;
        verifier: string;
        recordedAt: string | Date;
      }[];
    }
  ).rows;
}

export async function verificationsOf(db: Db, dispenserId: string) {
  return db
    .select()
    .from(dispenserVerifications)
    .where(eq(dispenserVerifications.dispenserId, dispenserId))
    .orderBy(desc(dispenserVerifications.verifiedOn), desc(dispenserVerifications.seq));
}

export async function insert(db: Db, values: typeof dispensers.$inferInsert) {
  const [row] = await db.insert(dispensers).values(values).returning();
  return row!;
}

export async function insertVerification(db: Db, values: typeof dispenserVerifications.$inferInsert) {
  const [row] = await db.insert(dispenserVerifications).values(values).returning();
  return row!;
}

/** The watcher's alerts about dispensers (kept in the readiness alerts table, kind `dispenser_*`). */
export async function alerts(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(emergencyAlerts)
    .where(
      and(
        enterpriseId ? eq(emergencyAlerts.enterpriseId, enterpriseId) : undefined,
        like(emergencyAlerts.kind, 'dispenser_%'),
      ),
    )
    .orderBy(desc(emergencyAlerts.createdAt))
    .limit(50);
}
