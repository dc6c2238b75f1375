import {
  noticeText,
  type NoticeCheck,
  type NoticeDraft,
  type NoticeKind,
  type NoticeOccasion,
  type NoticeSector,
} from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { appError } from '../../../core/errors.ts';
import { queueHouseholds } from '../../platform/notifications/notifications.repository.ts';
import * as repo from './notices.repository.ts';
import type { TNoticeInput } from './notices.schemas.ts';

// The pieces of publishing shared by the service, the overrun job and the demo seed: the draft from a request, the
// clause's "must it be sent" decision, the community check, and the set-wise queueing of the households' messages.

/** Which standard's notices an enterprise publishes, by its kind. */
export function sectorOfEnterprise(kind: string): NoticeSector | null {
  if (kind === 'heating' || kind === 'heating_reseller') return 'heating';
  if (kind === 'pipeline_gas') return 'gas';
  return null;
}

export type Content = Omit<TNoticeInput, 'kind' | 'notifyHouseholds'>;

export function toDraft(sector: NoticeSector, kind: NoticeKind, c: Content): NoticeDraft {
  return {
    sector,
    kind,
    title: c.title,
    cause: c.cause,
    communities: [...new Set(c.communities)],
    repairSection: c.repairSection,
    managerName: c.managerName,
    managerPhone: c.managerPhone,
    startsAt: new Date(c.startsAt),
    expectedRestoreAt: c.expectedRestoreAt ? new Date(c.expectedRestoreAt) : null,
    safetyAdvice: c.safetyAdvice,
    durationReason: c.durationReason,
  };
}

export const headFields = (d: NoticeDraft) => ({
  title: d.title,
  cause: d.cause,
  communities: d.communities,
  repairSection: d.repairSection,
  managerName: d.managerName,
  managerPhone: d.managerPhone,
  safetyAdvice: d.safetyAdvice,
  durationReason: d.durationReason,
  startsAt: d.startsAt,
  expectedRestoreAt: d.expectedRestoreAt,
});

/** H-6.4.5: sending may be skipped only where the clause does not require it. */
export function decideNotify(check: NoticeCheck, wanted: boolean): boolean {
  if (!wanted && check.notifyRequired) {
    throw appError(
      'NOTICE_NOTIFY_REQUIRED',
      {
        zh: `${check.clause}：本通知须告知受影响的用户${check.expectedHours ? `（预计停供 ${Math.round(check.expectedHours)} 小时，超过24小时）` : ''}，不能只张贴。`,
        en: `${check.clause}: this notice must be sent to the affected households${check.expectedHours ? ` (expected ${Math.round(check.expectedHours)} h, over 24 h)` : ''}, not only posted.`,
      },
      { clause: check.clause },
    );
  }
  return wanted;
}

export async function assertCommunitiesKnown(tx: Db, enterpriseId: string, communities: string[]) {
  const known = new Set((await repo.listCommunities(tx, enterpriseId)).map((c) => c.community));
  const unknown = communities.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw appError(
      'NOTICE_COMMUNITY_UNKNOWN',
      {
        zh: `客户档案中没有这些小区：${unknown.join('、')}。请从小区列表中选择。`,
        en: `No premises of yours lie in: ${unknown.join(', ')}. Pick communities from the list.`,
      },
      { unknown },
    );
  }
}

/** Queues the households' messages for one occasion; dedupe keys make each occasion reach a household once. */
export async function queue(
  tx: Db,
  noticeId: string,
  enterpriseId: string,
  enterpriseName: string,
  draft: NoticeDraft,
  clause: string,
  occasion: NoticeOccasion,
  revision: number,
  at: Date,
): Promise<number> {
  const text = noticeText(draft, { enterpriseName, clause, occasion, revision });
  const suffix = occasion === 'overrun' ? `r${revision}:overrun` : `r${revision}`;
  // SMS to the phone on file, otherwise a letter to the premises address.
  return queueHouseholds(tx, {
    enterpriseId,
    households: { communities: draft.communities },
    channel: 'sms_or_letter',
    kind: occasion === 'overrun' ? `${draft.kind}_overrun` : `${draft.kind}_notice`,
    subject: text.subject,
    body: text.body.zh,
    bodyEn: text.body.en,
    refType: repo.REF_TYPE,
    refId: noticeId,
    dedupeKey: `notice:${noticeId}:${suffix}:`,
    at,
  });
}

/** The draft a stored notice was published from (for re-sending and for the caller script). */
export function draftOf(row: repo.NoticeRow): NoticeDraft {
  return {
    sector: row.sector as NoticeSector,
    kind: row.kind as NoticeKind,
    title: row.title,
    cause: row.cause,
    communities: row.communities,
    repairSection: row.repairSection,
    managerName: row.managerName,
    managerPhone: row.managerPhone,
    startsAt: row.startsAt,
    expectedRestoreAt: row.expectedRestoreAt,
    safetyAdvice: row.safetyAdvice,
    durationReason: row.durationReason,
  };
}
