// G-5.11.10: patrols of the network — what a patroller looks at (as data, with the grade a fault usually earns) and
// what a patrol record must hold before its findings become hazards.

import type { Messages } from '../errors.ts';
import type { ChecklistItem } from './checklist.ts';

// One row an item: code, label in Chinese and English, the grade a fault usually earns.
const ROWS: readonly [string, string, string, ChecklistItem['defaultGrade']][] = [
  ['network_leak', '管道、阀门泄漏', 'Leak on a main or valve', 'major'],
  ['third_party_works', '第三方施工危及管道', 'Third-party works near the pipeline', 'serious'],
  ['pipeline_occupied', '违章占压管道', 'Building or storage on top of the pipeline', 'serious'],
  ['exposed_corroded', '管道裸露、腐蚀', 'Pipe exposed or corroded', 'general'],
  ['valve_pit', '阀门井积水、井盖缺损', 'Valve pit flooded or its cover damaged', 'general'],
  ['regulator_box', '调压箱（柜）异常', 'Pressure-regulating box faulty', 'serious'],
  ['marker_missing', '标志桩、警示牌缺失', 'Route marker or warning sign missing', 'general'],
];

export const PATROL_ITEMS: readonly ChecklistItem[] = ROWS.map(([code, zh, en, defaultGrade]) => ({
  code,
  label: { zh, en },
  defaultGrade,
}));

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
