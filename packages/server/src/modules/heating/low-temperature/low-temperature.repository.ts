import { and, desc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  customers,
  lowTemperatureCases,
  lowTemperatureRules,
  premises,
  temperatureMeasurements,
  workOrders,
} from '../../../db/schema.ts';

export type CaseRow = typeof lowTemperatureCases.$inferSelect;
export type RuleRow = typeof lowTemperatureRules.$inferSelect;
type OrderRow = typeof workOrders.$inferSelect;
type MeasurementRow = typeof temperatureMeasurements.$inferSelect;

/**
 * H-7.2.3: the first measurement taken through a complaint's order opens its case (one per order); later
 * measurements of the same order are kept as records but do not reopen it.
 */
export async function openCaseForOrder(
  tx: Db,
  input: { order: OrderRow; measurement: MeasurementRow; createdBy: string | null; now: Date },
): Promise<string> {
  const { order, measurement } = input;
  const [made] = await tx
    .insert(lowTemperatureCases)
    .values({
      enterpriseId: order.enterpriseId,
      workOrderId: order.id,
      customerId: measurement.customerId,
      premisesId: measurement.premisesId,
      measurementId: measurement.id,
      companyResult: measurement.outcome,
      createdBy: input.createdBy,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .onConflictDoNothing()
    .returning({ id: lowTemperatureCases.id });
  if (made) return made.id;
  const [existing] = await tx
    .select({ id: lowTemperatureCases.id })
    .from(lowTemperatureCases)
    .where(eq(lowTemperatureCases.workOrderId, order.id));
  return existing!.id;
}

export async function caseById(db: Db, id: string, forUpdate = false) {
  const q = db
    .select({ c: lowTemperatureCases, m: temperatureMeasurements })
    .from(lowTemperatureCases)
    .innerJoin(temperatureMeasurements, eq(temperatureMeasurements.id, lowTemperatureCases.measurementId))
    .where(eq(lowTemperatureCases.id, id))
    .limit(1);
  const [row] = forUpdate ? await q.for('update', { of: lowTemperatureCases }) : await q;
  return row ?? null;
}

export async function listCases(
  db: Db,
  enterpriseId: string | null,
  status?: (typeof lowTemperatureCases.$inferSelect)['status'],
) {
  const where: SQL[] = [];
  if (enterpriseId) where.push(eq(lowTemperatureCases.enterpriseId, enterpriseId));
  if (status) where.push(eq(lowTemperatureCases.status, status));
  return db
    .select({
      c: lowTemperatureCases,
      orderNo: workOrders.orderNo,
      itemCode: workOrders.itemCode,
      // The complaint's clocks: its next deadline and whether one was missed (H-7.4.3, H-7.4.4).
      orderState: workOrders.state,
      nextDueAt: workOrders.nextDueAt,
      breached: workOrders.breached,
      customerName: customers.name,
      accountNo: customers.accountNo,
      address: premises.address,
      measuredAt: temperatureMeasurements.measuredAt,
      minDecisiveTenths: temperatureMeasurements.minDecisiveTenths,
      requiredTenths: temperatureMeasurements.requiredTenths,
      measurementOutcome: temperatureMeasurements.outcome,
    })
    .from(lowTemperatureCases)
    .innerJoin(workOrders, eq(workOrders.id, lowTemperatureCases.workOrderId))
    .innerJoin(customers, eq(customers.id, lowTemperatureCases.customerId))
    .innerJoin(premises, eq(premises.id, lowTemperatureCases.premisesId))
    .innerJoin(temperatureMeasurements, eq(temperatureMeasurements.id, lowTemperatureCases.measurementId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(lowTemperatureCases.createdAt))
    .limit(200);
}

export async function updateCase(tx: Db, id: string, version: number, changes: Partial<CaseRow>) {
  const rows = await tx
    .update(lowTemperatureCases)
    .set({ ...changes, version: sql`${lowTemperatureCases.version} + 1` })
    .where(and(eq(lowTemperatureCases.id, id), eq(lowTemperatureCases.version, version)))
    .returning({ id: lowTemperatureCases.id });
  return rows.length === 1;
}

/** The rule in force on a date: the latest that started on or before it and has not ended. */
export async function ruleOn(db: Db, enterpriseId: string, date: string): Promise<RuleRow | null> {
  const [row] = await db
    .select()
    .from(lowTemperatureRules)
    .where(
      and(
        eq(lowTemperatureRules.enterpriseId, enterpriseId),
        lte(lowTemperatureRules.effectiveFrom, date),
        or(isNull(lowTemperatureRules.effectiveTo), gte(lowTemperatureRules.effectiveTo, date)),
      ),
    )
    .orderBy(desc(lowTemperatureRules.effectiveFrom), desc(lowTemperatureRules.createdAt))
    .limit(1);
  return row ?? null;
}

export async function rulesOf(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(lowTemperatureRules)
    .where(enterpriseId ? eq(lowTemperatureRules.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(lowTemperatureRules.effectiveFrom));
}

export async function insertRule(tx: Db, values: typeof lowTemperatureRules.$inferInsert): Promise<RuleRow> {
  const [row] = await tx.insert(lowTemperatureRules).values(values).returning();
  return row!;
}
