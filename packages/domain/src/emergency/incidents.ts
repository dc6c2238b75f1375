// Incidents affecting supply (G-5.12.7, G-5.12.8, G-5.12.9, H-6.4.5.3): a graded response whose level is raised for
// key areas, major holidays, major events and sensitive cases, and the facts that must be reported at once.

import type { WorkCalendar } from '../calendar/types.ts';
import { toShanghaiDate } from '../time/shanghai.ts';

/** Response levels, 4 the lowest and 1 the highest (as in Chinese emergency grading: Ⅳ … Ⅰ). */
export type IncidentLevel = 1 | 2 | 3 | 4;

export type RaiseReason = 'key_area' | 'holiday' | 'major_event' | 'sensitive';

export interface LevelInput {
  /** The level the facts alone call for. */
  base: IncidentLevel;
  occurredAt: Date;
  keyArea: boolean;
  majorEvent: boolean;
  sensitive: boolean;
  calendar: WorkCalendar;
}

/**
 * G-5.12.8: the response is raised one level when the incident is in a key area, on a public holiday (the calendar
 * says), during a major event or conference, or is foreign-related or sensitive — once, whatever the number of
 * reasons, never above level 1. The reasons are returned so the record says why.
 */
export function raisedLevel(input: LevelInput): { level: IncidentLevel; reasons: RaiseReason[] } {
  const reasons: RaiseReason[] = [];
  if (input.keyArea) reasons.push('key_area');
  const day = toShanghaiDate(input.occurredAt);
  if (
    input.calendar.isKnownYear(Number(day.slice(0, 4))) &&
    input.calendar.dayInfo(day).reason === 'holiday'
  ) {
    reasons.push('holiday');
  }
  if (input.majorEvent) reasons.push('major_event');
  if (input.sensitive) reasons.push('sensitive');
  const level = reasons.length > 0 ? (Math.max(1, input.base - 1) as IncidentLevel) : input.base;
  return { level, reasons };
}

/** Customers affected from which an outage is "large" and is reported to the gas authority at once (G-5.12.7). */
export const LARGE_OUTAGE_CUSTOMERS = 1000;

export function isLargeOutage(customersAffected: number): boolean {
  return customersAffected >= LARGE_OUTAGE_CUSTOMERS;
}

/** G-5.12.9: what must be on the record after an incident before it is closed, each with its date. */
export const AFTERMATH_STEPS = ['investigation', 'cause', 'measures', 'plan_revision'] as const;
export type AftermathStep = (typeof AFTERMATH_STEPS)[number];

/**
 * H-6.4.5.3: a failure that needs repair at once may be repaired first; the filing with the authorities concerned
 * and the word to the news media come afterwards, and are owed once such a repair is on the record.
 */
export const FILED_AFTER_REPAIR_STEPS = ['filed_afterwards', 'media_informed'] as const;
export type FiledAfterRepairStep = (typeof FILED_AFTER_REPAIR_STEPS)[number];

/**
 * What an incident's events (by their types) still lack before it may be closed; empty when it may: the aftermath
 * of G-5.12.9 always, and after an urgent repair done first (H-6.4.5.3) its filing and the media told.
 */
export function missingAftermath(eventTypes: readonly string[]): (AftermathStep | FiledAfterRepairStep)[] {
  const owed = eventTypes.includes('urgent_repair_started')
    ? [...AFTERMATH_STEPS, ...FILED_AFTER_REPAIR_STEPS]
    : [...AFTERMATH_STEPS];
  return owed.filter((s) => !eventTypes.includes(s));
}
