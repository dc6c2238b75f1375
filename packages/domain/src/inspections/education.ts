// G-5.10.1, G-5.10.6: the safety handbook handed to each customer and the education given, recorded per customer.
// The handbook's contents (items a–h of G-5.10.6) are data, so a record names which were explained.

import type { Messages } from '../errors.ts';

export const SAFETY_EDUCATION_TOPICS = {
  basics: { zh: '安全使用燃气的基本知识', en: 'Basics of using gas safely' }, // a)
  appliances: { zh: '正确使用燃气燃烧器具的方法', en: 'Using gas appliances correctly' }, // b)
  conditions: { zh: '燃气使用的安全条件', en: 'Safe conditions for using gas' }, // c)
  rights: { zh: '用户用气的权利、责任和义务', en: 'The customer’s rights, responsibilities and duties' }, // d)
  requirements: { zh: '保障燃气使用安全所要求的事项', en: 'What safe use requires' }, // e)
  contacts: { zh: '抢修、抢险、维修和维护的联系方法', en: 'How to reach repair and emergency services' }, // f)
  accidents: { zh: '防范和处置燃气事故的措施', en: 'Preventing and handling gas accidents' }, // g)
  unlawful: { zh: '违法用气的危害和后果', en: 'Harm and consequences of unlawful gas use' }, // h)
} as const satisfies Record<string, Messages>;

export type SafetyEducationTopic = keyof typeof SAFETY_EDUCATION_TOPICS;
export const SAFETY_EDUCATION_TOPIC_CODES = Object.keys(SAFETY_EDUCATION_TOPICS) as SafetyEducationTopic[];

/** When the education was given (G-5.10.1: at connection, at each inspection, at delivery, or at a counter). */
export const SAFETY_EDUCATION_OCCASIONS = [
  'connection',
  'inspection',
  'delivery',
  'counter',
  'other',
] as const;
export type SafetyEducationOccasion = (typeof SAFETY_EDUCATION_OCCASIONS)[number];

export interface SafetyEducationCoverage {
  /** G-5.10.1: the handbook was handed to the customer at least once. */
  handbookGiven: boolean;
  covered: SafetyEducationTopic[];
  /** Items of G-5.10.6 never explained to this customer. */
  missing: SafetyEducationTopic[];
  complete: boolean;
}

/** What a customer has been given over all records: the handbook, and which items a–h were explained. */
export function safetyEducationCoverage(
  records: readonly { handbookGiven: boolean; topics: readonly string[] }[],
): SafetyEducationCoverage {
  const seen = new Set(records.flatMap((r) => r.topics));
  const covered = SAFETY_EDUCATION_TOPIC_CODES.filter((t) => seen.has(t));
  const missing = SAFETY_EDUCATION_TOPIC_CODES.filter((t) => !seen.has(t));
  const handbookGiven = records.some((r) => r.handbookGiven);
  return { handbookGiven, covered, missing, complete: handbookGiven && missing.length === 0 };
}
