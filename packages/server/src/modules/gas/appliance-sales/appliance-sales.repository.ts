import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { applianceModels, applianceSales, users } from '../../../db/schema.ts';

export type ModelRow = typeof applianceModels.$inferSelect;

export async function listModels(db: Db, enterpriseId: string | null, all: boolean) {
  const where = and(
    enterpriseId ? eq(applianceModels.enterpriseId, enterpriseId) : undefined,
    all ? undefined : eq(applianceModels.active, true),
  );
  return db
    .select()
    .from(applianceModels)
    .where(where)
    .orderBy(asc(applianceModels.category), asc(applianceModels.brand), asc(applianceModels.model));
}

export async function findModel(db: Db, id: string): Promise<ModelRow | null> {
  const [row] = await db.select().from(applianceModels).where(eq(applianceModels.id, id));
  return row ?? null;
}

export async function insertModel(db: Db, values: typeof applianceModels.$inferInsert) {
  const [row] = await db.insert(applianceModels).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateModel(db: Db, id: string, values: Partial<typeof applianceModels.$inferInsert>) {
  const [row] = await db.update(applianceModels).set(values).where(eq(applianceModels.id, id)).returning();
  return row!;
}

export async function listSales(db: Db, enterpriseId: string | null) {
  return db
    .select({ s: applianceSales, soldBy: users.displayName })
    .from(applianceSales)
    .leftJoin(users, eq(users.id, applianceSales.soldBy))
    .where(enterpriseId ? eq(applianceSales.enterpriseId, enterpriseId) : undefined)
    .orderBy(desc(applianceSales.soldAt))
    .limit(200);
}

export async function findSale(db: Db, id: string, enterpriseId: string | null) {
  return db
    .select({ s: applianceSales, soldBy: users.displayName })
    .from(applianceSales)
    .leftJoin(users, eq(users.id, applianceSales.soldBy))
    .where(
      and(
        eq(applianceSales.id, id),
        enterpriseId ? eq(applianceSales.enterpriseId, enterpriseId) : undefined,
      ),
    );
}

export async function insertSale(db: Db, values: typeof applianceSales.$inferInsert) {
  const [row] = await db.insert(applianceSales).values(values).returning();
  return row!;
}

/**
 * The gas each declared community's pipeline network carries: the communities on the regulating stations of every
 * pipeline gas company (G-6.2.15), read across enterprises since a seller serves any company's customers.
 */
export async function gasAreas(db: Db, community?: string) {
  const rows = await db.execute(sql`select distinct c.community, s.gas_type as "gasType"
    from pressure_stations s
    join enterprises e on e.id = s.enterprise_id and e.kind = 'pipeline_gas'
    cross join lateral jsonb_array_elements_text(s.near_communities || s.far_communities) as c(community)
    ${community === undefined ? sql`` : sql`where c.community = ${community}`}
    order by 1, 2`);
  return (rows as unknown as { rows: { community: string; gasType: string }[] }).rows;
}
