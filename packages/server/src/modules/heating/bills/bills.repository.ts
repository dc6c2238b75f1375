import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  bills,
  customers,
  heatMeterDisputes,
  ledgerEntries,
  meterReadings,
  meters,
  notifications,
  payments,
  premises,
  workOrders,
} from '../../../db/schema.ts';

// Reads of the shared money tables and the work-order projection for heating billing. Bills, payments and
// ledger entries are documents (append-only): this module only inserts them.

export const HEATING_CLASSES = ['heating_resident', 'heating_non_resident'];

/** The heating accounts of an enterprise with their first premises, optionally only in the season's districts. */
export async function heatingAccounts(db: Db, enterpriseId: string, districts: string[]) {
  const where: SQL[] = [
    eq(customers.enterpriseId, enterpriseId),
    inArray(customers.kind, HEATING_CLASSES),
    eq(customers.status, 'active'),
  ];
  if (districts.length > 0) where.push(inArray(premises.district, districts));
  const rows = await db
    .select({
      id: customers.id,
      accountNo: customers.accountNo,
      name: customers.name,
      kind: customers.kind,
      phone: customers.phone,
      premisesId: premises.id,
      district: premises.district,
      address: premises.address,
      heatedAreaM2: premises.heatedAreaM2,
    })
    .from(customers)
    .innerJoin(premises, eq(premises.customerId, customers.id))
    .where(and(...where))
    .orderBy(asc(customers.accountNo), asc(premises.createdAt));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}
export type HeatingAccount = Awaited<ReturnType<typeof heatingAccounts>>[number];

/** Heat meters in service, and the heat (Wh = kWh×1000) their readings record within the dates. */
export async function heatMeterUse(db: Db, enterpriseId: string, from: string, to: string) {
  const inService = await db
    .select({ id: meters.id, customerId: meters.customerId })
    .from(meters)
    .where(
      and(eq(meters.enterpriseId, enterpriseId), eq(meters.sector, 'heat'), eq(meters.status, 'in_service')),
    );
  const use = await db
    .select({ customerId: meterReadings.customerId, wh: sql<string>`sum(${meterReadings.usage})` })
    .from(meterReadings)
    .innerJoin(meters, eq(meters.id, meterReadings.meterId))
    .where(
      and(
        eq(meterReadings.enterpriseId, enterpriseId),
        eq(meters.sector, 'heat'),
        gte(meterReadings.readOn, from),
        lte(meterReadings.readOn, to),
      ),
    )
    .groupBy(meterReadings.customerId);
  return {
    metered: new Set(inService.map((m) => m.customerId).filter((c): c is string => !!c)),
    whOf: new Map(use.map((u) => [u.customerId, Number(u.wh)])),
  };
}

/** Accounts whose heat meter was found faulty (H-7.2.4.3): billed by area. */
export async function areaBilledByDispute(db: Db, enterpriseId: string): Promise<Set<string>> {
  const rows = await db
    .select({ customerId: heatMeterDisputes.customerId })
    .from(heatMeterDisputes)
    .where(and(eq(heatMeterDisputes.enterpriseId, enterpriseId), eq(heatMeterDisputes.billing, 'area')));
  return new Set(rows.map((r) => r.customerId));
}

/** Suspension and resumption orders (H-7.1.7, H-7.1.8) of the enterprise, oldest first. */
export async function suspensionOrders(db: Db, enterpriseId: string) {
  return db
    .select({
      id: workOrders.id,
      itemCode: workOrders.itemCode,
      customerId: workOrders.customerId,
      state: workOrders.state,
      receivedAt: workOrders.receivedAt,
    })
    .from(workOrders)
    .where(
      and(
        eq(workOrders.enterpriseId, enterpriseId),
        inArray(workOrders.itemCode, ['heating_suspension', 'heating_resumption']),
        sql`${workOrders.state} <> 'cancelled'`,
      ),
    )
    .orderBy(asc(workOrders.receivedAt));
}

export async function seasonBills(db: Db, enterpriseId: string, period: string) {
  return db
    .select()
    .from(bills)
    .where(and(eq(bills.enterpriseId, enterpriseId), eq(bills.sector, 'heating'), eq(bills.period, period)))
    .orderBy(asc(bills.billNo));
}
export type BillRow = typeof bills.$inferSelect;

/** Paid amount and the day of the last payment, per bill. */
export async function paymentsOfBills(db: Db, billIds: string[]) {
  if (billIds.length === 0) return new Map<string, { paidFen: number; lastAt: Date }>();
  const rows = await db
    .select({
      billId: payments.billId,
      paid: sql<string>`sum(${payments.amountFen})`,
      lastAt: sql<Date>`max(${payments.receivedAt})`,
    })
    .from(payments)
    .where(inArray(payments.billId, billIds))
    .groupBy(payments.billId);
  return new Map(rows.map((r) => [r.billId!, { paidFen: Number(r.paid), lastAt: new Date(r.lastAt) }]));
}

/** Early-payment rewards already booked (ledger adjustments, ref_type 'heating_reward', ref_id = bill id). */
export async function rewardsOfBills(db: Db, billIds: string[]) {
  if (billIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ billId: ledgerEntries.refId, amount: ledgerEntries.amountFen })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.refType, 'heating_reward'), inArray(ledgerEntries.refId, billIds)));
  return new Map(rows.map((r) => [r.billId, -r.amount]));
}

/** Reminders queued per bill (kind 'heating_reminder'). */
export async function remindersOfBills(db: Db, enterpriseId: string, billIds: string[]) {
  if (billIds.length === 0) return new Map<string, string[]>();
  const rows = await db
    .select({ refId: notifications.refId, key: notifications.dedupeKey })
    .from(notifications)
    .where(
      and(
        eq(notifications.enterpriseId, enterpriseId),
        eq(notifications.kind, 'heating_reminder'),
        inArray(notifications.refId, billIds),
      ),
    );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.refId!, [...(out.get(r.refId!) ?? []), r.key]);
  return out;
}

/**
 * Heating bills with their charge entries in the ledger, 200 rows a statement, in the caller's transaction
 * (season bills and metered settlements alike).
 */
export async function insertBillsWithCharges(
  tx: Db,
  values: (typeof bills.$inferInsert)[],
  charge: { enterpriseId: string; reason: string; bookedOn: string; createdBy: string },
): Promise<void> {
  for (let i = 0; i < values.length; i += 200) {
    const made = await tx
      .insert(bills)
      .values(values.slice(i, i + 200))
      .returning({ id: bills.id, customerId: bills.customerId, amountFen: bills.amountFen });
    await tx.insert(ledgerEntries).values(
      made.map((b) => ({
        enterpriseId: charge.enterpriseId,
        customerId: b.customerId,
        sector: 'heating',
        kind: 'charge',
        amountFen: b.amountFen,
        refType: 'bill',
        refId: b.id,
        reason: charge.reason,
        bookedOn: charge.bookedOn,
        createdBy: charge.createdBy,
      })),
    );
  }
}
