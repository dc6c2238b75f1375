import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { customers, notifications } from '../../../db/schema.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { AliyunSmsAdapter } from './aliyun-sms.ts';
import { defaultAdapters, type ChannelAdapters } from './channel-adapters.ts';
import type { SmsConfig } from './sms.config.ts';

/** A message that failed this many times is marked failed and left for a person to look at. */
export const MAX_ATTEMPTS = 5;
const BATCH = 50;

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

let shared: ChannelAdapters | undefined;
/** The process's adapters (test channels until a provider is configured). */
export const processAdapters = () => (shared ??= defaultAdapters());

/** At start: SMS through the configured provider (sms.config.ts); the other channels as they are. */
export function configureChannels(sms: SmsConfig): void {
  shared = {
    ...defaultAdapters(),
    ...(sms.provider === 'aliyun' ? { sms: new AliyunSmsAdapter(sms.aliyun) } : {}),
  };
}

/**
 * The outbox sender: takes queued messages oldest first, hands each to its channel adapter and records the
 * outcome — sent with its time, or another attempt with the error; after MAX_ATTEMPTS, failed. Rows are locked
 * (skip locked), so two runners never send one message twice.
 */
export async function sendQueuedNotifications(
  database: Database,
  now: Date,
  adapters: ChannelAdapters = processAdapters(),
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const batch = await database.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(notifications)
        .where(eq(notifications.status, 'queued'))
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const m of rows) {
        const adapter = adapters[m.channel];
        try {
          if (!adapter) throw new Error(`no adapter for channel ${m.channel}`);
          await adapter.send(m);
          await tx
            .update(notifications)
            .set({ status: 'sent', sentAt: now, attempts: m.attempts + 1, lastError: null })
            .where(eq(notifications.id, m.id));
          result.sent += 1;
        } catch (err) {
          const attempts = m.attempts + 1;
          const failed = attempts >= MAX_ATTEMPTS;
          await tx
            .update(notifications)
            .set({
              status: failed ? 'failed' : 'queued',
              attempts,
              lastError: String((err as Error).message ?? err),
            })
            .where(eq(notifications.id, m.id));
          if (failed) result.failed += 1;
          else result.retried += 1;
        }
      }
      return rows.length;
    });
    // A message that failed stays queued for the next run, not this one.
    if (batch < BATCH || result.retried > 0) break;
  }
  return result;
}

export class NotificationService {
  constructor(private readonly ctx: AppContext) {}

  async list(
    actor: Actor,
    q: {
      status?: string;
      kind?: string;
      customerId?: string;
      limit: number;
      offset: number;
      enterpriseId?: string;
    },
  ) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const where: SQL[] = [];
    if (enterpriseId) where.push(eq(notifications.enterpriseId, enterpriseId));
    if (q.status) where.push(eq(notifications.status, q.status));
    if (q.kind) where.push(eq(notifications.kind, q.kind));
    if (q.customerId) where.push(eq(notifications.customerId, q.customerId));
    const cond = where.length ? and(...where) : undefined;
    const db = this.ctx.database.db;
    const [rows, counts] = await Promise.all([
      db
        .select({ n: notifications, accountNo: customers.accountNo, customerName: customers.name })
        .from(notifications)
        .leftJoin(customers, eq(customers.id, notifications.customerId))
        .where(cond)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(q.limit)
        .offset(q.offset),
      db
        .select({ status: notifications.status, n: sql<string>`count(*)` })
        .from(notifications)
        .where(enterpriseId ? eq(notifications.enterpriseId, enterpriseId) : undefined)
        .groupBy(notifications.status),
    ]);
    const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
    const total = q.status ? (byStatus[q.status] ?? 0) : Object.values(byStatus).reduce((s, n) => s + n, 0);
    return {
      items: rows.map(({ n, accountNo, customerName }) => ({
        id: n.id,
        customerId: n.customerId,
        accountNo,
        customerName,
        channel: n.channel,
        kind: n.kind,
        recipient: maskPhone(n.recipient),
        subject: n.subject,
        body: n.body,
        bodyEn: n.bodyEn,
        status: n.status,
        attempts: n.attempts,
        lastError: n.lastError,
        createdAt: n.createdAt.toISOString(),
        sentAt: n.sentAt?.toISOString() ?? null,
      })),
      total: q.kind || q.customerId ? rows.length + q.offset : total,
      byStatus,
    };
  }

  /** Requeues failed messages (an administrator, after fixing the channel). */
  async retryFailed(actor: Actor, ids: string[]) {
    const enterpriseId = enterpriseScope(actor);
    const where: SQL[] = [eq(notifications.status, 'failed'), inArray(notifications.id, ids)];
    if (enterpriseId) where.push(eq(notifications.enterpriseId, enterpriseId));
    const rows = await this.ctx.database.db
      .update(notifications)
      .set({ status: 'queued', attempts: 0 })
      .where(and(...where))
      .returning({ id: notifications.id });
    return { requeued: rows.length };
  }
}

/** Phone numbers in the outbox list are masked like everywhere else (G-5.7.6). */
function maskPhone(r: string) {
  return /^\d{11}$/.test(r) ? `${r.slice(0, 3)}****${r.slice(7)}` : r;
}
