// Time limits as the standards write them, in three units that each count differently
// (shared/spec/time-rules.md): working days (工作日), clock hours (小时) and calendar days (日).

import { limitInvalid } from '../errors.ts';
import type { Messages } from '../errors.ts';
import { HOUR_MS } from '../time/shanghai.ts';

export type LimitUnit = 'working_days' | 'hours' | 'calendar_days';

export interface Limit {
  unit: LimitUnit;
  /** Whole days for day units; hours may be fractional (0.5 h in H-7.3.9, H-7.4.3). */
  amount: number;
}

const SUFFIX_UNIT: Record<string, LimitUnit> = { wd: 'working_days', h: 'hours', d: 'calendar_days' };
const UNIT_SUFFIX: Record<LimitUnit, string> = { working_days: 'wd', hours: 'h', calendar_days: 'd' };
const LIMIT_PATTERN = /^(\d+(?:\.\d+)?)(wd|h|d)$/;

/** '5wd' → 5 working days, '0.5h' → half an hour, '10d' → 10 calendar days. Throws LIMIT_INVALID. */
export function parseLimit(text: string): Limit {
  if (typeof text !== 'string') {
    throw limitInvalid(String(text), { zh: '不是文本', en: 'not a text' });
  }
  const match = LIMIT_PATTERN.exec(text.trim().toLowerCase());
  if (!match || !Object.hasOwn(SUFFIX_UNIT, match[2] as string)) {
    throw limitInvalid(text, {
      zh: '格式应为数字加单位 wd、h 或 d',
      en: 'expected a number followed by wd, h or d',
    });
  }
  return checkLimit({ unit: SUFFIX_UNIT[match[2] as string] as LimitUnit, amount: Number(match[1]) }, text);
}

/** Accepts a Limit or its text; validates either. */
export function toLimit(limit: Limit | string): Limit {
  return typeof limit === 'string' ? parseLimit(limit) : checkLimit(limit, formatLimitUnchecked(limit));
}

function checkLimit(limit: Limit, text: string): Limit {
  if (!Object.hasOwn(UNIT_SUFFIX, limit.unit)) {
    throw limitInvalid(text, {
      zh: '单位应为 working_days、hours 或 calendar_days',
      en: 'unit must be working_days, hours or calendar_days',
    });
  }
  if (!Number.isFinite(limit.amount) || limit.amount <= 0) {
    throw limitInvalid(text, { zh: '时限必须大于零', en: 'the amount must be greater than zero' });
  }
  if (limit.unit !== 'hours' && !Number.isInteger(limit.amount)) {
    // The rules count whole days (民法典 art. 201); a half working day has no meaning there.
    throw limitInvalid(text, {
      zh: '按日计算的时限必须是整数',
      en: 'a limit in days must be a whole number',
    });
  }
  if (limit.unit === 'hours' && !isWholeMinutes(limit.amount)) {
    throw limitInvalid(text, {
      zh: '小时时限须精确到分钟',
      en: 'an hour limit must be a whole number of minutes',
    });
  }
  return { unit: limit.unit, amount: limit.amount };
}

function isWholeMinutes(hours: number): boolean {
  const minutes = hours * 60;
  return Math.abs(minutes - Math.round(minutes)) < 1e-9;
}

function formatLimitUnchecked(limit: Limit): string {
  const suffix = Object.hasOwn(UNIT_SUFFIX, limit.unit) ? UNIT_SUFFIX[limit.unit] : `?${String(limit.unit)}`;
  return `${String(limit.amount)}${suffix}`;
}

/** The text form, '5wd' / '0.5h' / '10d'. */
export function formatLimit(limit: Limit): string {
  return formatLimitUnchecked(toLimit(limit));
}

/** '5个工作日' / '5 working days', for explanations. */
export function describeLimit(limit: Limit): Messages {
  const { unit, amount } = limit;
  const plural = amount === 1 ? '' : 's';
  switch (unit) {
    case 'working_days':
      return { zh: `${amount}个工作日`, en: `${amount} working day${plural}` };
    case 'calendar_days':
      return { zh: `${amount}日`, en: `${amount} calendar day${plural}` };
    case 'hours':
      return { zh: `${amount}小时`, en: `${amount} hour${plural}` };
  }
}

/** Milliseconds of a clock-hour limit. */
export function hoursToMs(amount: number): number {
  return Math.round(amount * HOUR_MS);
}
