// Warnings published to customers of an area (G-5.12.6): weather disasters, winter peak, major holidays, conferences
// and events. The level can be raised or lowered; important warnings are reported to the gas authority.

/** Warning levels as in Chinese early-warning practice: 4 blue, 3 yellow, 2 orange, 1 red. */
export type WarningLevel = 1 | 2 | 3 | 4;
export const WARNING_LEVEL_NAMES: Record<WarningLevel, { zh: string; en: string }> = {
  1: { zh: '红色', en: 'red' },
  2: { zh: '橙色', en: 'orange' },
  3: { zh: '黄色', en: 'yellow' },
  4: { zh: '蓝色', en: 'blue' },
};

/** Channels a warning goes out on; sms and wechat reach each household through the outbox, the rest are public. */
export const WARNING_CHANNELS = ['sms', 'wechat', 'web', 'broadcast', 'screen'] as const;
export type WarningChannel = (typeof WARNING_CHANNELS)[number];
export const HOUSEHOLD_CHANNELS: readonly WarningChannel[] = ['sms', 'wechat'];

/**
 * G-5.12.6: a red or orange warning is important and reported to the authority; so is one the enterprise marks so.
 */
export function isImportantWarning(level: WarningLevel, markedImportant: boolean): boolean {
  return markedImportant || level <= 2;
}

/** A level change must change the level: raised (a smaller number) or lowered. */
export function levelChange(from: WarningLevel, to: WarningLevel): 'raised' | 'lowered' | null {
  if (to === from) return null;
  return to < from ? 'raised' : 'lowered';
}
