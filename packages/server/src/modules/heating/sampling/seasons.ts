import { addDays, shanghaiMidnightUtc, type DateString } from '@ranre/domain';
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { heatingSeasons } from '../../../db/schema.ts';
import { appError } from '../../../core/errors.ts';

export type SeasonRow = typeof heatingSeasons.$inferSelect;

/**
 * The season a date falls in for an enterprise (start and end day both inclusive); else the next one to start;
 * else the last one that ended. Seasons are the other heating module's data (heating_seasons).
 */
export async function seasonFor(db: Db, enterpriseId: string, today: DateString): Promise<SeasonRow | null> {
  const [current] = await db
    .select()
    .from(heatingSeasons)
    .where(
      and(
        eq(heatingSeasons.enterpriseId, enterpriseId),
        lte(heatingSeasons.startsOn, today),
        gte(heatingSeasons.endsOn, today),
      ),
    )
    .orderBy(desc(heatingSeasons.startsOn))
    .limit(1);
  if (current) return current;
  const [next] = await db
    .select()
    .from(heatingSeasons)
    .where(and(eq(heatingSeasons.enterpriseId, enterpriseId), gte(heatingSeasons.startsOn, today)))
    .orderBy(asc(heatingSeasons.startsOn))
    .limit(1);
  if (next) return next;
  const [last] = await db
    .select()
    .from(heatingSeasons)
    .where(eq(heatingSeasons.enterpriseId, enterpriseId))
    .orderBy(desc(heatingSeasons.startsOn))
    .limit(1);
  return last ?? null;
}

export async function seasonById(db: Db, enterpriseId: string, id: string): Promise<SeasonRow> {
  const [row] = await db.select().from(heatingSeasons).where(eq(heatingSeasons.id, id)).limit(1);
  if (!row || row.enterpriseId !== enterpriseId)
    throw appError('NOT_FOUND', { zh: '未找到供热期', en: 'Heating season not found' });
  return row;
}

/** The season of the same enterprise and area that started last before this one (H-5.4.3's "previous season"). */
export async function previousSeason(db: Db, season: SeasonRow): Promise<SeasonRow | null> {
  const rows = await db
    .select()
    .from(heatingSeasons)
    .where(and(eq(heatingSeasons.enterpriseId, season.enterpriseId), eq(heatingSeasons.area, season.area)))
    .orderBy(desc(heatingSeasons.startsOn));
  return rows.find((s) => s.startsOn < season.startsOn) ?? null;
}

/** The season as instants: from its first day's midnight to the midnight after its last day (exclusive). */
export function seasonInstants(s: Pick<SeasonRow, 'startsOn' | 'endsOn'>): { start: Date; end: Date } {
  return {
    start: shanghaiMidnightUtc(s.startsOn as DateString),
    end: shanghaiMidnightUtc(addDays(s.endsOn as DateString, 1)),
  };
}

export const noSeason = () =>
  appError('HEATING_SEASON_MISSING', {
    zh: '尚未设置供热期，请先在供热期管理中登记本供热期',
    en: 'No heating season is set up yet; register the season first',
  });
