import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { gatewayKeys } from '../../../db/schema.ts';

export type GatewayKeyRow = typeof gatewayKeys.$inferSelect;

export async function listKeys(db: Db, enterpriseId: string): Promise<GatewayKeyRow[]> {
  return db
    .select()
    .from(gatewayKeys)
    .where(eq(gatewayKeys.enterpriseId, enterpriseId))
    .orderBy(desc(gatewayKeys.createdAt));
}

export async function insertKey(db: Db, values: typeof gatewayKeys.$inferInsert): Promise<GatewayKeyRow> {
  const [row] = await db.insert(gatewayKeys).values(values).returning();
  return row!;
}

export async function activeKeyOf(db: Db, enterpriseId: string, gateway: string) {
  const [row] = await db
    .select({ id: gatewayKeys.id })
    .from(gatewayKeys)
    .where(
      and(
        eq(gatewayKeys.enterpriseId, enterpriseId),
        eq(gatewayKeys.gateway, gateway),
        isNull(gatewayKeys.revokedAt),
      ),
    );
  return row ?? null;
}

/** The active key with this hash, if any. */
export async function findActiveByHash(db: Db, keyHash: string): Promise<GatewayKeyRow | null> {
  const [row] = await db
    .select()
    .from(gatewayKeys)
    .where(and(eq(gatewayKeys.keyHash, keyHash), isNull(gatewayKeys.revokedAt)));
  return row ?? null;
}

/** Revokes the enterprise's key; false when there is none active with that id. */
export async function revokeKey(db: Db, enterpriseId: string, id: string, by: string, at: Date) {
  const rows = await db
    .update(gatewayKeys)
    .set({ revokedAt: at, revokedBy: by })
    .where(
      and(eq(gatewayKeys.id, id), eq(gatewayKeys.enterpriseId, enterpriseId), isNull(gatewayKeys.revokedAt)),
    )
    .returning();
  return rows[0] ?? null;
}
