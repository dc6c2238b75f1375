import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { customers, emergencyExercises, emergencyPlans } from '../../../db/schema.ts';

export type PlanRow = typeof emergencyPlans.$inferSelect;
export type ExerciseRow = typeof emergencyExercises.$inferSelect;

export async function listPlans(db: Db, enterpriseId: string | null) {
  return db
    .select()
    .from(emergencyPlans)
    .where(enterpriseId ? eq(emergencyPlans.enterpriseId, enterpriseId) : undefined)
    .orderBy(asc(emergencyPlans.enterpriseId), asc(emergencyPlans.eventKind), desc(emergencyPlans.createdAt));
}

export async function findPlan(db: Db, id: string) {
  const [row] = await db.select().from(emergencyPlans).where(eq(emergencyPlans.id, id));
  return row;
}

export async function insertPlan(db: Db, values: typeof emergencyPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(emergencyPlans).values(values).returning();
  return row!;
}

/** Plans not revised by another: the ones in force. */
export async function currentPlans(db: Db) {
  return db
    .select()
    .from(emergencyPlans)
    .where(sql`not exists (select 1 from emergency_plans r where r.revises = ${emergencyPlans.id})`);
}

export async function listExercises(db: Db, enterpriseId: string | null, year: number) {
  return db
    .select()
    .from(emergencyExercises)
    .where(
      and(
        enterpriseId ? eq(emergencyExercises.enterpriseId, enterpriseId) : undefined,
        gte(emergencyExercises.heldOn, `${year}-01-01`),
        lte(emergencyExercises.heldOn, `${year}-12-31`),
      ),
    )
    .orderBy(desc(emergencyExercises.heldOn), desc(emergencyExercises.createdAt));
}

export async function insertExercise(
  db: Db,
  values: typeof emergencyExercises.$inferInsert,
): Promise<ExerciseRow> {
  const [row] = await db.insert(emergencyExercises).values(values).returning();
  return row!;
}

/**
 * A year's counts per enterprise and kind, counting only what the clauses count: drills with customers (G-5.12.4)
 * and publicity for rural residents (G-5.12.5).
 */
export async function yearCounts(db: Db, year: number) {
  return db
    .select({
      enterpriseId: emergencyExercises.enterpriseId,
      kind: emergencyExercises.kind,
      n: sql<number>`count(*)::int`,
    })
    .from(emergencyExercises)
    .where(
      and(
        gte(emergencyExercises.heldOn, `${year}-01-01`),
        lte(emergencyExercises.heldOn, `${year}-12-31`),
        sql`(${emergencyExercises.kind} = 'drill' and ${emergencyExercises.audience} = 'customers'
          or ${emergencyExercises.kind} = 'leak_publicity' and ${emergencyExercises.audience} = 'rural_residents')`,
      ),
    )
    .groupBy(emergencyExercises.enterpriseId, emergencyExercises.kind);
}

/** Whether an enterprise has rural pipeline-gas customers (G-5.12.5 applies to it). */
export async function hasRuralCustomers(db: Db, enterpriseId: string): Promise<boolean> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.enterpriseId, enterpriseId), eq(customers.kind, 'pipeline_rural_resident')))
    .limit(1);
  return rows.length > 0;
}
