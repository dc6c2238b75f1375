// Heating operations (issue 20): patrols and their findings (H-6.3.1), the annual maintenance plan in the
// non-heating season (H-6.3.2), a newly connected community's maintenance commitment (H-6.1.7) and what it decides
// for a claim (H-9.6.3), and the building notice when a shared system cannot be filled or run (H-6.3.4).

import type { Messages } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';
import type { SeasonSpan } from './roster.ts';

export type FacilityCheckKind = 'patrol' | 'inspection';
export type FindingSeverity = 'minor' | 'major';

/** H-6.3.1: a finding is open until its closure is recorded; past its due day it is overdue. */
export function findingStatus(
  f: { dueOn: DateString; closedOn: DateString | null },
  today: DateString,
): 'closed' | 'open' | 'overdue' {
  if (f.closedOn) return 'closed';
  return today > f.dueOn ? 'overdue' : 'open';
}

/**
 * H-6.3.2: the year's maintenance is planned in the non-heating season: a plan whose days reach into a heating
 * season is refused, naming the season. Null when the plan is outside every season.
 */
export function maintenancePlanProblem(
  plan: { startsOn: DateString; endsOn: DateString },
  seasons: readonly SeasonSpan[],
): Messages | null {
  if (plan.endsOn < plan.startsOn) {
    return { zh: '检修计划须先始后终', en: 'The plan must end on or after the day it starts' };
  }
  const hit = seasons.find((s) => plan.startsOn <= s.endsOn && s.startsOn <= plan.endsOn);
  if (!hit) return null;
  return {
    zh: `年度检修计划须安排在非供热期，与供热期 ${hit.startsOn} 至 ${hit.endsOn} 重叠（H-6.3.2）`,
    en: `The annual maintenance plan must fall in the non-heating season; it overlaps the season ${hit.startsOn} to ${hit.endsOn} (H-6.3.2)`,
  };
}

export interface MaintenanceCommitment {
  party: 'developer' | 'property_company';
  partyName: string;
  /** The last day of the developer's maintenance period (null when the property company inherits). */
  endsOn: DateString | null;
}

/**
 * H-6.1.7, H-9.6.3: on `day` the developer maintains the community's heating facilities when its filed commitment
 * runs through that day; a property company that inherited the duty (no commitment filed) does not make it so.
 */
export function inDeveloperMaintenance(c: MaintenanceCommitment | null, day: DateString): boolean {
  return !!c && c.party === 'developer' && c.endsOn !== null && day <= c.endsOn;
}

/** H-6.3.4: why the building's shared system cannot be used. */
export type BuildingNoticeReason = 'cannot_fill' | 'cannot_run';
export const BUILDING_NOTICE_REASON_TEXT: Record<BuildingNoticeReason, Messages> = {
  cannot_fill: {
    zh: '楼内公共供热设施不具备充水条件',
    en: 'the building’s shared heating system cannot be filled',
  },
  cannot_run: { zh: '楼内公共供热系统不能正常运行', en: 'the building’s shared heating system cannot run' },
};

/** H-6.3.4: the owner is told ahead — the notice takes effect on a later day than it is given. */
export function buildingNoticeProblem(effectiveOn: DateString, today: DateString): Messages | null {
  if (effectiveOn > today) return null;
  return {
    zh: '须提前通知楼内公共供热系统产权单位或用热相关方：生效日期应晚于今天（H-6.3.4）',
    en: 'The owner must be told ahead: the notice takes effect after today (H-6.3.4)',
  };
}
