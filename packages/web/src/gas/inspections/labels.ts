import type { MessageKey, Translate } from '../../i18n/index.tsx';

/** Translated labels of the inspection codes the server answers with. */
export const label = (t: Translate, prefix: string, code: string) => t(`${prefix}.${code}` as MessageKey);

export const GRADE_COLOURS: Record<string, string> = { general: 'gold', serious: 'orange', major: 'red' };
export const CHECK_CODES = [
  'joint_leak',
  'hose',
  'flue',
  'ventilation',
  'alarm_valve',
  'meter_seal',
  'unauthorised_change',
  'bedroom_use',
] as const;
/** The grade a failed item is proposed at (the domain's checklist data); the inspector may change it. */
export const DEFAULT_GRADE: Record<(typeof CHECK_CODES)[number], 'general' | 'serious' | 'major'> = {
  joint_leak: 'major',
  hose: 'general',
  flue: 'serious',
  ventilation: 'general',
  alarm_valve: 'serious',
  meter_seal: 'general',
  unauthorised_change: 'serious',
  bedroom_use: 'major',
};
