import { callerScript, checkNotice, toShanghaiDate, type NoticeKind, type NoticeSector } from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../core/actor.ts';
import type { AppContext } from '../../../core/context.ts';
import { appError, forbidden, notFound } from '../../../core/errors.ts';
import { enterpriseScope } from '../../../core/scope.ts';
import { appendAudit } from '../../platform/audit/audit.repository.ts';
import * as repo from './notices.repository.ts';
import {
  assertCommunitiesKnown,
  decideNotify,
  draftOf,
  headFields,
  queue,
  sectorOfEnterprise,
  toDraft,
} from './notices.publish.ts';
import type { TNoticeInput, TNoticeRevision } from './notices.schemas.ts';
import { contentOf, detailView, noticeView, publicView } from './notices.views.ts';

// Publishing service notices (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12): the domain checks the clause, the notice and its
// first revision are written, and every affected household's message is queued in the outbox — one transaction with
// the audit event. A change is a new revision and the households are told again; the issued text stays on file.

export class NoticeService {
  constructor(private readonly ctx: AppContext) {}

  private get db() {
    return this.ctx.database.db;
  }

  async create(actor: Actor, input: TNoticeInput): Promise<string> {
    const sector = sectorOfEnterprise(actor.enterpriseKind);
    if (!sector) throw forbidden();
    const now = this.ctx.now();
    const draft = toDraft(sector, input.kind, input);
    const check = checkNotice(draft, now);
    const notify = decideNotify(check, input.notifyHouseholds);
    return this.db.transaction(async (tx) => {
      await assertCommunitiesKnown(tx, actor.enterpriseId, draft.communities);
      const notice = await repo.insertNotice(tx, {
        enterpriseId: actor.enterpriseId,
        noticeNo: await repo.nextNoticeNo(tx, actor.enterpriseId, toShanghaiDate(now)),
        sector,
        kind: draft.kind,
        clause: check.clause,
        ...headFields(draft),
        notifyHouseholds: notify,
        publishedAt: now,
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      const recipients = notify
        ? await queue(
            tx,
            notice.id,
            actor.enterpriseId,
            actor.enterpriseName,
            draft,
            check.clause,
            'initial',
            1,
            now,
          )
        : 0;
      await repo.insertRevision(tx, {
        noticeId: notice.id,
        enterpriseId: actor.enterpriseId,
        revision: 1,
        content: contentOf(draft),
        recipients,
        publishedAt: now,
        createdBy: actor.id,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: actor.enterpriseId,
        action: 'notice.publish',
        entity: 'service_notice',
        entityId: notice.id,
        after: { noticeNo: notice.noticeNo, kind: draft.kind, clause: check.clause, recipients },
      });
      return notice.id;
    });
  }

  /** A changed notice: a new revision, checked again, told again (H-6.4.5 "再次通知"). */
  async revise(actor: Actor, id: string, input: TNoticeRevision): Promise<void> {
    const now = this.ctx.now();
    await this.db.transaction(async (tx) => {
      const row = await this.writable(tx, actor, id, input.version);
      const draft = toDraft(row.sector as NoticeSector, row.kind as NoticeKind, input);
      // A revision that keeps the announced time is not a new announcement of it: the lead counts from the first.
      const sameStart = draft.startsAt.getTime() === row.startsAt.getTime();
      const check = checkNotice(draft, sameStart ? row.publishedAt : now);
      if (row.kind.endsWith('interruption')) checkNotice(draft, now); // the restore time must lie ahead of now
      const notify = decideNotify(check, input.notifyHouseholds);
      await assertCommunitiesKnown(tx, row.enterpriseId, draft.communities);
      const revision = row.revision + 1;
      const restoreMoved = draft.expectedRestoreAt?.getTime() !== row.expectedRestoreAt?.getTime();
      await repo.updateNotice(tx, id, {
        ...headFields(draft),
        revision,
        notifyHouseholds: notify,
        // a new expected restore time may be overrun again, and is then told again
        overrunNotifiedAt: restoreMoved ? null : row.overrunNotifiedAt,
        version: row.version + 1,
        updatedAt: now,
      });
      const recipients = notify
        ? await queue(
            tx,
            id,
            row.enterpriseId,
            actor.enterpriseName,
            draft,
            check.clause,
            'revision',
            revision,
            now,
          )
        : 0;
      await repo.insertRevision(tx, {
        noticeId: id,
        enterpriseId: row.enterpriseId,
        revision,
        content: contentOf(draft),
        reason: input.reason,
        recipients,
        publishedAt: now,
        createdBy: actor.id,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: 'notice.revise',
        entity: 'service_notice',
        entityId: id,
        before: { revision: row.revision, expectedRestoreAt: row.expectedRestoreAt },
        after: { revision, reason: input.reason, recipients, expectedRestoreAt: draft.expectedRestoreAt },
      });
    });
  }

  async restore(
    actor: Actor,
    id: string,
    input: { actualRestoreAt?: string; version: number },
  ): Promise<void> {
    const now = this.ctx.now();
    const at = input.actualRestoreAt ? new Date(input.actualRestoreAt) : now;
    await this.db.transaction(async (tx) => {
      const row = await this.writable(tx, actor, id, input.version);
      if (!row.kind.endsWith('interruption')) {
        throw appError('NOTICE_NOT_AN_INTERRUPTION', {
          zh: '只有停供通知可以登记恢复。',
          en: 'Only an interruption notice can be marked restored.',
        });
      }
      if (at.getTime() > now.getTime() || at.getTime() < row.startsAt.getTime()) {
        throw appError('NOTICE_TIMES_INVALID', {
          zh: '恢复时间须在停供开始之后、且不晚于现在。',
          en: 'The restore time must be after the interruption started and not in the future.',
        });
      }
      await repo.updateNotice(tx, id, {
        status: 'restored',
        actualRestoreAt: at,
        version: row.version + 1,
        updatedAt: now,
      });
      await appendAudit(tx, {
        actor,
        enterpriseId: row.enterpriseId,
        action: 'notice.restore',
        entity: 'service_notice',
        entityId: id,
        before: { status: row.status },
        after: { status: 'restored', actualRestoreAt: at },
      });
    });
  }

  async list(actor: Actor, q: { kind?: string; status?: string; enterpriseId?: string }) {
    const enterpriseId = enterpriseScope(actor, q.enterpriseId);
    const rows = await repo.listNotices(this.db, { enterpriseId, kind: q.kind, status: q.status });
    const now = this.ctx.now();
    return { items: rows.map((r) => ({ ...noticeView(r, now), recipients: r.recipients })) };
  }

  async detail(actor: Actor, id: string) {
    const row = await repo.getNotice(this.db, id);
    if (!row || (actor.role !== 'regulator' && row.enterpriseId !== actor.enterpriseId)) {
      throw notFound('notice');
    }
    const [counts, revisions, messages] = await Promise.all([
      repo.outboxCounts(this.db, id),
      repo.listRevisions(this.db, id),
      repo.listMessages(this.db, id),
    ]);
    return detailView(row, this.ctx.now(), counts, revisions, messages);
  }

  /** H-7.3.7: the current notices over a caller's premises, with what the agent tells the caller. */
  async forCustomer(actor: Actor, customerId: string) {
    const now = this.ctx.now();
    const rows = await repo.noticesForCustomer(this.db, customerId, enterpriseScope(actor), now);
    return {
      items: rows.map((r) => ({ ...noticeView(r, now), script: callerScript(draftOf(r)) })),
    };
  }

  async communities(actor: Actor) {
    return { items: await repo.listCommunities(this.db, actor.enterpriseId) };
  }

  async publicBoard(sector?: 'gas' | 'heating') {
    const now = this.ctx.now();
    return { items: (await repo.publicNotices(this.db, now, sector)).map((r) => publicView(r, now)) };
  }

  private async writable(tx: Db, actor: Actor, id: string, version: number): Promise<repo.NoticeRow> {
    // Only the publishing enterprise's own staff change its notices.
    const row = await repo.lockNotice(tx, id);
    if (!row || row.enterpriseId !== actor.enterpriseId) throw notFound('notice');
    if (row.version !== version) {
      throw appError('VERSION_CONFLICT', {
        zh: '该公告已被他人修改，请刷新后重试。',
        en: 'The notice was changed by someone else; reload and try again.',
      });
    }
    if (row.status !== 'published') {
      throw appError('NOTICE_CLOSED', {
        zh: '该停供已登记恢复，不能再修改；再次停供请发布新通知。',
        en: 'This interruption is restored and closed; publish a new notice for a repeat.',
      });
    }
    return row;
  }
}
