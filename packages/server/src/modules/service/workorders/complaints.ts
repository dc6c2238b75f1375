import {
  COMPLAINT_CATEGORIES,
  countsAsResponsible,
  repeatComplaintStatus,
  type ComplaintCategory,
  type ComplaintResponsibility,
  type Messages,
  type WorkOrder,
} from '@ranre/domain';
import type { Db } from '../../../db/client.ts';
import { priorComplaints, type ComplaintRow, type NewComplaint } from './related.repository.ts';
import type { TComplaint } from './workorders.schemas.ts';

// The complaint row of a complaint order: its category (H-7.4.5), the repeat count and flag (H-7.4.5 "3 or
// more times unresolved", G-5.7.3 repeat complainant), and the handling fields projected from the order's
// events (responsibility H-7.4.8, findings H-7.4.10.4, explanation H-7.4.9).

export interface RepeatNotice {
  priorReports: number;
  unresolvedReports: number;
  repeatComplainant: boolean;
  repeatedUnresolved: boolean;
  obligations: Messages[];
  /** G-5.7.3: the solution and the contact the repeat complainant was given. */
  solution: string | null;
  contact: string | null;
  priorOrderNos: string[];
}

const DEFAULT_SOLUTION =
  '本次投诉由首问责任人跟进，派专人核查处理，在规定时限内答复处理结果。' +
  ' / A named handler follows this complaint up and answers within the time limit.';

export interface PriorComplaint {
  orderNo: string;
  receivedAt: Date;
  /** When it was closed after its return visit, if it was. */
  resolvedAt: Date | null;
  measures: string | null;
}

export interface Told {
  solution?: string;
  contact?: string;
  /** The first responder and the enterprise hotline, when no contact is given. */
  defaultContact: string;
}

/**
 * The repeat status of a complaint made at `at` (repeatComplaintStatus over the same customer's earlier
 * complaints), with what the complainant is told: the given solution and contact, else the latest corrective
 * measures on file and the first responder with the enterprise hotline.
 */
export async function repeatNoticeFor(
  db: Db,
  enterpriseId: string,
  who: { customerId?: string; phone?: string },
  at: Date,
  told: Told,
): Promise<RepeatNotice> {
  return buildRepeatNotice(await priorComplaints(db, enterpriseId, who), at, told);
}

export function buildRepeatNotice(prior: readonly PriorComplaint[], at: Date, told: Told): RepeatNotice {
  const status = repeatComplaintStatus(
    prior.map((p) => ({ at: p.receivedAt, ...(p.resolvedAt ? { resolvedAt: p.resolvedAt } : {}) })),
    at,
  );
  const measures = prior
    .map((p) => p.measures)
    .filter((m): m is string => Boolean(m && m.trim()))
    .at(-1);
  return {
    ...status,
    solution: status.repeatComplainant ? (told.solution ?? measures ?? DEFAULT_SOLUTION) : null,
    contact: status.repeatComplainant ? (told.contact ?? told.defaultContact) : null,
    priorOrderNos: prior.filter((p) => p.receivedAt.getTime() <= at.getTime()).map((p) => p.orderNo),
  };
}

/** H-7.4.5: a complaint reported 3 or more times unresolved is recorded in that category. */
export function complaintCategoryFor(
  given: ComplaintCategory | undefined,
  notice: RepeatNotice,
): ComplaintCategory | undefined {
  return notice.repeatedUnresolved ? 'repeated_unresolved' : given;
}

/** The complaint columns that follow the order's events. */
export function complaintProjection(order: WorkOrder): Partial<NewComplaint> {
  const c = order.complaint;
  if (!c) return {};
  return {
    responsibility: c.responsibility,
    investigation: c.findings?.facts || null,
    measures: c.findings?.correctiveMeasures || null,
    accountability: c.findings?.accountability || null,
    referral: c.explanation?.referral ?? null,
    policy: c.explanation?.policy ?? null,
    reasonable: c.judgement?.reasonable ?? null,
    judgementBasis: c.judgement?.basis ?? null,
    unreasonableReason: c.judgement?.reason ?? null,
  };
}

export function complaintView(row: ComplaintRow): TComplaint {
  const responsibility = row.responsibility as ComplaintResponsibility;
  const hasFindings = Boolean(row.investigation || row.measures || row.accountability);
  const category = row.category as ComplaintCategory;
  return {
    category,
    categoryLabel: COMPLAINT_CATEGORIES[category] ?? { zh: category, en: category },
    responsibility,
    countsAsResponsible: countsAsResponsible(responsibility),
    repeatCount: row.repeatCount,
    flagged: row.flagged,
    findings: hasFindings
      ? {
          facts: row.investigation ?? '',
          correctiveMeasures: row.measures ?? '',
          accountability: row.accountability ?? '',
        }
      : null,
    explanation:
      row.referral || row.policy ? { referral: row.referral ?? null, policy: row.policy ?? null } : null,
    repeat: (row.repeatNotice as RepeatNotice | null) ?? null,
    judgement:
      row.reasonable === null
        ? null
        : { reasonable: row.reasonable, basis: row.judgementBasis ?? '', reason: row.unreasonableReason },
  };
}
