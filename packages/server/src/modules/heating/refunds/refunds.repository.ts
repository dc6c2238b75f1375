import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, heatingRefunds, heatingSeasons } from '../../../db/schema.ts';

export type RefundRow = typeof heatingRefunds.$inferSelect;

export async function listRefunds(db: Db, q: { enterpriseId: string | null; status?: RefundRow['status'] }) {
  const where: SQL[] = [];
  if (q.enterpriseId) where.push(eq(heatingRefunds.enterpriseId, q.enterpriseId));
  if (q.status) where.push(eq(heatingRefunds.status, q.status));
  return db
    .select({
      r: heatingRefunds,
      customerName: customers.name,
      accountNo: customers.accountNo,
      period: heatingSeasons.period,
      seasonEndsOn: heatingSeasons.endsOn,
    })
    .from(heatingRefunds)
    .innerJoin(customers, eq(customers.id, heatingRefunds.customerId))
    .innerJoin(heatingSeasons, eq(heatingSeasons.id, heatingRefunds.seasonId))
    .where(and(...where))
    .orderBy(heatingRefunds.status, heatingRefunds.committedOn, desc(heatingRefunds.createdAt));
}

export async function refundById(db: Db, id: string, lock = false) {
  const q = db.select().from(heatingRefunds).where(eq(heatingRefunds.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function nextRefundNo(db: Db, enterpriseId: string, period: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(heatingRefunds)
    .where(eq(heatingRefunds.enterpriseId, enterpriseId));
  return `TF${period.replace('-', '')}-${String((row?.n ?? 0) + 1).padStart(5, '0')}`;
}
