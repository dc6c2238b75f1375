import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { paymentIntents } from '../../../db/schema.ts';

export type IntentRow = typeof paymentIntents.$inferSelect;
export type NewIntent = typeof paymentIntents.$inferInsert;

export async function insertIntent(tx: Db, values: NewIntent) {
  const [row] = await tx.insert(paymentIntents).values(values).returning();
  return row!;
}

/** The intent a notification names, locked: two deliveries of one notification are decided one after the other. */
export async function findIntentByTradeNo(db: Db, outTradeNo: string, forUpdate = false) {
  const q = db.select().from(paymentIntents).where(eq(paymentIntents.outTradeNo, outTradeNo));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function markIntentPaid(
  tx: Db,
  id: string,
  paid: { tradeNo: string; paidAt: Date; paymentId: string },
) {
  const [row] = await tx
    .update(paymentIntents)
    .set({ status: 'paid', tradeNo: paid.tradeNo, paidAt: paid.paidAt, paymentId: paid.paymentId })
    .where(eq(paymentIntents.id, id))
    .returning();
  return row!;
}
