import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { satisfactionResponses } from '../../../db/schema.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export async function insertResponses(db: Db, rows: (typeof satisfactionResponses.$inferInsert)[]) {
  let n = 0;
  for (let i = 0; i < rows.length; i += 500) {
    n += (
      await db
        .insert(satisfactionResponses)
        .values(rows.slice(i, i + 500))
        .returning({ id: satisfactionResponses.id })
    ).length;
  }
  return n;
}

export interface SurveyFilter {
  enterpriseId: string | null;
  start?: Date | undefined;
  end?: Date | undefined;
}

export async function listResponses(db: Db, f: SurveyFilter, page: { limit: number; offset: number }) {
  const where: SQL[] = [sql`true`];
  if (f.enterpriseId) where.push(sql`s.enterprise_id = ${f.enterpriseId}::uuid`);
  if (f.start) where.push(sql`s.surveyed_at >= ${f.start.toISOString()}::timestamptz`);
  if (f.end) where.push(sql`s.surveyed_at < ${f.end.toISOString()}::timestamptz`);
  const w = sql.join(where, sql` and `);
  const totals = await db.execute(sql`
    select count(*)::int as n, count(*) filter (where s.grade <> 'dissatisfied')::int as ok
    from satisfaction_responses s where ${w}`);
  const factors = await db.execute(sql`
    select f.key as factor,
      count(*) filter (where f.value = 'satisfied')::int as satisfied,
      count(*) filter (where f.value = 'basically_satisfied')::int as basically,
      count(*) filter (where f.value = 'dissatisfied')::int as dissatisfied
    from satisfaction_responses s cross join lateral jsonb_each_text(s.factors) f
    where ${w} group by f.key order by f.key`);
  const rows = await db.execute(sql`
    select s.* from satisfaction_responses s where ${w}
    order by s.surveyed_at desc, s.id desc limit ${page.limit} offset ${page.offset}`);
  const t = rowsOf<{ n: number; ok: number }>(totals)[0]!;
  return {
    rows: rowsOf<{
      id: string;
      enterprise_id: string;
      source: string;
      surveyor: string;
      surveyed_at: string | Date;
      respondent: string;
      grade: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
      factors: Record<string, string> | string;
    }>(rows),
    respondents: Number(t.n),
    satisfied: Number(t.ok),
    factors: rowsOf<{ factor: string; satisfied: number; basically: number; dissatisfied: number }>(
      factors,
    ).map((r) => ({
      factor: r.factor,
      satisfied: Number(r.satisfied),
      basicallySatisfied: Number(r.basically),
      dissatisfied: Number(r.dissatisfied),
    })),
  };
}
