// Complaint rules: categories (H-7.4.5), responsibility (H-7.4.8), what closing needs (H-7.4.9, H-7.4.10,
// H-7.6.5.3), and repeat complaints (H-7.4.5 "reported 3+ times unresolved", G-5.7.3 repeat complainants).

import { type DomainError, domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import { assertInstant } from '../time/shanghai.ts';
import { WorkOrderErrorCodes } from './errors.ts';
import type { Satisfaction } from './states.ts';

/** H-7.4.5: what the hotline accepts as a complaint. */
export type ComplaintCategory =
  | 'attitude'
  | 'unprofessional'
  | 'missed_time_limit'
  | 'repeated_unresolved'
  | 'poor_construction'
  | 'construction_nuisance'
  | 'equipment_nuisance'
  | 'heating_quality';

export const COMPLAINT_CATEGORIES: Readonly<Record<ComplaintCategory, Messages>> = {
  attitude: { zh: '服务人员服务态度差', en: 'poor staff attitude' },
  unprofessional: { zh: '业务不熟或不专业', en: 'staff unfamiliar with the business or unprofessional' },
  missed_time_limit: {
    zh: '未按约定时间或规定时限办理',
    en: 'not handled at the agreed time or within the time limit',
  },
  repeated_unresolved: {
    zh: '多次（3次以上）反映未解决',
    en: 'reported 3 or more times and still unresolved',
  },
  poor_construction: { zh: '施工质量差', en: 'poor construction quality' },
  construction_nuisance: { zh: '施工扰民', en: 'construction disturbing residents' },
  equipment_nuisance: { zh: '设备运行扰民', en: 'equipment operation disturbing residents' },
  // H-7.4.3 / H-7.2.3: a complaint about the heating itself (room temperature below standard), not about staff.
  heating_quality: {
    zh: '供热质量（室温不达标、暖气不热）',
    en: 'heating quality (room temperature below standard)',
  },
};

export function isComplaintCategory(value: unknown): value is ComplaintCategory {
  return typeof value === 'string' && Object.hasOwn(COMPLAINT_CATEGORIES, value);
}

/** H-7.4.6 / H-7.4.8: decided by the industry authority; until then 'undecided'. */
export type ComplaintResponsibility = 'responsible' | 'non_responsible' | 'undecided';
export const COMPLAINT_RESPONSIBILITIES: readonly ComplaintResponsibility[] = [
  'responsible',
  'non_responsible',
  'undecided',
];

/** H-7.4.8: "当时不能确定时，按有责投诉处理" — an undecided complaint is handled and counted as responsible. */
export function countsAsResponsible(responsibility: ComplaintResponsibility): boolean {
  return responsibility !== 'non_responsible';
}

/** H-7.4.10.4: the handling report back to the intake department. */
export interface ComplaintFindings {
  /** 事实的认定 */
  facts: string;
  /** 整改措施 */
  correctiveMeasures: string;
  /** 对责任部门和责任人的处理 */
  accountability: string;
}

/** H-7.4.9: a non-responsible complaint is explained — a referral to the right channel or the policy cited. */
export interface ComplaintExplanation {
  /** H-7.4.9.1: the channel that handles it (not the company's business). */
  referral?: string;
  /** H-7.4.9.2: the document and its content the customer misunderstood or went against. */
  policy?: string;
}

export interface ComplaintCloseInput {
  responsibility: ComplaintResponsibility;
  findings?: Partial<ComplaintFindings>;
  explanation?: ComplaintExplanation;
  /** The latest return visit, if any (H-7.6.5.3). */
  returnVisit?: { satisfaction: Satisfaction };
}

const filled = (text: string | undefined): boolean => typeof text === 'string' && text.trim() !== '';

const FINDING_LABELS: Readonly<Record<keyof ComplaintFindings, Messages>> = {
  facts: { zh: '事实的认定', en: 'the facts found' },
  correctiveMeasures: { zh: '整改措施', en: 'the corrective measures' },
  accountability: {
    zh: '对责任部门和责任人的处理',
    en: 'the action taken on the responsible department and staff',
  },
};

/** Everything that stops this complaint from closing; empty when it may close. */
export function complaintCloseProblems(complaint: ComplaintCloseInput): DomainError[] {
  const problems: DomainError[] = [];
  if (countsAsResponsible(complaint.responsibility)) {
    for (const field of Object.keys(FINDING_LABELS) as (keyof ComplaintFindings)[]) {
      if (filled(complaint.findings?.[field])) continue;
      const label = FINDING_LABELS[field];
      problems.push(
        domainError(
          WorkOrderErrorCodes.COMPLAINT_HANDLING_INCOMPLETE,
          `有责投诉（含尚未判定的投诉，H-7.4.8）的处置情况须包括${label.zh}（H-7.4.10.4）。`,
          `A responsible complaint (undecided ones count as responsible, H-7.4.8) must report ${label.en} (H-7.4.10.4).`,
          { field, clause: 'H-7.4.10.4' },
        ),
      );
    }
  } else if (!filled(complaint.explanation?.referral) && !filled(complaint.explanation?.policy)) {
    problems.push(
      domainError(
        WorkOrderErrorCodes.COMPLAINT_EXPLANATION_MISSING,
        '无责投诉须向用户说明：告知投诉渠道（H-7.4.9.1）或相关文件及具体内容（H-7.4.9.2）。',
        'A non-responsible complaint must be explained: the right channel (H-7.4.9.1) or the policy and what it says (H-7.4.9.2).',
        { clause: 'H-7.4.9' },
      ),
    );
  }
  if (!complaint.returnVisit) {
    problems.push(
      domainError(
        WorkOrderErrorCodes.COMPLAINT_RETURN_VISIT_MISSING,
        '所有投诉用户都须回访后方可结案（H-7.6.5.3）。',
        'Every complaint needs a return visit before it closes (H-7.6.5.3).',
        { clause: 'H-7.6.5.3' },
      ),
    );
  } else if (
    complaint.returnVisit.satisfaction === 'dissatisfied' &&
    countsAsResponsible(complaint.responsibility)
  ) {
    // A non-responsible complaint may close over a dissatisfied visit: what the customer wants is outside the
    // company's power (H-7.4.9); re-dispatching it would change nothing.
    problems.push(
      domainError(
        WorkOrderErrorCodes.COMPLAINT_NOT_SATISFIED,
        '回访用户不满意，应再次派单、督办，不能结案（H-7.4.10.5）。',
        'The customer was not satisfied on the return visit: dispatch again and supervise; it cannot close (H-7.4.10.5).',
        { clause: 'H-7.4.10.5' },
      ),
    );
  }
  return problems;
}

// ---- repeat complaints ----

/** An earlier report by the same customer about the same matter (the caller selects them). */
export interface PriorReport {
  at: Date;
  /** When the matter of that report was resolved (its order closed satisfied), if it was. */
  resolvedAt?: Date;
}

export interface RepeatComplaintStatus {
  /** Earlier reports of this matter by this customer, up to `now`. */
  priorReports: number;
  /** Reports still unresolved since the last resolution, counting the one made now. */
  unresolvedReports: number;
  /** G-5.7.3: has complained about this before — tell the solution and a contact. */
  repeatComplainant: boolean;
  /** H-7.4.5: reported 3 or more times and unresolved — category 'repeated_unresolved'. */
  repeatedUnresolved: boolean;
  /** What the agent must do on this call. */
  obligations: Messages[];
}

/** H-7.4.5 "多次（3次以上）": 以上 includes the number itself in Chinese legal usage. */
export const REPEATED_UNRESOLVED_THRESHOLD = 3;

/**
 * The status of a report made at `now`, given the same customer's earlier reports of the same matter.
 * A resolution restarts the count: reports made before the latest resolution were answered.
 * Reports dated after `now` are ignored, so the status can be recomputed for any past moment.
 */
export function repeatComplaintStatus(
  priorReports: readonly PriorReport[],
  now: Date,
): RepeatComplaintStatus {
  assertInstant(now);
  for (const report of priorReports) assertInstant(report.at);
  const known = priorReports.filter((r) => r.at.getTime() <= now.getTime());
  const resolutions = known
    .map((r) => r.resolvedAt?.getTime())
    .filter((t): t is number => t !== undefined && t <= now.getTime());
  const lastResolution = resolutions.length > 0 ? Math.max(...resolutions) : -Infinity;
  const open = known.filter((r) => r.at.getTime() > lastResolution && !isResolvedBy(r, now));
  const unresolvedReports = open.length + 1;
  const repeatComplainant = known.length > 0;
  const repeatedUnresolved = unresolvedReports >= REPEATED_UNRESOLVED_THRESHOLD;
  const obligations: Messages[] = [];
  if (repeatComplainant) {
    obligations.push({
      zh: '重复投诉：应告知用户投诉事项的解决办法及联系方式（G-5.7.3）。',
      en: 'Repeat complainant: tell the customer how the matter will be solved and whom to contact (G-5.7.3).',
    });
  }
  if (repeatedUnresolved) {
    obligations.push({
      zh: `同一事项已反映 ${unresolvedReports} 次未解决，按「多次（3次以上）反映未解决」投诉登记（H-7.4.5）。`,
      en: `Reported ${unresolvedReports} times without a solution: record it as "reported 3 or more times unresolved" (H-7.4.5).`,
    });
  }
  return {
    priorReports: known.length,
    unresolvedReports,
    repeatComplainant,
    repeatedUnresolved,
    obligations,
  };
}

function isResolvedBy(report: PriorReport, now: Date): boolean {
  return report.resolvedAt !== undefined && report.resolvedAt.getTime() <= now.getTime();
}
