// Who may be sent to an order. G-5.6.1: the people who serve customers hold valid qualification certificates, so a
// technician or inspector whose certificate has expired is not dispatched until it is renewed. A repair or an
// emergency needs a technician: an inspector (safety checks) is not offered for it.

import type { Messages } from '../errors.ts';
import type { DateString } from '../time/shanghai.ts';
import type { ServiceCategory } from './catalogue-types.ts';

export type AssigneeRole = 'technician' | 'inspector';

/** The roles an order of this category may be dispatched to. */
export function assigneeRolesFor(category: ServiceCategory): readonly AssigneeRole[] {
  return category === 'repair' || category === 'emergency' ? ['technician'] : ['technician', 'inspector'];
}

export interface HeldCertificate {
  name: string;
  number: string;
  expiresOn: DateString;
}

/**
 * G-5.6.1, G-9.2.2: the certificates an enterprise requires for a job, and whether the login belongs to a staff
 * record at all (whose certificates are the only ones that count).
 */
export interface JobRequirement {
  staffLinked: boolean;
  /** Certificate names required for the job; none declared keeps the expiry check alone. */
  required: readonly string[];
}

/**
 * G-5.6.1: why this person may not be dispatched on `today`, or null. A certificate counts as renewed when a later
 * one of the same name is still valid; a certificate is valid through its expiry day. Where the enterprise requires
 * certificates for the job, a login without a staff record, or a record missing one of them, is refused too.
 */
export function qualificationProblem(
  certificates: readonly HeldCertificate[],
  today: DateString,
  job?: JobRequirement,
): Messages | null {
  const latest = new Map<string, HeldCertificate>();
  for (const c of certificates) {
    const seen = latest.get(c.name);
    if (!seen || c.expiresOn > seen.expiresOn) latest.set(c.name, c);
  }
  const required = job?.required ?? [];
  if (required.length > 0 && !job?.staffLinked) {
    return {
      zh: `账号未关联员工档案，无法核对本工作要求的资格证书（${required.join('、')}），不能派单（G-5.6.1）`,
      en: `The login names no staff record, so the certificates this job requires (${required.join(', ')}) cannot be checked; not dispatched (G-5.6.1)`,
    };
  }
  const missing = required.filter((name) => !latest.has(name));
  if (missing.length > 0) {
    return {
      zh: `未持有本工作要求的资格证书：${missing.join('、')}，不能派单（G-5.6.1、G-9.2.2）`,
      en: `Does not hold the certificate this job requires: ${missing.join(', ')}; not dispatched (G-5.6.1, G-9.2.2)`,
    };
  }
  const expired = [...latest.values()].filter((c) => c.expiresOn < today);
  if (expired.length === 0) return null;
  return {
    zh: `资格证书已过期：${expired.map((c) => `${c.name}（${c.number}，${c.expiresOn} 到期）`).join('、')}，续证前不能派单（G-5.6.1）`,
    en: `Qualification certificate expired: ${expired.map((c) => `${c.name} (${c.number}, expired ${c.expiresOn})`).join(', ')}; not dispatched until renewed (G-5.6.1)`,
  };
}

/**
 * G-5.12.3, H-6.4.3, H-7.3.1: an urgent order — a gas leak emergency, a heating leak — is answered by the rush-repair
 * crew on duty, so it is sent only to someone on a rush-repair shift at that moment.
 */
export function isRushRepairItem(item: { category: ServiceCategory; rushRepair?: true }): boolean {
  return item.category === 'emergency' || item.rushRepair === true;
}

/** Why an urgent order may not be sent to this person now (not on a rush-repair shift), or null. */
export function dutyProblem(onDuty: boolean): Messages | null {
  if (onDuty) return null;
  return {
    zh: '此人当前不在抢修值班班次上，紧急抢修工单只能派给在班人员（G-5.12.3、H-6.4.3、H-7.3.1）',
    en: 'Not on a rush-repair duty shift now: an urgent order goes only to people on duty (G-5.12.3, H-6.4.3, H-7.3.1)',
  };
}
