// Low-temperature fee reduction (H-5.5, H-7.2.3) and remote sensor readings (H-5.4.1). Temperatures in tenths of a
// degree Celsius, money in integer fen.

import { domainError, type Messages } from '../errors.ts';
import { daysBetween, type DateString } from '../time/shanghai.ts';

/**
 * H-5.5.1 leaves the amount to the local government's rule; a rule here is "fen per day per whole degree below the
 * standard". A fraction of a degree counts pro rata (tenths), and the product is rounded once, half up to the fen:
 * reduction = days × tenthsBelow × fenPerDayPerDegree ÷ 10.
 */
export function lowTemperatureReduction(input: {
  daysBelow: number;
  tenthsBelow: number;
  fenPerDayPerDegree: number;
}): number {
  const { daysBelow, tenthsBelow, fenPerDayPerDegree } = input;
  for (const [field, value] of Object.entries(input)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw domainError(
        'LOW_TEMPERATURE_INPUT_INVALID',
        `${field} 应为非负整数，收到「${String(value)}」。`,
        `${field} must be a non-negative integer, got "${String(value)}".`,
        { field },
      );
    }
  }
  const product = BigInt(daysBelow) * BigInt(tenthsBelow) * BigInt(fenPerDayPerDegree);
  return Number((product * 2n + 10n) / 20n);
}

/** Days below standard, from the first day below (inclusive) to the day it was restored (exclusive). */
export function daysBelowStandard(belowFrom: DateString, restoredOn: DateString): number {
  const days = daysBetween(belowFrom, restoredOn);
  if (days < 0) {
    throw domainError(
      'LOW_TEMPERATURE_DATES_INVALID',
      `恢复日期 ${restoredOn} 早于低温开始日期 ${belowFrom}。`,
      `The restored date ${restoredOn} is before the first day below standard ${belowFrom}.`,
    );
  }
  return days;
}

/** Physical range a room sensor may report; outside it the reading is a device fault, never a room temperature. */
export const SENSOR_MIN_TENTHS = -300;
export const SENSOR_MAX_TENTHS = 450;

export interface SensorReadingProblem extends Messages {
  code:
    | 'SENSOR_UNKNOWN'
    | 'READING_IN_FUTURE'
    | 'READING_OUTSIDE_SEASON'
    | 'TEMPERATURE_OUT_OF_RANGE'
    | 'DUPLICATE';
}

/**
 * H-5.4.1: a reading is kept only when it is from a known sensor, not in the future, inside the heating season
 * (`seasonStart`/`seasonEnd` as instants, end exclusive) and within the physical range. Returns the first problem.
 */
export function sensorReadingProblem(input: {
  known: boolean;
  at: Date;
  tenths: number;
  now: Date;
  seasonStart: Date | null;
  seasonEnd: Date | null;
}): SensorReadingProblem | null {
  if (!input.known) return { code: 'SENSOR_UNKNOWN', zh: '传感器未登记', en: 'unknown sensor' };
  if (input.at.getTime() > input.now.getTime())
    return { code: 'READING_IN_FUTURE', zh: '读数时间晚于当前时间', en: 'the reading is in the future' };
  if (
    !input.seasonStart ||
    !input.seasonEnd ||
    input.at.getTime() < input.seasonStart.getTime() ||
    input.at.getTime() >= input.seasonEnd.getTime()
  )
    return {
      code: 'READING_OUTSIDE_SEASON',
      zh: '读数时间不在供热期内',
      en: 'the reading is outside the heating season',
    };
  if (!Number.isInteger(input.tenths) || input.tenths < SENSOR_MIN_TENTHS || input.tenths > SENSOR_MAX_TENTHS)
    return {
      code: 'TEMPERATURE_OUT_OF_RANGE',
      zh: '温度超出物理范围（−30 至 45 °C）',
      en: 'temperature outside the physical range (−30 to 45 °C)',
    };
  return null;
}

/** H-10.5.3: room-temperature pass rate C = a ÷ A (passing ÷ measured households), target ≥ 99 %. */
export const ROOM_TEMPERATURE_PASS_TARGET_PERCENT = 99;
export function passRate(
  passing: number,
  measured: number,
): { percent: number | null; meetsTarget: boolean } {
  if (measured === 0) return { percent: null, meetsTarget: false };
  const percent = Math.round((passing * 10000) / measured) / 100;
  return { percent, meetsTarget: passing * 100 >= measured * ROOM_TEMPERATURE_PASS_TARGET_PERCENT };
}
