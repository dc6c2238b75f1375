// The rules a service notice must pass before it is published, and when an interruption needs a second notice.
//
// - H-6.1.4 (注水、调试 … 提前7天，采用多种方式进行公告) and H-6.2.6 (充水调试 … 通知内容应包括：充水调试时间、小区地址、
//   片区负责人、联系电话 … 通知需提前7天公示): time, community, area manager and phone; published at least 7 calendar
//   days ahead. The lead counts back from the event and is never moved (time-rules.md); neither the publication day
//   nor the event day counts (sla/lead-time.ts), so a filling on 11-15 must be out by 11-07 24:00. The standard
//   grants no short-notice exception, so none is offered.
// - H-6.4.5.2: a sudden interruption expected to last over 24 h is told to the affected households with the cause,
//   the area, the repair section and the expected restore time; again on a repeat or an overrun.
// - G-6.2.12 b: a planned gas outage is announced 72 h ahead with its start and restore time, and normally lasts no
//   more than 24 h ("一般不应超过24h": longer needs a stated reason). G-6.2.12 d: a sudden outage is told with the
//   cause, area, start, expected restore and safety advice; e: again on a repeat or an overrun.

import { domainError } from '../errors.ts';
import { isValidPhone } from '../people/phone.ts';
import { leadTimeLatest, type LeadTime } from '../sla/lead-time.ts';
import { formatShanghai } from '../time/shanghai.ts';
import { NoticeErrorCodes } from './errors.ts';
import { NOTICE_KIND_CLAUSES, NOTICE_KIND_LABELS, isInterruption } from './types.ts';
import type { NoticeDraft, NoticeKind, NoticeSector } from './types.ts';

/** H-6.1.4, H-6.2.6: 7 calendar days ahead. */
export const FILLING_NOTICE_LEAD = '7d';
/** G-6.2.12 b: 72 h ahead. */
export const GAS_OUTAGE_NOTICE_LEAD = '72h';
/** H-6.4.5.2: households must be told when the interruption is expected to exceed 24 h. */
export const HEATING_NOTIFY_THRESHOLD_HOURS = 24;
/** G-6.2.12 b: a planned outage normally lasts at most 24 h. */
export const GAS_PLANNED_MAX_HOURS = 24;

const HOUR = 3_600_000;

export type NoticeField = keyof Pick<
  NoticeDraft,
  | 'cause'
  | 'communities'
  | 'repairSection'
  | 'managerName'
  | 'managerPhone'
  | 'expectedRestoreAt'
  | 'safetyAdvice'
>;

const FIELD_LABELS: Record<NoticeField, { zh: string; en: string }> = {
  cause: { zh: '原因', en: 'cause' },
  communities: { zh: '小区/范围', en: 'communities (area)' },
  repairSection: { zh: '抢修路段', en: 'repair section' },
  managerName: { zh: '片区负责人', en: 'area manager' },
  managerPhone: { zh: '联系电话', en: 'contact phone' },
  expectedRestoreAt: { zh: '预计恢复时间', en: 'expected restore time' },
  safetyAdvice: { zh: '安全注意事项', en: 'safety advice' },
};

/** The fields each clause requires, by sector and kind. */
export function requiredNoticeFields(sector: NoticeSector, kind: NoticeKind): NoticeField[] {
  if (kind === 'filling' || kind === 'commissioning') return ['communities', 'managerName', 'managerPhone'];
  if (sector === 'heating') return ['cause', 'communities', 'repairSection', 'expectedRestoreAt'];
  if (kind === 'planned_interruption') return ['cause', 'communities', 'expectedRestoreAt'];
  return ['cause', 'communities', 'expectedRestoreAt', 'safetyAdvice'];
}

export interface NoticeCheck {
  clause: string;
  /** Must the affected households be sent the notice (not only posted)? */
  notifyRequired: boolean;
  /** Expected length of an interruption in hours, or null. */
  expectedHours: number | null;
  /** The lead-time reckoning for kinds that have one. */
  lead: LeadTime | null;
}

const present = (d: NoticeDraft, f: NoticeField): boolean => {
  const v = d[f];
  if (v === null || v === undefined) return false;
  if (Array.isArray(v)) return v.some((c) => c.trim() !== '');
  return typeof v === 'string' ? v.trim() !== '' : true;
};

/** Checks a draft about to be published at `publishAt`; throws a DomainError naming the clause when it fails. */
export function checkNotice(d: NoticeDraft, publishAt: Date): NoticeCheck {
  const clause = NOTICE_KIND_CLAUSES[d.sector][d.kind];
  const label = NOTICE_KIND_LABELS[d.kind];
  if (!clause) {
    throw domainError(
      NoticeErrorCodes.NOTICE_KIND_NOT_FOR_SECTOR,
      `${d.sector === 'gas' ? '燃气' : '供热'}企业不发布「${label.zh}」。`,
      `A ${d.sector} company does not publish a "${label.en}".`,
      { sector: d.sector, kind: d.kind },
    );
  }
  const missing = requiredNoticeFields(d.sector, d.kind).filter((f) => !present(d, f));
  if (missing.length > 0) {
    throw domainError(
      NoticeErrorCodes.NOTICE_FIELD_MISSING,
      `${clause}：「${label.zh}」须写明${missing.map((f) => FIELD_LABELS[f].zh).join('、')}。`,
      `${clause}: a ${label.en.toLowerCase()} must state the ${missing.map((f) => FIELD_LABELS[f].en).join(', ')}.`,
      { clause, missing },
    );
  }
  if (d.managerPhone.trim() !== '' && !isValidPhone(d.managerPhone.trim())) {
    throw domainError(
      NoticeErrorCodes.NOTICE_PHONE_INVALID,
      `联系电话「${d.managerPhone}」不是有效的电话号码。`,
      `The contact phone "${d.managerPhone}" is not a valid phone number.`,
      { clause },
    );
  }
  if (!isInterruption(d.kind)) {
    return { clause, notifyRequired: true, expectedHours: null, lead: checkLead(d, publishAt, clause) };
  }
  const expectedHours = checkTimes(d, publishAt, clause);
  if (d.sector === 'heating') {
    // H-6.4.5.2: over 24 h → the households must be told; a shorter one may be posted only.
    return {
      clause,
      notifyRequired: expectedHours > HEATING_NOTIFY_THRESHOLD_HOURS,
      expectedHours,
      lead: null,
    };
  }
  if (d.kind === 'planned_interruption') {
    const lead = checkLead(d, publishAt, clause);
    if (expectedHours > GAS_PLANNED_MAX_HOURS && d.durationReason.trim() === '') {
      throw domainError(
        NoticeErrorCodes.NOTICE_DURATION_REASON_REQUIRED,
        `G-6.2.12：计划停气时间一般不应超过24小时，本次预计 ${round(expectedHours)} 小时，请写明原因。`,
        `G-6.2.12: a planned outage normally lasts at most 24 h; this one is expected to take ${round(expectedHours)} h — state why.`,
        { clause, expectedHours },
      );
    }
    return { clause, notifyRequired: true, expectedHours, lead };
  }
  return { clause, notifyRequired: true, expectedHours, lead: null };
}

const round = (h: number) => Math.round(h * 10) / 10;

function checkLead(d: NoticeDraft, publishAt: Date, clause: string): LeadTime {
  const lead = leadTimeLatest(
    d.startsAt,
    d.kind === 'planned_interruption' ? GAS_OUTAGE_NOTICE_LEAD : FILLING_NOTICE_LEAD,
  );
  if (publishAt.getTime() > lead.latestAt.getTime()) {
    const label = NOTICE_KIND_LABELS[d.kind];
    throw domainError(
      NoticeErrorCodes.NOTICE_LEAD_TIME_SHORT,
      `${clause}：「${label.zh}」发布过晚。${lead.explanation.zh}现在（${formatShanghai(publishAt)}）发布已不足提前期。`,
      `${clause}: this ${label.en.toLowerCase()} is too late. ${lead.explanation.en} Publishing now (${formatShanghai(publishAt)}) falls short.`,
      { clause, latestAt: lead.latestAt.toISOString(), startsAt: d.startsAt.toISOString() },
    );
  }
  return lead;
}

function checkTimes(d: NoticeDraft, publishAt: Date, clause: string): number {
  const restore = d.expectedRestoreAt as Date;
  if (restore.getTime() <= d.startsAt.getTime() || restore.getTime() <= publishAt.getTime()) {
    throw domainError(
      NoticeErrorCodes.NOTICE_TIMES_INVALID,
      `${clause}：预计恢复时间须晚于开始时间和发布时间。`,
      `${clause}: the expected restore time must be after the start and after publication.`,
      { clause },
    );
  }
  return (restore.getTime() - d.startsAt.getTime()) / HOUR;
}

export interface InterruptionState {
  kind: NoticeKind;
  status: string;
  expectedRestoreAt: Date | null;
  actualRestoreAt: Date | null;
  overrunNotifiedAt: Date | null;
}

/**
 * H-6.4.5.2, G-6.2.12 e: an interruption still not restored after its expected restore time is an overrun, and the
 * households are told again — once per expected restore time (a new revision with a later time resets it).
 */
export function overrunDue(n: InterruptionState, now: Date): boolean {
  return (
    isInterruption(n.kind) &&
    n.status === 'published' &&
    n.actualRestoreAt === null &&
    n.overrunNotifiedAt === null &&
    n.expectedRestoreAt !== null &&
    now.getTime() > n.expectedRestoreAt.getTime()
  );
}
