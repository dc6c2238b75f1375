import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
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

/**
 * The same event as `appendAudit`, as a statement to run inside a caller's own statement (a data-modifying WITH),
 * whose entity id is only known there: `entityIdSql` reads it from `fromSql`. One round trip fewer on a hot path.
 */
export function auditInsertSql(
  e: Omit<AuditInput, 'entityId'>,
  entityIdSql: SQL,
  fromSql: SQL,
  /** `after` as SQL over `fromSql`, when part of it is only known there (an order's number of the day). */
  afterSql?: SQL,
): SQL {
  const after = afterSql ?? sql`${e.after === undefined ? null : JSON.stringify(e.after)}::jsonb`;
  return sql`insert into ${auditEvents} (actor_id, actor_name, enterprise_id, action, entity, entity_id, before, after)
    select ${e.actor?.id ?? null}::uuid, ${e.actor?.displayName ?? 'system'}, ${e.enterpriseId}::uuid, ${e.action},
      ${e.entity}, ${entityIdSql}, ${e.before === undefined ? null : JSON.stringify(e.before)}::jsonb, ${after}
    from ${fromSql}`;
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
