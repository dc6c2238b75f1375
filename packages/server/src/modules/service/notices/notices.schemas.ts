import { NOTICE_KINDS, type NoticeKind } from '@ranre/domain';
import { z } from 'zod';

// Requests and answers of the notice routes (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12).

export { ZIdParams } from '../../../core/schemas.ts';
const ZInstant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().max(max);
const ZMessages = z.object({ zh: z.string(), en: z.string() });
export const ZNoticeKind = z.enum(NOTICE_KINDS as unknown as [NoticeKind, ...NoticeKind[]]);

/** The content of a notice; what the clause requires of each kind is checked by the domain (checkNotice). */
const content = {
  title: text(120).min(1),
  cause: text(500).default(''),
  communities: z.array(text(100).min(1)).min(1).max(200),
  repairSection: text(200).default(''),
  managerName: text(50).default(''),
  managerPhone: text(30).default(''),
  safetyAdvice: text(500).default(''),
  durationReason: text(500).default(''),
  startsAt: ZInstant,
  expectedRestoreAt: ZInstant.nullable().default(null),
  /** H-6.4.5: may be false only where the clause does not require sending (an interruption of ≤ 24 h). */
  notifyHouseholds: z.boolean().default(true),
};

export const ZNoticeInput = z.strictObject({ kind: ZNoticeKind, ...content });
export type TNoticeInput = z.infer<typeof ZNoticeInput>;

/** A change is a new revision; the issued one stays on file. */
export const ZNoticeRevision = z.strictObject({
  ...content,
  reason: text(500).min(1),
  version: z.number().int(),
});
export type TNoticeRevision = z.infer<typeof ZNoticeRevision>;

export const ZNoticeRestore = z.strictObject({
  actualRestoreAt: ZInstant.optional(),
  version: z.number().int(),
});

export const ZNoticeQuery = z.strictObject({
  kind: ZNoticeKind.optional(),
  status: z.enum(['published', 'restored']).optional(),
  /** Regulator only: one enterprise. */
  enterpriseId: z.uuid().optional(),
});

export const ZPublicNoticeQuery = z.strictObject({ sector: z.enum(['gas', 'heating']).optional() });

export const ZNotice = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  noticeNo: z.string(),
  sector: z.string(),
  kind: ZNoticeKind,
  kindLabel: ZMessages,
  clause: z.string(),
  revision: z.number(),
  title: z.string(),
  cause: z.string(),
  communities: z.array(z.string()),
  repairSection: z.string(),
  managerName: z.string(),
  managerPhone: z.string(),
  safetyAdvice: z.string(),
  durationReason: z.string(),
  startsAt: z.string(),
  expectedRestoreAt: z.string().nullable(),
  actualRestoreAt: z.string().nullable(),
  notifyHouseholds: z.boolean(),
  publishedAt: z.string(),
  status: z.string(),
  overrun: z.boolean(),
  overrunNotifiedAt: z.string().nullable(),
  version: z.number(),
});

export const ZNoticeSummary = ZNotice.extend({ recipients: z.number() });

const ZCount = z.object({ queued: z.number(), sent: z.number(), failed: z.number(), total: z.number() });

export const ZNoticeDetail = ZNoticeSummary.extend({
  outbox: ZCount,
  overrunRecipients: z.number(),
  revisions: z.array(
    z.object({
      revision: z.number(),
      reason: z.string(),
      recipients: z.number(),
      publishedAt: z.string(),
      content: z.record(z.string(), z.unknown()),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      channel: z.string(),
      kind: z.string(),
      /** Masked: personal data (G-5.7.6, H-7.6.6.3). */
      recipient: z.string(),
      customerName: z.string(),
      status: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
  /** The lead-time reckoning for filling/commissioning/planned notices (H-6.1.4, G-6.2.12). */
  leadExplanation: ZMessages.nullable(),
});

export const ZCustomerNotice = ZNotice.extend({ script: ZMessages });
export const ZCustomerNoticeQuery = z.strictObject({ customerId: z.uuid() });

export const ZCommunity = z.object({ community: z.string(), district: z.string(), households: z.number() });

export const ZPublicNotice = ZNotice.pick({
  id: true,
  enterpriseName: true,
  noticeNo: true,
  sector: true,
  kind: true,
  kindLabel: true,
  clause: true,
  revision: true,
  title: true,
  cause: true,
  communities: true,
  repairSection: true,
  managerName: true,
  managerPhone: true,
  safetyAdvice: true,
  startsAt: true,
  expectedRestoreAt: true,
  actualRestoreAt: true,
  publishedAt: true,
  status: true,
  overrun: true,
}).extend({ hotline: z.string(), current: z.boolean() });
