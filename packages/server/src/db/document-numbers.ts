import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { documentCounters } from './schema.ts';

/**
 * The next running number of a series (e.g. 'XS20261126-') of an enterprise, as `XS20261126-0001`. The counter row
 * is created or incremented by one statement that locks it until the caller's transaction ends, so two writes at
 * the same moment wait for each other instead of both counting the same rows (migration 0049).
 */
export async function nextDocumentNo(
  tx: Db,
  enterpriseId: string,
  series: string,
  width = 4,
): Promise<string> {
  const [row] = await tx
    .insert(documentCounters)
    .values({ enterpriseId, series, last: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.enterpriseId, documentCounters.series],
      set: { last: sql`${documentCounters.last} + 1` },
    })
    .returning({ last: documentCounters.last });
  return `${series}${String(row!.last).padStart(width, '0')}`;
}
