import {
  HOUSEHOLD_CHANNELS,
  WARNING_LEVEL_NAMES,
  isImportantWarning,
  levelChange,
  type WarningChannel,
  type WarningLevel,
} from '@ranre/domain';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import type { Db } from '../../../db/client.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import { queueHouseholds } from '../../platform/notifications/notifications.repository.ts';
import { sectorOf } from '../duty/duty.service.ts';
import * as repo from './warnings.repository.ts';
import type { TWarningInput } from './warnings.schemas.ts';

// G-5.12.6: warnings to the customers of an area on the chosen channels. Each level — the first and every raise or
// lowering — is a row, and tells the households again on the household channels (sms, wechat) through the outbox.
// A red or orange warning, or one marked important, is reported to the authority (its time kept) and read by the
// regulator across enterprises.

export class WarningService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async list(actor: Actor, q: { enterpriseId?: string | undefined }) {
    const rows = await repo.list(this.db, enterpriseScope(actor, q.enterpriseId));
    const levels = await repo.levelsOf(
      this.db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) =>
        view(
          r,
          levels.filter((l) => l.warningId === r.id),
        ),
      ),
    };
  }

  async publish(actor: Actor, input: TWarningInput) {
    if (!['enterprise_admin', 'dispatcher'].includes(actor.role) || !sectorOf(actor.enterpriseKind))
      throw forbidden();
    const now = this.ctx.now();
    return this.db.transaction(async (tx) => {
      const row = await repo.insert(tx, {
        enterpriseId: actor.enterpriseId,
        title: input.title,
        body: input.body,
        communities: [...new Set(input.communities)],
        channels: [...new Set(input.channels)],
        createdBy: actor.id,
        createdAt: now,
      });
      await this.tell(tx, actor, row, input.level as WarningLevel, '发布', input.important, 1);
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'emergency_warning.publish',
        entity: 'emergency_warning',
        entityId: row.id,
        after: { title: input.title, level: input.level, communities: input.communities.length },
      });
      return view(row, await repo.levelsOf(tx, [row.id]));
    });
  }

  async changeLevel(actor: Actor, id: string, input: { level: number; reason: string }) {
    if (!['enterprise_admin', 'dispatcher'].includes(actor.role)) throw forbidden();
    return this.db.transaction(async (tx) => {
      const row = await repo.find(tx, id);
      if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('warning');
      const levels = await repo.levelsOf(tx, [id]);
      const current = levels.at(-1)!;
      const change = levelChange(current.level as WarningLevel, input.level as WarningLevel);
      if (!change) {
        throw appError('WARNING_LEVEL_UNCHANGED', {
          zh: '预警级别未变化',
          en: 'The warning is already at that level',
        });
      }
      await this.tell(
        tx,
        actor,
        row,
        input.level as WarningLevel,
        input.reason,
        current.important,
        levels.length + 1,
      );
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: `emergency_warning.${change}`,
        entity: 'emergency_warning',
        entityId: id,
        before: { level: current.level },
        after: { level: input.level, reason: input.reason },
      });
      return view(row, await repo.levelsOf(tx, [id]));
    });
  }

  /** Queues the households' messages for this level and records the level (with its report if important). */
  private async tell(
    tx: Db,
    actor: Actor,
    w: repo.WarningRow,
    level: WarningLevel,
    reason: string,
    marked: boolean,
    n: number,
  ) {
    const now = this.ctx.now();
    const name = WARNING_LEVEL_NAMES[level];
    let households = 0;
    for (const channel of w.channels.filter((c) => HOUSEHOLD_CHANNELS.includes(c as WarningChannel))) {
      // G-5.12.6: one message per household of the communities on the channel (only those with a phone).
      households += await queueHouseholds(tx, {
        enterpriseId: w.enterpriseId,
        households: { communities: w.communities },
        channel: channel as 'sms' | 'wechat',
        kind: 'emergency_warning',
        subject: `【${name.zh}预警】${w.title}`,
        body: `${w.body}（${name.zh}预警）`,
        bodyEn: `${w.title} — ${name.en} warning`,
        refType: 'emergency_warning',
        refId: w.id,
        dedupeKey: `warning:${w.id}:${n}:${channel}:`,
        at: now,
      });
    }
    const important = isImportantWarning(level, marked);
    await repo.insertLevel(tx, {
      warningId: w.id,
      level,
      reason,
      important,
      // G-5.12.6: an important warning is reported to the gas authority when it is issued.
      reportedAt: important ? now : null,
      households,
      at: now,
      actorName: actor.displayName,
    });
  }
}

function view(r: repo.WarningRow, levels: repo.LevelRow[]) {
  const current = levels.at(-1);
  const reported = levels.find((l) => l.reportedAt);
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    title: r.title,
    body: r.body,
    communities: r.communities,
    channels: r.channels,
    level: current?.level ?? 4,
    important: levels.some((l) => l.important),
    reportedAt: reported?.reportedAt?.toISOString() ?? null,
    levels: levels.map((l) => ({
      level: l.level,
      reason: l.reason,
      households: l.households,
      at: l.at.toISOString(),
      actorName: l.actorName,
    })),
    createdAt: r.createdAt.toISOString(),
  };
}
