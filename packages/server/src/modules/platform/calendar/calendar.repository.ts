import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { calendarOverrides, calendarYears } from '../../../db/schema.ts';

export async function listOverrides(db: Db) {
  return db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.date));
}

export async function findOverride(db: Db, date: string) {
  const [row] = await db.select().from(calendarOverrides).where(eq(calendarOverrides.date, date));
  return row ?? null;
}

export async function upsertOverride(
  db: Db,
  o: { date: string; kind: string; note: string; createdBy: string | null },
) {
  const [row] = await db
    .insert(calendarOverrides)
    .values(o)
    .onConflictDoUpdate({
      target: calendarOverrides.date,
      set: { kind: o.kind, note: o.note, createdBy: o.createdBy },
    })
    .returning();
  return row!;
}

export async function deleteOverride(db: Db, date: string) {
  await db.delete(calendarOverrides).where(eq(calendarOverrides.date, date));
}

export async function listDeclaredYears(db: Db) {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function declareYear(db: Db, year: number, note: string) {
  await db
    .insert(calendarYears)
    .values({ year, note })
    .onConflictDoUpdate({ target: calendarYears.year, set: { note } });
}
