import { DEFAULT_ANSWER_THRESHOLD_SECONDS } from '@ranre/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { callAnswerThresholds, callRecords } from '../../../db/schema.ts';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

export type CallRecordRow = typeof callRecords.$inferSelect;
export type NewCallRecord = typeof callRecords.$inferInsert;

export async function existingCalls(db: Db, enterpriseId: string, externalIds: string[]) {
  if (externalIds.length === 0) return [];
  const out: CallRecordRow[] = [];
  for (let i = 0; i < externalIds.length; i += 1000) {
    out.push(
      ...(await db
        .select()
        .from(callRecords)
        .where(
          and(
            eq(callRecords.enterpriseId, enterpriseId),
            inArray(callRecords.externalId, externalIds.slice(i, i + 1000)),
          ),
        )),
    );
  }
  return out;
}

/** Inserts the calls not yet recorded (another import may race this one); returns how many were added. */
export async function insertCalls(db: Db, rows: NewCallRecord[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const res = await db
      .insert(callRecords)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing({ target: [callRecords.enterpriseId, callRecords.externalId] })
      .returning({ id: callRecords.id });
    added += res.length;
  }
  return added;
}

/** The threshold in force when the call rang (the default while none was set) — as evaluation counts it. */
const THRESHOLD = sql`coalesce((select h.seconds from call_answer_thresholds h
  where h.enterprise_id = c.enterprise_id and h.effective_from <= c.rang_at
  order by h.effective_from desc, h.set_at desc limit 1), ${DEFAULT_ANSWER_THRESHOLD_SECONDS}::int)`;

export interface CallFilter {
  enterpriseId: string | null;
  start?: Date | undefined;
  end?: Date | undefined;
  outcome?: 'answered_in_time' | 'answered_late' | 'abandoned' | undefined;
}

function judged(f: CallFilter): SQL {
  const where: SQL[] = [sql`true`];
  if (f.enterpriseId) where.push(sql`c.enterprise_id = ${f.enterpriseId}::uuid`);
  if (f.start) where.push(sql`c.rang_at >= ${f.start.toISOString()}::timestamptz`);
  if (f.end) where.push(sql`c.rang_at < ${f.end.toISOString()}::timestamptz`);
  return sql`
    select j.*, case when j.answered_at is null then 'abandoned'
      when j.answered_at <= j.rang_at + make_interval(secs => j.threshold_seconds) then 'answered_in_time'
      else 'answered_late' end as outcome
    from (select c.*, ${THRESHOLD} as threshold_seconds from call_records c
      where ${sql.join(where, sql` and `)}) j`;
}

export interface ListedCall {
  id: string;
  enterprise_id: string;
  external_id: string;
  line: string;
  agent: string;
  rang_at: string | Date;
  answered_at: string | Date | null;
  ended_at: string | Date | null;
  source: string;
  threshold_seconds: number;
  outcome: 'answered_in_time' | 'answered_late' | 'abandoned';
}

export async function listCalls(db: Db, f: CallFilter, page: { limit: number; offset: number }) {
  const where = f.outcome ? sql`where r.outcome = ${f.outcome}` : sql``;
  const all = judged({ ...f, outcome: undefined });
  const summary = await db.execute(sql`
    select count(*)::int as received, count(*) filter (where r.outcome = 'answered_in_time')::int as in_time,
      count(*) filter (where ${f.outcome ? sql`r.outcome = ${f.outcome}` : sql`true`})::int as total
    from (${all}) r`);
  const rows = await db.execute(sql`
    select * from (${all}) r ${where} order by r.rang_at desc, r.id desc limit ${page.limit} offset ${page.offset}`);
  const s = rowsOf<{ received: number; in_time: number; total: number }>(summary)[0]!;
  return {
    rows: rowsOf<ListedCall>(rows),
    total: Number(s.total),
    received: Number(s.received),
    answeredInTime: Number(s.in_time),
  };
}

export async function thresholdHistory(db: Db, enterpriseId: string) {
  return db
    .select()
    .from(callAnswerThresholds)
    .where(eq(callAnswerThresholds.enterpriseId, enterpriseId))
    .orderBy(desc(callAnswerThresholds.effectiveFrom), desc(callAnswerThresholds.setAt));
}

export async function insertThreshold(db: Db, values: typeof callAnswerThresholds.$inferInsert) {
  const [row] = await db.insert(callAnswerThresholds).values(values).returning();
  return row!;
}
