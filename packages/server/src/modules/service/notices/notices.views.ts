import { NOTICE_KIND_LABELS, maskPhone, overrunDue, type NoticeDraft, type NoticeKind } from '@ranre/domain';
import { leadTimeLatest } from '@ranre/domain';
import { isCurrent, type NoticeWithEnterprise } from './notices.repository.ts';

// What the notice routes answer with. Times as ISO instants; recipients' phones masked (G-5.7.6, H-7.6.6.3).

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The content of a revision as kept on file. */
export function contentOf(d: NoticeDraft): Record<string, unknown> {
  return {
    title: d.title,
    cause: d.cause,
    communities: d.communities,
    repairSection: d.repairSection,
    managerName: d.managerName,
    managerPhone: d.managerPhone,
    safetyAdvice: d.safetyAdvice,
    durationReason: d.durationReason,
    startsAt: d.startsAt.toISOString(),
    expectedRestoreAt: iso(d.expectedRestoreAt),
  };
}

export function noticeView(r: NoticeWithEnterprise, now: Date) {
  const kind = r.kind as NoticeKind;
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    noticeNo: r.noticeNo,
    sector: r.sector,
    kind,
    kindLabel: NOTICE_KIND_LABELS[kind],
    clause: r.clause,
    revision: r.revision,
    title: r.title,
    cause: r.cause,
    communities: r.communities,
    repairSection: r.repairSection,
    managerName: r.managerName,
    managerPhone: r.managerPhone,
    safetyAdvice: r.safetyAdvice,
    durationReason: r.durationReason,
    startsAt: r.startsAt.toISOString(),
    expectedRestoreAt: iso(r.expectedRestoreAt),
    actualRestoreAt: iso(r.actualRestoreAt),
    notifyHouseholds: r.notifyHouseholds,
    publishedAt: r.publishedAt.toISOString(),
    status: r.status,
    // past the expected restore and not restored, whether or not the second notice has gone yet
    overrun:
      r.overrunNotifiedAt !== null ||
      overrunDue(
        {
          kind,
          status: r.status,
          expectedRestoreAt: r.expectedRestoreAt,
          actualRestoreAt: r.actualRestoreAt,
          overrunNotifiedAt: null,
        },
        now,
      ),
    overrunNotifiedAt: iso(r.overrunNotifiedAt),
    version: r.version,
  };
}

export function publicView(r: NoticeWithEnterprise, now: Date) {
  const v = noticeView(r, now);
  return {
    id: v.id,
    enterpriseName: v.enterpriseName,
    hotline: r.hotline,
    noticeNo: v.noticeNo,
    sector: v.sector,
    kind: v.kind,
    kindLabel: v.kindLabel,
    clause: v.clause,
    revision: v.revision,
    title: v.title,
    cause: v.cause,
    communities: v.communities,
    repairSection: v.repairSection,
    managerName: v.managerName,
    managerPhone: v.managerPhone,
    safetyAdvice: v.safetyAdvice,
    startsAt: v.startsAt,
    expectedRestoreAt: v.expectedRestoreAt,
    actualRestoreAt: v.actualRestoreAt,
    publishedAt: v.publishedAt,
    status: v.status,
    overrun: v.overrun && v.status === 'published',
    current: isCurrent(r, now),
  };
}

type Counts = { queued: number; sent: number; failed: number; total: number; overrun: number };
type Revision = {
  revision: number;
  reason: string;
  recipients: number;
  publishedAt: Date;
  content: Record<string, unknown>;
};
type Message = {
  id: string;
  channel: string;
  kind: string;
  recipient: string;
  customerName: string | null;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
};

export function detailView(
  r: NoticeWithEnterprise,
  now: Date,
  c: Counts,
  revisions: Revision[],
  messages: Message[],
) {
  const lead =
    r.kind === 'filling' || r.kind === 'commissioning'
      ? leadTimeLatest(r.startsAt, '7d')
      : r.kind === 'planned_interruption' && r.sector === 'gas'
        ? leadTimeLatest(r.startsAt, '72h')
        : null;
  return {
    ...noticeView(r, now),
    recipients: c.total,
    outbox: { queued: c.queued, sent: c.sent, failed: c.failed, total: c.total },
    overrunRecipients: c.overrun,
    revisions: revisions.map((v) => ({
      revision: v.revision,
      reason: v.reason,
      recipients: v.recipients,
      publishedAt: v.publishedAt.toISOString(),
      content: v.content,
    })),
    messages: messages.map((m) => ({
      id: m.id,
      channel: m.channel,
      kind: m.kind,
      recipient: m.channel === 'sms' ? (maskPhone(m.recipient) ?? '') : m.recipient,
      customerName: m.customerName ?? '',
      status: m.status,
      createdAt: m.createdAt.toISOString(),
      sentAt: iso(m.sentAt),
    })),
    leadExplanation: lead?.explanation ?? null,
  };
}
