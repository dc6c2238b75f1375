import { and, desc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { evaluationStatements, users } from '../../../db/schema.ts';

export type StatementRow = typeof evaluationStatements.$inferSelect & { authorName: string | null };
type NewStatement = typeof evaluationStatements.$inferInsert;

const columns = { s: evaluationStatements, authorName: users.displayName };

const flat = (r: {
  s: typeof evaluationStatements.$inferSelect;
  authorName: string | null;
}): StatementRow => ({
  ...r.s,
  authorName: r.authorName,
});

/** A period's statements, newest first; `enterpriseId` null: every enterprise's (the regulator). */
export async function listStatements(db: Db, period: string, enterpriseId: string | null) {
  const scope: SQL | undefined = enterpriseId
    ? or(eq(evaluationStatements.enterpriseId, enterpriseId), isNull(evaluationStatements.enterpriseId))
    : undefined;
  const rows = await db
    .select(columns)
    .from(evaluationStatements)
    .leftJoin(users, eq(users.id, evaluationStatements.createdBy))
    .where(and(eq(evaluationStatements.period, period), scope))
    .orderBy(desc(evaluationStatements.createdAt));
  return rows.map(flat);
}

export async function insertStatement(db: Db, values: NewStatement): Promise<StatementRow> {
  const [row] = await db.insert(evaluationStatements).values(values).returning();
  return { ...row!, authorName: null };
}

/** The latest publications, newest first: an enterprise's own and the regulator's of every enterprise. */
export async function publications(db: Db, enterpriseId: string | undefined, limit: number) {
  const rows = await db
    .select(columns)
    .from(evaluationStatements)
    .leftJoin(users, eq(users.id, evaluationStatements.createdBy))
    .where(
      and(
        eq(evaluationStatements.kind, 'publication'),
        enterpriseId
          ? or(eq(evaluationStatements.enterpriseId, enterpriseId), isNull(evaluationStatements.enterpriseId))
          : undefined,
      ),
    )
    .orderBy(desc(evaluationStatements.createdAt))
    .limit(limit);
  return rows.map(flat);
}
