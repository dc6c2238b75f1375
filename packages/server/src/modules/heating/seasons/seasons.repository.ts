import { and, asc, desc, eq, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { heatingRules, heatingSeasons, priceSchedules } from '../../../db/schema.ts';

export type SeasonRow = typeof heatingSeasons.$inferSelect;
export type PriceRow = typeof priceSchedules.$inferSelect;
export type RulesRow = typeof heatingRules.$inferSelect;

const scoped = (
  column: typeof heatingSeasons.enterpriseId | typeof priceSchedules.enterpriseId,
  id: string | null,
) => (id ? [eq(column, id)] : []);

export async function listSeasons(db: Db, enterpriseId: string | null): Promise<SeasonRow[]> {
  return db
    .select()
    .from(heatingSeasons)
    .where(and(...scoped(heatingSeasons.enterpriseId, enterpriseId)))
    .orderBy(desc(heatingSeasons.startsOn), asc(heatingSeasons.area));
}

export async function seasonById(db: Db, id: string, lock = false): Promise<SeasonRow | undefined> {
  const q = db.select().from(heatingSeasons).where(eq(heatingSeasons.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** The seasons of the same area starting after `endsOn` (the next season first). */
export async function nextSeasonOf(db: Db, season: SeasonRow): Promise<SeasonRow | undefined> {
  const rows = await db
    .select()
    .from(heatingSeasons)
    .where(and(eq(heatingSeasons.enterpriseId, season.enterpriseId), eq(heatingSeasons.area, season.area)))
    .orderBy(asc(heatingSeasons.startsOn));
  return rows.find((r) => r.startsOn >= season.endsOn);
}

export async function listPrices(db: Db, enterpriseId: string | null): Promise<PriceRow[]> {
  const where: SQL[] = [
    eq(priceSchedules.sector, 'heating'),
    ...scoped(priceSchedules.enterpriseId, enterpriseId),
  ];
  return db
    .select()
    .from(priceSchedules)
    .where(and(...where))
    .orderBy(asc(priceSchedules.customerClass), desc(priceSchedules.effectiveFrom));
}

export async function listRules(db: Db, enterpriseId: string | null): Promise<RulesRow[]> {
  return db
    .select()
    .from(heatingRules)
    .where(enterpriseId ? eq(heatingRules.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(heatingRules.effectiveFrom));
}

/** The rules in effect on `on`, or undefined when the enterprise has set none. */
export async function rulesInEffect(db: Db, enterpriseId: string, on: string): Promise<RulesRow | undefined> {
  const [row] = await db
    .select()
    .from(heatingRules)
    .where(and(eq(heatingRules.enterpriseId, enterpriseId), lte(heatingRules.effectiveFrom, on)))
    .orderBy(desc(heatingRules.effectiveFrom))
    .limit(1);
  return row;
}

/**
 * price_schedules is unique per (class, effective date); a heating class may hold an area price and a two-part price
 * at once, so the stored class is the customer kind, with ':two_part' for the two-part tariff.
 */
export const priceClass = (kind: string, method: 'area' | 'two_part') =>
  method === 'two_part' ? `${kind}:two_part` : kind;
export const kindOfPriceClass = (customerClass: string) => customerClass.split(':')[0]!;
