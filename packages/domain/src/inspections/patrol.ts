// G-5.11.10: patrols of the network — what a patroller looks at (as data, with the grade a fault usually earns) and
// what a patrol record must hold before its findings become hazards.

import type { Messages } from '../errors.ts';
import type { ChecklistItem } from './checklist.ts';

export const PATROL_ITEMS: readonly ChecklistItem[] = [
  {
    code: 'network_leak',
    label: { zh: '管道、阀门泄漏', en: 'Leak on a main or valve' },
    defaultGrade: 'major',
  },
  {
    code: 'third_party_works',
    label: { zh: '第三方施工危及管道', en: 'Third-party works near the pipeline' },
    defaultGrade: 'serious',
  },
  {
    code: 'pipeline_occupied',
    label: { zh: '违章占压管道', en: 'Building or storage on top of the pipeline' },
    defaultGrade: 'serious',
  },
  {
    code: 'exposed_corroded',
    label: { zh: '管道裸露、腐蚀', en: 'Pipe exposed or corroded' },
    defaultGrade: 'general',
  },
  {
    code: 'valve_pit',
    label: { zh: '阀门井积水、井盖缺损', en: 'Valve pit flooded or its cover damaged' },
    defaultGrade: 'general',
  },
  {
    code: 'regulator_box',
    label: { zh: '调压箱（柜）异常', en: 'Pressure-regulating box faulty' },
    defaultGrade: 'serious',
  },
  {
    code: 'marker_missing',
    label: { zh: '标志桩、警示牌缺失', en: 'Route marker or warning sign missing' },
    defaultGrade: 'general',
  },
];

export const PATROL_ITEM_CODES = PATROL_ITEMS.map((i) => i.code);

/** A patrol lasts at most a day: a longer span is a typing mistake, not a patrol. */
const MAX_PATROL_MS = 24 * 3600_000;

/** Why a patrol record cannot be kept as given, or null: it ends after it starts, within a day, not in the future. */
export function patrolProblem(p: { startedAt: Date; endedAt: Date }, now: Date): Messages | null {
  if (p.endedAt.getTime() <= p.startedAt.getTime())
    return { zh: '巡检结束时间须晚于开始时间', en: 'The patrol must end after it starts' };
  if (p.endedAt.getTime() - p.startedAt.getTime() > MAX_PATROL_MS)
    return { zh: '一次巡检不超过 24 小时', en: 'A patrol lasts at most 24 hours' };
  if (p.endedAt.getTime() > now.getTime() + 5 * 60_000)
    return { zh: '巡检结束时间不能晚于现在', en: 'The patrol cannot end in the future' };
  return null;
}
