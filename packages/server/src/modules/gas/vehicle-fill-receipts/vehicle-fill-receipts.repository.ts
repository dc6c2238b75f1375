import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { enterprises, vehicleFillReceipts, vehicleFills } from '../../../db/schema.ts';

export async function fillById(db: Db, id: string, enterpriseId: string) {
  const [row] = await db
    .select()
    .from(vehicleFills)
    .where(and(eq(vehicleFills.id, id), eq(vehicleFills.enterpriseId, enterpriseId)));
  return row;
}

export async function insertReceipt(db: Db, values: typeof vehicleFillReceipts.$inferInsert) {
  const [row] = await db.insert(vehicleFillReceipts).values(values).returning();
  return row!;
}

/** The receipt of a fill with the fill and the issuing enterprise (what the PDF prints). */
export async function receiptOfFill(db: Db, fillId: string, enterpriseId: string) {
  const [row] = await db
    .select({
      r: vehicleFillReceipts,
      f: vehicleFills,
      company: enterprises.name,
      creditCode: enterprises.creditCode,
      hotline: enterprises.hotline,
      supervisionPhone: enterprises.supervisionPhone,
    })
    .from(vehicleFillReceipts)
    .innerJoin(vehicleFills, eq(vehicleFills.id, vehicleFillReceipts.fillId))
    .innerJoin(enterprises, eq(enterprises.id, vehicleFillReceipts.enterpriseId))
    .where(and(eq(vehicleFillReceipts.fillId, fillId), eq(vehicleFillReceipts.enterpriseId, enterpriseId)));
  return row;
}

/** For the fill log: which fills have their receipt. */
export async function receiptsOfFills(db: Db, fillIds: string[]) {
  if (fillIds.length === 0) return [];
  return db
    .select({
      id: vehicleFillReceipts.id,
      fillId: vehicleFillReceipts.fillId,
      receiptNo: vehicleFillReceipts.receiptNo,
      amountFen: vehicleFillReceipts.amountFen,
    })
    .from(vehicleFillReceipts)
    .where(inArray(vehicleFillReceipts.fillId, fillIds));
}
