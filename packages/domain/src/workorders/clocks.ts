// The clocks of a work order: the catalogue item's clock definitions run by the sla engine over the order's
// own events. Nothing is stored but the events; a clock is recomputed whenever it is needed.

import { domainError } from '../errors.ts';
import type { WorkCalendar } from '../calendar/types.ts';
import { evaluateClocks } from '../sla/clock.ts';
import type { ClockEvent, ClockResult } from '../sla/clock-types.ts';
import { formatLimit, toLimit, type Limit } from '../sla/limit.ts';
import { assertInstant } from '../time/shanghai.ts';
import { catalogueItem } from './catalogue.ts';
import { AGREED_TIME_REACHED, type CatalogueClock } from './catalogue-types.ts';
import { WorkOrderErrorCodes } from './errors.ts';
import type { WorkOrderEvent } from './events.ts';

/** An enterprise's published commitments, by clock name: { completion: '2wd' }. */
export type ClockCommitments = Readonly<Record<string, Limit | string>>;

/**
 * The item's clocks, with the enterprise's own commitments applied. Only 'commitment' clocks can be set: a limit
 * the standard or a regulation fixes is the same for every enterprise (CLOCK_NOT_CONFIGURABLE otherwise).
 */
export function clocksFor(itemCode: string, commitments: ClockCommitments = {}): CatalogueClock[] {
  const item = catalogueItem(itemCode);
  for (const name of Object.keys(commitments)) {
    const clock = item.clocks.find((c) => c.name === name);
    if (!clock || clock.basis !== 'commitment') {
      throw domainError(
        WorkOrderErrorCodes.CLOCK_NOT_CONFIGURABLE,
        clock
          ? `「${item.name.zh}」的时钟 ${name} 的时限由 ${clock.clause} 规定，企业不能更改。`
          : `「${item.name.zh}」没有名为 ${name} 的时钟。`,
        clock
          ? `The ${name} clock of "${item.name.en}" is fixed by ${clock.clause}; an enterprise cannot change it.`
          : `"${item.name.en}" has no clock named ${name}.`,
        { itemCode, clock: name },
      );
    }
  }
  return item.clocks.map((clock) => {
    const own = commitments[clock.name];
    return own === undefined ? { ...clock } : { ...clock, limit: formatLimit(toLimit(own)) };
  });
}

/**
 * The events as the sla engine reads them, plus the derived `agreed_time_reached` at the first agreed time
 * that actually arrived (G-6.2.10 counts from the agreed time). An agreement replaced before its time came
 * never arrives; once one has arrived, later agreements do not move the start.
 */
export function toClockEvents(events: readonly WorkOrderEvent[]): ClockEvent[] {
  const clockEvents: ClockEvent[] = events.map((e) => {
    assertInstant(e.at);
    const out: ClockEvent = { type: e.type, at: e.at };
    if (e.type === 'appointment_agreed') out.agreedAt = e.agreedAt;
    if (e.type === 'deadline_extended') Object.assign(out, { extendedTo: e.extendedTo, reason: e.reason });
    return out;
  });
  const agreements = events
    .filter(
      (e): e is Extract<WorkOrderEvent, { type: 'appointment_agreed' }> => e.type === 'appointment_agreed',
    )
    .filter((e) => e.agreedAt instanceof Date && !Number.isNaN(e.agreedAt.getTime()))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  let pending: Date | undefined;
  for (const agreement of agreements) {
    if (pending && pending.getTime() <= agreement.at.getTime()) break;
    pending = agreement.agreedAt;
  }
  if (pending) clockEvents.push({ type: AGREED_TIME_REACHED, at: pending });
  return clockEvents;
}

/** Every clock of the order as of `now`. */
export function evaluateOrderClocks(
  itemCode: string,
  events: readonly WorkOrderEvent[],
  now: Date,
  calendar: WorkCalendar,
  commitments: ClockCommitments = {},
): ClockResult[] {
  return evaluateClocks(clocksFor(itemCode, commitments), toClockEvents(events), now, calendar);
}

/**
 * The due in force at `at` of the clock an extension moves (G-5.7.4, H-7.3.6, H-7.4.4) — what a
 * `deadline_extended` event records as `previousDue`. Undefined when the item has no extendable clock or it
 * is not running.
 */
export function extendableDue(
  itemCode: string,
  events: readonly WorkOrderEvent[],
  at: Date,
  calendar: WorkCalendar,
  commitments: ClockCommitments = {},
): Date | undefined {
  const clocks = clocksFor(itemCode, commitments).filter((c) => (c.extendOn ?? []).length > 0);
  const results = evaluateClocks(clocks, toClockEvents(events), at, calendar);
  const open = results.find((r) => r.state === 'running' || r.state === 'paused' || r.state === 'breached');
  return open && !open.stoppedAt ? open.due : undefined;
}

export type ClockOutcomeKind = 'met' | 'breached' | 'running' | 'not_started';

export interface ClockOutcome {
  name: string;
  clause: string;
  /** A paused clock is still 'running' for the KPIs: it has not been met. */
  outcome: ClockOutcomeKind;
  minutesUsed: number;
  /** Minutes left (negative when late); null before the clock starts. */
  marginMinutes: number | null;
}

/** What the KPIs count (G-12.4, H-10.5): breached stays breached, even when the work was done later. */
export function clockOutcome(result: ClockResult): ClockOutcome {
  const outcome: ClockOutcomeKind =
    result.state === 'paused' ? 'running' : result.state === 'not_started' ? 'not_started' : result.state;
  return {
    name: result.name,
    clause: result.clause,
    outcome,
    minutesUsed: result.minutesUsed,
    marginMinutes: result.marginMinutes ?? null,
  };
}
