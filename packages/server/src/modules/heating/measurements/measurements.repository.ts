import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  customers,
  premises,
  sampleHouseholds,
  samplingPlans,
  temperatureMeasurements,
  users,
  workOrders,
} from '../../../db/schema.ts';

const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;

export type MeasurementRow = typeof temperatureMeasurements.$inferSelect;

export async function premisesWithCustomer(db: Db, id: string) {
  const [row] = await db
    .select({
      id: premises.id,
      enterpriseId: premises.enterpriseId,
      customerId: premises.customerId,
      unitHeatUseRate: premises.unitHeatUseRate,
      address: premises.address,
      district: premises.district,
    })
    .from(premises)
    .where(eq(premises.id, id))
    .limit(1);
  return row ?? null;
}

export async function sampleHousehold(tx: Db, id: string) {
  const [row] = await tx
    .select({ h: sampleHouseholds, seasonId: samplingPlans.seasonId })
    .from(sampleHouseholds)
    .innerJoin(samplingPlans, eq(samplingPlans.id, sampleHouseholds.planId))
    .where(eq(sampleHouseholds.id, id))
    .for('update')
    .limit(1);
  return row ?? null;
}

export async function markMeasured(tx: Db, id: string) {
  await tx
    .update(sampleHouseholds)
    .set({ status: 'measured', version: sql`${sampleHouseholds.version} + 1` })
    .where(eq(sampleHouseholds.id, id));
}

export async function order(tx: Db, id: string) {
  const [row] = await tx.select().from(workOrders).where(eq(workOrders.id, id)).limit(1);
  return row ?? null;
}

export async function insertMeasurement(tx: Db, values: typeof temperatureMeasurements.$inferInsert) {
  const [row] = await tx.insert(temperatureMeasurements).values(values).returning();
  return row!;
}

export async function listMeasurements(
  db: Db,
  q: {
    enterpriseId: string | null;
    from?: Date;
    to?: Date;
    outcome?: (typeof temperatureMeasurements.$inferSelect)['outcome'];
    premisesId?: string;
    workOrderId?: string;
    limit: number;
  },
) {
  const where: SQL[] = [];
  if (q.enterpriseId) where.push(eq(temperatureMeasurements.enterpriseId, q.enterpriseId));
  if (q.from) where.push(gte(temperatureMeasurements.measuredAt, q.from));
  if (q.to) where.push(lt(temperatureMeasurements.measuredAt, q.to));
  if (q.outcome) where.push(eq(temperatureMeasurements.outcome, q.outcome));
  if (q.premisesId) where.push(eq(temperatureMeasurements.premisesId, q.premisesId));
  if (q.workOrderId) where.push(eq(temperatureMeasurements.workOrderId, q.workOrderId));
  return db
    .select({
      m: temperatureMeasurements,
      address: premises.address,
      district: premises.district,
      customerName: customers.name,
      measurerName: users.displayName,
      orderNo: workOrders.orderNo,
    })
    .from(temperatureMeasurements)
    .innerJoin(premises, eq(premises.id, temperatureMeasurements.premisesId))
    .innerJoin(customers, eq(customers.id, temperatureMeasurements.customerId))
    .leftJoin(users, eq(users.id, temperatureMeasurements.measuredBy))
    .leftJoin(workOrders, eq(workOrders.id, temperatureMeasurements.workOrderId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(temperatureMeasurements.measuredAt))
    .limit(q.limit);
}

/**
 * H-10.5.3 inputs: for each household its latest decisive measurement (pass or fail) in the window; analysis-only
 * readings (H-5.4.7) never count. Also the lowest bedroom/living-room reading of every measurement for the histogram.
 */
export async function dashboardRows(db: Db, enterpriseId: string | null, from: Date, to: Date) {
  const scope = enterpriseId ? sql`and m.enterprise_id = ${enterpriseId}::uuid` : sql``;
  const window = sql`m.measured_at >= ${from.toISOString()}::timestamptz and m.measured_at < ${to.toISOString()}::timestamptz`;
  const households = await db.execute(sql`
    select distinct on (m.premises_id) m.premises_id, m.outcome, p.district
    from temperature_measurements m join premises p on p.id = m.premises_id
    where m.outcome in ('pass', 'fail') and ${window} ${scope}
    order by m.premises_id, m.measured_at desc, m.id`);
  const counts = await db.execute(sql`
    select m.outcome, count(*)::int as n from temperature_measurements m
    where ${window} ${scope} group by m.outcome`);
  const histogram = await db.execute(sql`
    select floor(m.min_decisive_tenths / 10.0)::int as degree, m.outcome, count(*)::int as n
    from temperature_measurements m
    where m.min_decisive_tenths is not null and ${window} ${scope}
    group by 1, 2 order by 1`);
  return {
    households: rowsOf(households) as { premises_id: string; outcome: string; district: string }[],
    counts: rowsOf(counts) as { outcome: string; n: number }[],
    histogram: rowsOf(histogram) as { degree: number; outcome: MeasurementRow['outcome']; n: number }[],
  };
}

/** The measurer's work for the phone: planned sampled households and his open measurement orders (BEFORE_COMPLETION). */
/** A measurement order not yet measured, as the SQL of tasksOf selects it. */
export interface MeasurementOrder {
  workOrderId: string;
  orderNo: string;
  itemCode: string;
  description: string;
  premisesId: string | null;
  customerName: string | null;
  address: string;
}

export async function tasksOf(db: Db, userId: string, enterpriseId: string, orderStates: readonly string[]) {
  const sampled = await db
    .select({
      sampleHouseholdId: sampleHouseholds.id,
      premisesId: premises.id,
      assignedOn: sampleHouseholds.assignedOn,
      address: premises.address,
      customerName: customers.name,
      unitHeatUseRate: premises.unitHeatUseRate,
    })
    .from(sampleHouseholds)
    .innerJoin(premises, eq(premises.id, sampleHouseholds.premisesId))
    .innerJoin(customers, eq(customers.id, premises.customerId))
    .where(
      and(
        eq(sampleHouseholds.measurerId, userId),
        eq(sampleHouseholds.enterpriseId, enterpriseId),
        eq(sampleHouseholds.status, 'planned'),
      ),
    )
    .orderBy(sampleHouseholds.assignedOn, premises.address)
    .limit(100);
  const { rows } = (await db.execute(sql`
    select o.id as "workOrderId", o.order_no as "orderNo", o.item_code as "itemCode", o.description,
      coalesce(o.premises_id, (select p.id from premises p where p.customer_id = o.customer_id
        order by p.created_at, p.id limit 1)) as "premisesId",
      c.name as "customerName", o.address
    from work_orders o left join customers c on c.id = o.customer_id
    where o.assignee_id = ${userId}::uuid and o.enterprise_id = ${enterpriseId}::uuid
      and o.item_code in ('heating_quality_complaint', 'room_temperature_test')
      and o.state in (${sql.join(
        orderStates.map((s) => sql`${s}`),
        sql`, `,
      )})
      and not exists (select 1 from temperature_measurements m where m.work_order_id = o.id)
    order by o.received_at limit 50`)) as unknown as { rows: MeasurementOrder[] };
  return { sampled, orders: rows };
}
