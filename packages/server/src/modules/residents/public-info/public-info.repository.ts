import { and, asc, eq, gte, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, heatingSeasons, priceSchedules, staff } from '../../../db/schema.ts';

// The public information reads the tables the staff keep — enterprises, price schedules, heating seasons — never
// a copy (G-4.2.3, G-5.4.5, H-7.5.8).

export const serviceEnterprises = (db: Db) =>
  db
    .select({ id: enterprises.id, name: enterprises.name, kind: enterprises.kind })
    .from(enterprises)
    .where(ne(enterprises.kind, 'regulator'))
    .orderBy(asc(enterprises.name));

export async function serviceEnterprise(db: Db, id: string) {
  const [row] = await db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.id, id), ne(enterprises.kind, 'regulator')));
  return row ?? null;
}

export const pricesOf = (db: Db, enterpriseId: string) =>
  db
    .select()
    .from(priceSchedules)
    .where(eq(priceSchedules.enterpriseId, enterpriseId))
    .orderBy(
      asc(priceSchedules.sector),
      asc(priceSchedules.customerClass),
      asc(priceSchedules.effectiveFrom),
    );

/** Seasons not yet ended (this one and the next). */
export const seasonsOf = (db: Db, enterpriseId: string, today: string) =>
  db
    .select()
    .from(heatingSeasons)
    .where(and(eq(heatingSeasons.enterpriseId, enterpriseId), gte(heatingSeasons.endsOn, today)))
    .orderBy(asc(heatingSeasons.startsOn), asc(heatingSeasons.area));

/** Active staff of the enterprise with their badge and post, badge order (G-5.4.5). */
export async function staffOf(db: Db, enterpriseId: string) {
  return db
    .select({ badgeNo: staff.badgeNo, name: staff.name, post: staff.post })
    .from(staff)
    .where(and(eq(staff.enterpriseId, enterpriseId), eq(staff.active, true)))
    .orderBy(asc(staff.badgeNo))
    .limit(500);
}
