// Ceasing business or stopping a service (G-6.2.14, G-9.3.2).
//
// G-6.2.14: a pipeline gas company that stops or suspends business applies to the gas authority at least 90 working
// days ahead and needs its consent; the authority and the company arrange the supply of the customers in the area
// beforehand and tell them. G-9.3.2: an appliance installation and repair company that stops or suspends business
// tells its customers in advance and makes proper arrangements (open jobs, warranties still running).
//
// Neither clause gives the customers' notice a length. ranre's policy: customers are told at least
// CESSATION_NOTICE_DAYS calendar days before the last day of business (counted like every lead time, lead-time.ts),
// and whoever takes over open orders and warranties is named before they are told.

import type { Messages } from '../errors.ts';
import type { WorkCalendar } from '../calendar/types.ts';
import { leadTimeLatest } from '../sla/lead-time.ts';
import { shanghaiMidnightUtc, type DateString } from '../time/shanghai.ts';

export const CESSATION_CLAUSE = { pipeline_gas: 'G-6.2.14', appliance: 'G-9.3.2' } as const;
export type CessationClause = (typeof CESSATION_CLAUSE)[keyof typeof CESSATION_CLAUSE];
/** G-6.2.14: the application to the gas authority, in working days before the day business stops. */
export const CESSATION_APPLY_LEAD = '90wd';
/** Policy (the clauses say "in advance" without a length): the customers are told at least 30 days ahead. */
export const CESSATION_NOTICE_DAYS = 30;

export const CESSATION_STEPS = ['approved', 'rejected', 'customers_notified', 'withdrawn'] as const;
export type CessationStep = (typeof CESSATION_STEPS)[number];
export type CessationStatus = 'awaiting_approval' | 'filed' | CessationStep;

/** The clause an enterprise of this kind ceases business under, or null when neither applies to it. */
export function cessationClause(kind: string): CessationClause | null {
  return (CESSATION_CLAUSE as Record<string, CessationClause>)[kind] ?? null;
}

export interface CessationDeadlines {
  /** G-6.2.14: the last day the application may reach the authority; null for an appliance company. */
  applyBy: DateString | null;
  /** The last day the customers may be told (policy, CESSATION_NOTICE_DAYS). */
  notifyBy: DateString;
}

/** The deadlines for stopping business on `ceasesOn` (the first day without service). */
export function cessationDeadlines(
  clause: CessationClause,
  ceasesOn: DateString,
  calendar: WorkCalendar,
): CessationDeadlines {
  const start = shanghaiMidnightUtc(ceasesOn);
  return {
    applyBy: clause === 'G-6.2.14' ? leadTimeLatest(start, CESSATION_APPLY_LEAD, calendar).latestDate : null,
    notifyBy: leadTimeLatest(start, CESSATION_NOTICE_DAYS).latestDate,
  };
}

export interface CessationFiling {
  clause: CessationClause;
  deadlines: CessationDeadlines;
  today: DateString;
  openOrders: number;
  openWarranties: number;
  successor: string;
}

export type CessationRefusal = { code: string; field: string; messages: Messages };

/** Why a filing is refused, or null. */
export function judgeCessationFiling(f: CessationFiling): CessationRefusal | null {
  const { applyBy, notifyBy } = f.deadlines;
  if (applyBy !== null && f.today > applyBy) {
    return {
      code: 'CESSATION_TOO_LATE',
      field: 'ceasesOn',
      messages: {
        zh: `管道燃气企业停业、歇业须提前 90 个工作日报燃气管理部门同意（G-6.2.14）；该停业日期的申请最迟应在 ${applyBy} 提交，请推迟停业日期`,
        en: `A pipeline gas company applies to the gas authority 90 working days before it stops (G-6.2.14); for this date the application was due by ${applyBy} — choose a later date`,
      },
    };
  }
  if (f.today > notifyBy) {
    return {
      code: 'CESSATION_TOO_LATE',
      field: 'ceasesOn',
      messages: {
        zh: `停业须提前告知用户（${f.clause}）；至少提前 ${CESSATION_NOTICE_DAYS} 天告知，该停业日期最迟应在 ${notifyBy} 告知，请推迟停业日期`,
        en: `Customers are told in advance (${f.clause}), at least ${CESSATION_NOTICE_DAYS} days ahead; for this date they had to be told by ${notifyBy} — choose a later date`,
      },
    };
  }
  if ((f.openOrders > 0 || f.openWarranties > 0) && f.successor.trim() === '') {
    return {
      code: 'CESSATION_SUCCESSOR_REQUIRED',
      field: 'successor',
      messages: {
        zh: `尚有 ${f.openOrders} 张未完成工单、${f.openWarranties} 份在保期内的保修，须写明承接单位（${f.clause}：对相关事宜做出妥善安排）`,
        en: `${f.openOrders} open orders and ${f.openWarranties} warranties in force: name who takes them over (${f.clause})`,
      },
    };
  }
  return null;
}

/** Where a cessation stands, from the steps appended to it. */
export function cessationStatus(clause: CessationClause, steps: readonly CessationStep[]): CessationStatus {
  for (const s of ['withdrawn', 'rejected', 'customers_notified', 'approved'] as const) {
    if (steps.includes(s)) return s;
  }
  return clause === 'G-6.2.14' ? 'awaiting_approval' : 'filed';
}

/** Why a step may not be taken now, or null. */
export function judgeCessationStep(
  clause: CessationClause,
  steps: readonly CessationStep[],
  step: CessationStep,
  today: DateString,
  ceasesOn: DateString,
): CessationRefusal | null {
  const status = cessationStatus(clause, steps);
  const refuse = (code: string, zh: string, en: string): CessationRefusal => ({
    code,
    field: 'step',
    messages: { zh, en },
  });
  if (status === 'withdrawn' || status === 'rejected') {
    return refuse(
      'CESSATION_CLOSED',
      status === 'withdrawn' ? '该停业申报已撤回' : '燃气管理部门已不同意该停业申请',
      status === 'withdrawn' ? 'This cessation was withdrawn' : 'The gas authority refused this cessation',
    );
  }
  if (steps.includes(step)) return refuse('CESSATION_STEP_DONE', '该步骤已完成', 'This step is already done');
  if (step === 'approved' || step === 'rejected') {
    if (clause !== 'G-6.2.14') {
      return refuse(
        'CESSATION_NO_APPROVAL',
        '燃气具安装维修企业停业无需燃气管理部门同意，只需提前告知用户（G-9.3.2）',
        'An appliance company’s cessation needs no approval; it tells its customers ahead (G-9.3.2)',
      );
    }
    if (status !== 'awaiting_approval') {
      return refuse('CESSATION_STEP_DONE', '已作出决定', 'Already decided');
    }
  }
  if (step === 'customers_notified') {
    if (clause === 'G-6.2.14' && status !== 'approved') {
      return refuse(
        'CESSATION_NOT_APPROVED',
        '管道燃气企业停业须经燃气管理部门同意后，方可告知用户（G-6.2.14）',
        'A pipeline company tells its customers once the gas authority has approved (G-6.2.14)',
      );
    }
    if (today >= ceasesOn) {
      return refuse(
        'CESSATION_TOO_LATE',
        `停业日 ${ceasesOn} 已到，告知已不是“提前”告知`,
        `The business stopped on ${ceasesOn}; notice now is not notice in advance`,
      );
    }
  }
  if (step === 'withdrawn' && steps.includes('customers_notified')) {
    return refuse(
      'CESSATION_ALREADY_NOTIFIED',
      '已告知用户的停业不能撤回；如继续经营，请另行告知用户',
      'Customers were told; it cannot be withdrawn — tell them the business carries on',
    );
  }
  return null;
}

/**
 * Whether the customers' notice is overdue: the filing is still open (not withdrawn or refused), the customers are
 * not yet told, and the last day to tell them (notifyBy) has passed. Shown to the enterprise and the regulator.
 */
export function cessationNoticeOverdue(
  status: CessationStatus,
  notifyBy: DateString,
  today: DateString,
): boolean {
  return ['awaiting_approval', 'filed', 'approved'].includes(status) && today > notifyBy;
}
