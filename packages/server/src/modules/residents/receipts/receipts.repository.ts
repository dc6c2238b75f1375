import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { payments } from '../../../db/schema.ts';

export async function paymentsOf(db: Db, customerId: string) {
  return db
    .select({
      id: payments.id,
      customerId: payments.customerId,
      receiptNo: payments.receiptNo,
      sector: payments.sector,
      channel: payments.channel,
      amountFen: payments.amountFen,
      receivedAt: payments.receivedAt,
      billId: payments.billId,
    })
    .from(payments)
    .where(eq(payments.customerId, customerId))
    .orderBy(desc(payments.receivedAt), desc(payments.receiptNo))
    .limit(60);
}

export async function customerOfPayment(db: Db, id: string) {
  const [row] = await db
    .select({ customerId: payments.customerId })
    .from(payments)
    .where(eq(payments.id, id));
  return row?.customerId ?? null;
}
