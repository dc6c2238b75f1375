// G-5.11.4: the items an inspector checks in a household, as data (code, label, the grade a failure usually earns).

import type { Messages } from '../errors.ts';
import type { HazardGrade } from './hazards.ts';

export interface ChecklistItem {
  code: string;
  label: Messages;
  /** The grade a failed item is proposed at; the inspector may change it. */
  defaultGrade: HazardGrade;
}

export const INSPECTION_CHECKLIST: readonly ChecklistItem[] = [
  {
    code: 'joint_leak',
    label: { zh: '接头、阀门漏气', en: 'Leaks at joints and valves' },
    defaultGrade: 'major',
  },
  { code: 'hose', label: { zh: '连接软管类型及使用年限', en: 'Hose type and age' }, defaultGrade: 'general' },
  { code: 'flue', label: { zh: '热水器、壁挂炉烟道', en: 'Appliance flue' }, defaultGrade: 'serious' },
  { code: 'ventilation', label: { zh: '用气场所通风', en: 'Ventilation' }, defaultGrade: 'general' },
  {
    code: 'alarm_valve',
    label: {
      zh: '燃气报警器及紧急切断阀（按规定应装的）',
      en: 'Gas alarm and shut-off valve where required',
    },
    defaultGrade: 'serious',
  },
  { code: 'meter_seal', label: { zh: '燃气表及铅封', en: 'Meter and its seal' }, defaultGrade: 'general' },
  {
    code: 'unauthorised_change',
    label: { zh: '私自改装、拆装燃气设施', en: 'Unauthorised changes to gas facilities' },
    defaultGrade: 'serious',
  },
  { code: 'bedroom_use', label: { zh: '卧室内用气', en: 'Gas used in a bedroom' }, defaultGrade: 'major' },
];

export const CHECKLIST_CODES = INSPECTION_CHECKLIST.map((i) => i.code);
