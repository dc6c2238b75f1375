import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bills, customers, heatMeterDisputes, meterReadings, meters, premises } from '../../../db/schema.ts';

export type DisputeRow = typeof heatMeterDisputes.$inferSelect;

export async function listDisputes(db: Db, enterpriseId: string | null) {
  return db
    .select({
      d: heatMeterDisputes,
      customerName: customers.name,
      accountNo: customers.accountNo,
      meterSerial: meters.serialNo,
    })
    .from(heatMeterDisputes)
    .innerJoin(customers, eq(customers.id, heatMeterDisputes.customerId))
    .leftJoin(meters, eq(meters.id, heatMeterDisputes.meterId))
    .where(enterpriseId ? eq(heatMeterDisputes.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(heatMeterDisputes.raisedOn), desc(heatMeterDisputes.createdAt));
}

export async function disputeById(db: Db, id: string, lock = false) {
  const q = db.select().from(heatMeterDisputes).where(eq(heatMeterDisputes.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function customerWithArea(db: Db, customerId: string) {
  const [row] = await db
    .select({
      id: customers.id,
      enterpriseId: customers.enterpriseId,
      kind: customers.kind,
      heatedAreaM2: premises.heatedAreaM2,
    })
    .from(customers)
    .leftJoin(premises, eq(premises.customerId, customers.id))
    .where(eq(customers.id, customerId))
    .limit(1);
  return row;
}

export async function meterById(db: Db, id: string) {
  const [row] = await db.select().from(meters).where(eq(meters.id, id));
  return row;
}

export async function seasonBillOf(db: Db, customerId: string, period: string) {
  const [row] = await db
    .select()
    .from(bills)
    .where(
      and(
        eq(bills.customerId, customerId),
        eq(bills.sector, 'heating'),
        eq(bills.period, period),
        eq(bills.kind, 'season'),
      ),
    );
  return row;
}

/** Metered heat (Wh) of the customer's heat meters read within the dates. */
export async function meteredWhBetween(db: Db, customerId: string, from: string, to: string) {
  const [row] = await db
    .select({ wh: sql<string | null>`sum(${meterReadings.usage})` })
    .from(meterReadings)
    .innerJoin(meters, eq(meters.id, meterReadings.meterId))
    .where(
      and(
        eq(meterReadings.customerId, customerId),
        eq(meters.sector, 'heat'),
        gte(meterReadings.readOn, from),
        lte(meterReadings.readOn, to),
      ),
    );
  return Number(row?.wh ?? 0);
}
