import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { auditEvents } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';

export type AuditInput = {
  actor: Pick<Actor, 'id' | 'displayName'> | null;
  enterpriseId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Appends one event; call it inside the same transaction as the change it records. */
export async function appendAudit(tx: Db, e: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.displayName ?? 'system',
    enterpriseId: e.enterpriseId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  });
}

export async function listAudit(
  db: Db,
  q: { enterpriseId: string | null; entity?: string; entityId?: string; before?: number; limit: number },
) {
  const where: SQL[] = [];
  if (q.enterpriseId) where.push(eq(auditEvents.enterpriseId, q.enterpriseId));
  if (q.entity) where.push(eq(auditEvents.entity, q.entity));
  if (q.entityId) where.push(eq(auditEvents.entityId, q.entityId));
  if (q.before) where.push(lt(auditEvents.id, q.before));
  return db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(q.limit);
}
