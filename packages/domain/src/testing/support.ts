// Helpers for this package's tests (not exported from the package): Shanghai wall-clock parsing and the
// 2025–2026 fixture calendar.

import { buildCalendar } from '../calendar/build.ts';
import { CN_CALENDAR_2025_2026 } from '../calendar/fixtures.ts';
import type { CalendarOptions, CalendarOverride, WorkCalendar } from '../calendar/types.ts';
import { formatDue, parseShanghaiDateTime } from '../time/shanghai.ts';

/** '2025-09-30 10:00' (Asia/Shanghai) → instant. */
export const at = (text: string): Date => parseShanghaiDateTime(text);

/** An instant written the way deadlines read ('2025-10-14 24:00'). */
export const shown = (instant: Date | undefined): string => (instant ? formatDue(instant) : 'undefined');

export const cal: WorkCalendar = buildCalendar(CN_CALENDAR_2025_2026);

export function calWith(overrides: CalendarOverride[], options: CalendarOptions = {}): WorkCalendar {
  return buildCalendar(CN_CALENDAR_2025_2026, overrides, options);
}

/** Runs `fn` and returns the DomainError code it throws (or 'NO_ERROR'). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code ?? 'NOT_A_DOMAIN_ERROR';
  }
  return 'NO_ERROR';
}

/** Runs `fn` and returns what it throws. */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
