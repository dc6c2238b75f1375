import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { windowWaitSamples } from '../../../db/schema.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export async function servicePointsOf(db: Db, enterpriseId: string): Promise<string[]> {
  const res = await db.execute(sql`select service_points from enterprises where id = ${enterpriseId}::uuid`);
  const points = rowsOf<{ service_points: { name: string }[] | string }>(res)[0]?.service_points ?? [];
  const list = typeof points === 'string' ? (JSON.parse(points) as { name: string }[]) : points;
  return list.map((p) => p.name);
}

export async function insertSamples(db: Db, rows: (typeof windowWaitSamples.$inferInsert)[]) {
  return db.insert(windowWaitSamples).values(rows).returning({ id: windowWaitSamples.id });
}

export interface WaitFilter {
  enterpriseId: string | null;
  start?: Date | undefined;
  end?: Date | undefined;
}

export async function listSamples(db: Db, f: WaitFilter, page: { limit: number; offset: number }) {
  const where: SQL[] = [sql`true`];
  if (f.enterpriseId) where.push(sql`s.enterprise_id = ${f.enterpriseId}::uuid`);
  if (f.start) where.push(sql`s.arrived_at >= ${f.start.toISOString()}::timestamptz`);
  if (f.end) where.push(sql`s.arrived_at < ${f.end.toISOString()}::timestamptz`);
  const w = sql.join(where, sql` and `);
  const summary = await db.execute(sql`
    select count(*)::int as n, coalesce(sum(s.wait_seconds), 0)::bigint as total
    from window_wait_samples s where ${w}`);
  const rows = await db.execute(sql`
    select s.id, s.enterprise_id, s.service_point, s.arrived_at, s.wait_seconds, s.note from window_wait_samples s
    where ${w} order by s.arrived_at desc, s.id desc limit ${page.limit} offset ${page.offset}`);
  const s = rowsOf<{ n: number; total: string | number }>(summary)[0]!;
  return {
    rows: rowsOf<{
      id: string;
      enterprise_id: string;
      service_point: string;
      arrived_at: string | Date;
      wait_seconds: number;
      note: string;
    }>(rows),
    sampled: Number(s.n),
    totalSeconds: Number(s.total),
  };
}
