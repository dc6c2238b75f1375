import { lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { dataChanges } from '../../../db/schema.ts';

/** The enterprise of a change that is everyone's (migration 0057): every enterprise's check reads it too. */
export const EVERYONE = '00000000-0000-0000-0000-000000000000';

/**
 * The database's snapshot now (`xmin:xmax:in-progress ids`), read before a view is computed: every change the view may
 * not have seen belongs to a transaction this snapshot does not see as committed.
 */
export async function snapshotNow(db: Db): Promise<string> {
  const r = (await db.execute(sql`select pg_current_snapshot()::text as s`)) as unknown as {
    rows: { s: string }[];
  };
  return r.rows[0]!.s;
}

/**
 * Whether a transaction the snapshot did not see as committed has changed the enterprise's data (or everyone's), as
 * the board's `?since=` poll asks of orders. Not only "an id >= xmin": a transaction of another database, or a long
 * one, holds xmin back, and every change committed meanwhile would count again. Every answer from the cache pays for
 * this probe, so it is one prepared statement on the primary key.
 */
export async function changedSince(db: Db, enterpriseId: string, snapshot: string): Promise<boolean> {
  let query = changedSinceQueries.get(db);
  if (!query) changedSinceQueries.set(db, (query = prepareChangedSince(db)));
  const rows = await query.execute({ enterpriseId, snapshot });
  return rows.length > 0;
}

const prepareChangedSince = (db: Db) =>
  db
    .select({ one: sql<number>`1` })
    .from(dataChanges)
    .where(
      sql`${dataChanges.enterpriseId} in (${sql.placeholder('enterpriseId')}::uuid, ${EVERYONE}::uuid)
        and ${dataChanges.xid} >= pg_snapshot_xmin(${sql.placeholder('snapshot')}::pg_snapshot)
        and not pg_visible_in_snapshot(${dataChanges.xid}, ${sql.placeholder('snapshot')}::pg_snapshot)`,
    )
    .limit(1)
    .prepare('ranre_changed_since');
const changedSinceQueries = new WeakMap<Db, ReturnType<typeof prepareChangedSince>>();

/**
 * Forgets the changes noted more than `keepSeconds` ago by the database's own clock: no cached view lives that long
 * (its time to live is at most a minute), so none can be asked about them.
 */
export async function pruneChanges(db: Db, keepSeconds: number): Promise<void> {
  await db
    .delete(dataChanges)
    .where(lt(dataChanges.notedAt, sql`now() - make_interval(secs => ${keepSeconds})`));
}
