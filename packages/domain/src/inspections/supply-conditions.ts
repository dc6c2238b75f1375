// G-5.3.1, G-6.1.1, G-6.1.3: the published supply conditions as data — a community is covered by a pipeline network
// with a capacity in households. An application that meets them is not refused; a refusal names the condition not
// met. G-7.1.1: no bottled gas where a pipeline network covers the address.

import type { Messages } from '../errors.ts';

/** The conditions a connection refusal may name. */
export const REFUSAL_CONDITIONS = [
  'not_covered',
  'no_capacity',
  'premises_unsafe',
  'documents_missing',
] as const;
export type RefusalCondition = (typeof REFUSAL_CONDITIONS)[number];

export const REFUSAL_CONDITION_LABELS: Readonly<Record<RefusalCondition, Messages>> = {
  not_covered: { zh: '不在管网覆盖范围内', en: 'Outside the network coverage' },
  no_capacity: { zh: '管网供气能力不足', en: 'The network has no capacity left' },
  premises_unsafe: { zh: '用气场所不具备安全用气条件', en: 'The premises are not safe for gas' },
  documents_missing: { zh: '申请资料不全', en: 'Documents missing' },
};

export interface CoverageFacts {
  /** The coverage in force for the community, or null when the enterprise has stated none. */
  coverage: { covered: boolean; capacityHouseholds: number | null } | null;
  /** Households of the enterprise already at an address in the community. */
  connected: number;
}

/** Whether the network conditions (coverage and capacity) are met, and if not, which one fails. */
export function networkCondition(
  f: CoverageFacts,
): { met: true } | { met: false; condition: RefusalCondition } {
  if (!f.coverage?.covered) return { met: false, condition: 'not_covered' };
  const cap = f.coverage.capacityHouseholds;
  if (cap !== null && f.connected >= cap) return { met: false, condition: 'no_capacity' };
  return { met: true };
}

/**
 * Why a refusal of a connection application may not stand, or null (G-5.3.1, G-6.1.3): it must name a condition;
 * a network condition it names must really be unmet by the data; documents missing must be listed.
 */
export function refusalProblem(
  refusal: { condition?: string | undefined; missingDocuments?: readonly string[] | undefined },
  facts: CoverageFacts,
): Messages | null {
  const network = networkCondition(facts);
  const c = refusal.condition as RefusalCondition | undefined;
  if (!c || !REFUSAL_CONDITIONS.includes(c))
    return network.met
      ? {
          zh: '该地址在管网覆盖范围内且供气能力满足，符合条件的报装申请不得拒绝；确需不予受理的，须写明未满足的条件（G-5.3.1、G-6.1.3）',
          en: 'The address is covered and the network has capacity: an eligible application cannot be refused; a refusal must name the condition not met (G-5.3.1, G-6.1.3)',
        }
      : {
          zh: `不予受理须写明未满足的条件（本地址：${REFUSAL_CONDITION_LABELS[network.condition].zh}）（G-6.1.3）`,
          en: `A refusal names the condition not met (here: ${REFUSAL_CONDITION_LABELS[network.condition].en}) (G-6.1.3)`,
        };
  if ((c === 'not_covered' || c === 'no_capacity') && (network.met || network.condition !== c))
    return {
      zh: `所填条件“${REFUSAL_CONDITION_LABELS[c].zh}”与公布的供气条件不符：${network.met ? '该地址在覆盖范围内且能力满足' : REFUSAL_CONDITION_LABELS[network.condition].zh}（G-5.3.1）`,
      en: `The condition "${REFUSAL_CONDITION_LABELS[c].en}" contradicts the published conditions: ${network.met ? 'the address is covered with capacity' : REFUSAL_CONDITION_LABELS[network.condition].en} (G-5.3.1)`,
    };
  if (c === 'documents_missing' && !refusal.missingDocuments?.length)
    return { zh: '资料不全的须列明缺少的资料', en: 'List the documents missing' };
  return null;
}

/** G-7.1.1: a bottled-gas account at an address a pipeline network covers is refused, naming the network. */
export function bottledGasProblem(
  coveringEnterprises: readonly { name: string }[],
  community: string,
): Messages | null {
  if (coveringEnterprises.length === 0) return null;
  const names = coveringEnterprises.map((e) => e.name).join('、');
  return {
    zh: `「${community}」在${names}的管道燃气覆盖范围内，不得为其开设瓶装燃气用户（G-7.1.1）`,
    en: `"${community}" is covered by the pipeline network of ${names}; no bottled-gas account may be opened there (G-7.1.1)`,
  };
}
