import { and, asc, eq, gt, inArray, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { certificates, enterprises, staff } from '../../../db/schema.ts';

export type StaffRow = typeof staff.$inferSelect & { enterpriseName: string };
export type NewStaff = typeof staff.$inferInsert;
export type StaffChanges = Partial<
  Pick<StaffRow, 'name' | 'badgeNo' | 'employeeNo' | 'post' | 'phone' | 'photo' | 'active'>
>;
export type CertificateRow = typeof certificates.$inferSelect;

const staffWithEnterprise = {
  id: staff.id,
  enterpriseId: staff.enterpriseId,
  enterpriseName: enterprises.name,
  name: staff.name,
  badgeNo: staff.badgeNo,
  employeeNo: staff.employeeNo,
  post: staff.post,
  phone: staff.phone,
  photo: staff.photo,
  active: staff.active,
  version: staff.version,
  createdAt: staff.createdAt,
  updatedAt: staff.updatedAt,
};

/** Staff of one enterprise, or of all (null), active first, by badge number. */
export async function listStaff(db: Db, enterpriseId: string | null): Promise<StaffRow[]> {
  return db
    .select(staffWithEnterprise)
    .from(staff)
    .innerJoin(enterprises, eq(enterprises.id, staff.enterpriseId))
    .where(enterpriseId ? eq(staff.enterpriseId, enterpriseId) : undefined)
    .orderBy(asc(enterprises.name), sql`${staff.active} desc`, asc(staff.badgeNo));
}

export async function findStaff(
  db: Db,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<StaffRow | null> {
  const q = db
    .select(staffWithEnterprise)
    .from(staff)
    .innerJoin(enterprises, eq(enterprises.id, staff.enterpriseId))
    .where(eq(staff.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: staff }) : await q;
  return row ?? null;
}

export async function insertStaff(db: Db, values: NewStaff) {
  const [row] = await db.insert(staff).values(values).returning();
  return row!;
}

/** Writes only if the row still has `version`; bumps it. False when someone else wrote first. */
export async function updateStaff(db: Db, id: string, version: number, changes: StaffChanges, now: Date) {
  const rows = await db
    .update(staff)
    .set({ ...changes, version: sql`${staff.version} + 1`, updatedAt: now })
    .where(and(eq(staff.id, id), eq(staff.version, version)))
    .returning({ id: staff.id });
  return rows.length === 1;
}

/** Certificates of the given staff members, soonest expiry first. */
export async function certificatesOfStaff(db: Db, staffIds: string[]): Promise<CertificateRow[]> {
  if (staffIds.length === 0) return [];
  return db
    .select()
    .from(certificates)
    .where(inArray(certificates.staffId, staffIds))
    .orderBy(asc(certificates.expiresOn), asc(certificates.name));
}

/** Certificates of an enterprise (or all), via the (enterprise_id, expires_on) index. */
export async function certificatesOfEnterprise(
  db: Db,
  enterpriseId: string | null,
): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificates)
    .where(enterpriseId ? eq(certificates.enterpriseId, enterpriseId) : undefined)
    .orderBy(asc(certificates.expiresOn), asc(certificates.name));
}

export async function insertCertificate(db: Db, values: typeof certificates.$inferInsert) {
  const [row] = await db.insert(certificates).values(values).returning();
  return row!;
}

const renewal = alias(certificates, 'renewal');

/**
 * Certificates of active staff expiring on or before `until` (already expired ones included), soonest first.
 * A certificate the same person has since renewed (same name, later expiry) is left out.
 */
export async function expiringCertificates(db: Db, enterpriseId: string | null, until: string) {
  const where = [
    lte(certificates.expiresOn, until),
    eq(staff.active, true),
    notExists(
      db
        .select({ one: sql`1` })
        .from(renewal)
        .where(
          and(
            eq(renewal.staffId, certificates.staffId),
            eq(renewal.name, certificates.name),
            gt(renewal.expiresOn, certificates.expiresOn),
          ),
        ),
    ),
  ];
  if (enterpriseId) where.push(eq(certificates.enterpriseId, enterpriseId));
  return db
    .select({
      id: certificates.id,
      staffId: certificates.staffId,
      name: certificates.name,
      number: certificates.number,
      issuer: certificates.issuer,
      issuedOn: certificates.issuedOn,
      expiresOn: certificates.expiresOn,
      staffName: staff.name,
      enterpriseId: certificates.enterpriseId,
      enterpriseName: enterprises.name,
    })
    .from(certificates)
    .innerJoin(staff, eq(staff.id, certificates.staffId))
    .innerJoin(enterprises, eq(enterprises.id, certificates.enterpriseId))
    .where(and(...where))
    .orderBy(asc(certificates.expiresOn), asc(enterprises.name), asc(staff.name), asc(certificates.id));
}
