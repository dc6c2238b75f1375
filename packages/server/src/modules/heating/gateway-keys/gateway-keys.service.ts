import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, notFound } from '../../../core/errors.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './gateway-keys.repository.ts';
import type { TGatewayKeyInput } from './gateway-keys.schemas.ts';

// H-5.4.1: the keys heating gateways send readings with, issued and revoked by the enterprise admin. A key is good
// for sensor ingestion of its own enterprise only (HTTP and MQTT); it is no session and opens no other route. The
// key is 32 random bytes: its SHA-256 is what is kept, and the key itself is shown once, when issued.

export const KEY_PREFIX = 'rgk_';

/** Who is sending readings: a gateway by its key, or a signed-in person (the earlier way, still accepted). */
export interface IngestSource {
  enterpriseId: string;
  /** The signed-in person; null for a gateway. */
  userId: string | null;
  gatewayKeyId: string | null;
  /** For the audit trail. */
  auditActor: { id: string; displayName: string };
}

export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export const invalidKey = () =>
  appError('GATEWAY_KEY_INVALID', {
    zh: '网关密钥无效或已吊销',
    en: 'The gateway key is not valid or has been revoked',
  });

export const topicOf = (enterpriseId: string, gateway: string) => `ranre/${enterpriseId}/${gateway}/readings`;

function view(row: repo.GatewayKeyRow) {
  return {
    id: row.id,
    gateway: row.gateway,
    name: row.name,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    topic: topicOf(row.enterpriseId, row.gateway),
  };
}

export class GatewayKeyService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor) {
    return { items: (await repo.listKeys(this.db, actor.enterpriseId)).map(view) };
  }

  /** A new key for a gateway of the admin's enterprise; one active key per gateway (revoke the old one first). */
  async issue(actor: Actor, input: TGatewayKeyInput) {
    const key = KEY_PREFIX + randomBytes(32).toString('base64url');
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      if (await repo.activeKeyOf(tx, actor.enterpriseId, input.gateway)) {
        throw appError('GATEWAY_KEY_EXISTS', {
          zh: `网关 ${input.gateway} 已有有效密钥，请先吊销`,
          en: `Gateway ${input.gateway} already has an active key; revoke it first`,
        });
      }
      const row = await repo.insertKey(tx, {
        enterpriseId: actor.enterpriseId,
        gateway: input.gateway,
        name: input.name,
        keyPrefix: key.slice(0, KEY_PREFIX.length + 6),
        keyHash: hashKey(key),
        createdBy: actor.id,
        createdAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'gateway_key.issue',
        entity: 'gateway_key',
        entityId: row.id,
        after: { gateway: row.gateway, name: row.name, keyPrefix: row.keyPrefix },
      });
      return { ...view(row), key };
    });
  }

  async revoke(actor: Actor, id: string) {
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const row = await repo.revokeKey(tx, actor.enterpriseId, id, actor.id, now);
      if (!row) throw notFound('gateway key');
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'gateway_key.revoke',
        entity: 'gateway_key',
        entityId: row.id,
        after: { gateway: row.gateway, revokedAt: now.toISOString() },
      });
      return view(row);
    });
  }

  /**
   * The source a key stands for, or GATEWAY_KEY_INVALID. With `topic` (MQTT), the key must also be the one of the
   * topic's enterprise and gateway.
   */
  async authenticate(key: string, topic?: { enterpriseId: string; gateway: string }): Promise<IngestSource> {
    if (!key.startsWith(KEY_PREFIX) || key.length > 200) throw invalidKey();
    const row = await repo.findActiveByHash(this.db, hashKey(key));
    if (!row) throw invalidKey();
    if (topic && (topic.enterpriseId !== row.enterpriseId || topic.gateway !== row.gateway))
      throw invalidKey();
    return {
      enterpriseId: row.enterpriseId,
      userId: null,
      gatewayKeyId: row.id,
      auditActor: { id: row.id, displayName: `网关 ${row.gateway}` },
    };
  }
}

/** A signed-in person sending readings for his enterprise. */
export const personSource = (actor: Actor): IngestSource => ({
  enterpriseId: actor.enterpriseId,
  userId: actor.id,
  gatewayKeyId: null,
  auditActor: actor,
});
