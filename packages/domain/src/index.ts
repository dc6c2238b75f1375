// @ranre/domain — pure rules: no I/O, no clock, no database, no framework. `now` and the calendar are arguments.

export * from './errors.ts';

export * from './time/shanghai.ts';

export type {
  CalendarData,
  CalendarOptions,
  CalendarOverride,
  DayInfo,
  DayName,
  DayReason,
  WorkCalendar,
} from './calendar/types.ts';
export { buildCalendar, toMessages } from './calendar/build.ts';
export { HOLIDAY_NAMES, statutoryRestDays } from './calendar/statutory.ts';
export type { LunarAnchors } from './calendar/statutory.ts';
export {
  CN_CALENDAR_2025_2026,
  HOLIDAY_BLOCKS_2025,
  HOLIDAY_BLOCKS_2026,
  MAKEUP_WORKDAYS_2025,
  MAKEUP_WORKDAYS_2026,
  expandHolidayBlocks,
} from './calendar/fixtures.ts';
export type { HolidayBlock } from './calendar/fixtures.ts';

export { describeLimit, formatLimit, hoursToMs, parseLimit, toLimit } from './sla/limit.ts';
export type { Limit, LimitUnit } from './sla/limit.ts';
export { computeDeadline } from './sla/deadline.ts';
export type { Deadline } from './sla/deadline.ts';
export { leadTimeLatest } from './sla/lead-time.ts';
export type { LeadTime } from './sla/lead-time.ts';
export { extendDeadline, extensionProblem } from './sla/extension.ts';
export type { Extension, ExtensionRequest } from './sla/extension.ts';
export { APPOINTMENT_AGREED, DEADLINE_EXTENDED } from './sla/clock-types.ts';
export type {
  ClockDefinition,
  ClockEvent,
  ClockResult,
  ClockState,
  DueSource,
  PauseInterval,
} from './sla/clock-types.ts';
export { evaluateClock, evaluateClocks, mostUrgent } from './sla/clock.ts';
export { formatMinutes } from './sla/clock-explain.ts';
export { advanceWorkingTime, workingMsBetween } from './sla/pause.ts';
export { STATUTORY_LIMITS } from './sla/statutory-limits.ts';
export type { StatutoryLimit, StatutoryLimitKind, StatutoryLimitName } from './sla/statutory-limits.ts';

// people/: phone, password and credit-code rules (one entry point for the whole package).
export * from './people/index.ts';

// customers/: resident ID numbers, customer kinds, account numbers, search text and addresses.
export * from './customers/index.ts';
// workorders/: service catalogue, work-order states and events, clocks, complaints, reception script.
export * from './workorders/index.ts';
export * from './billing/index.ts';
// heating/: room temperature, sampling plans, meter disputes, complaint outcomes and refund deadlines.
export * from './heating/index.ts';
// notices/: filling, commissioning and interruption notices (H-6.1.4, H-6.2.6, H-6.4.5, G-6.2.12).
export * from './notices/index.ts';

// evaluation/: the indicators of G-12.4 and H-10.5 as data, figures and verdicts, periods.
export * from './evaluation/index.ts';
// residents/: self-service rules — binding check and code, reopen period, leak advice (G-5.8.1, G-6.2.13).
export * from './residents/index.ts';

// inspections/: gas safety inspection plans, visits, hazards and the supply gate (G-5.11).
export * from './inspections/index.ts';
// calls/: hotline call records and "answered in time" (G-12.4.1.1, H-3.13).
export * from './calls/index.ts';

// appliances/: consent before priced work, the quality certificate, warranties (G-9.2.6–G-9.2.8).
export * from './appliances/index.ts';

// emergency/: duty rosters and gaps, plans, drills and publicity, incident levels (G-4.2.2, G-5.12, H-6.4).
export * from './emergency/index.ts';

// cylinders/: bottled-gas cylinders — the fill scan check, fill judgement, inspection and scrap dates (G-7.1).
export * from './cylinders/index.ts';

// vehicle-gas/: vehicle cylinders' filling check, dispenser verification, the leak procedure (G-8.1).
export * from './vehicle-gas/index.ts';

// G-5.1.8 gas-quality units, shared by the staff page and the public page.
export { megajoules, percent, pressure } from './gas-quality/units.ts';
