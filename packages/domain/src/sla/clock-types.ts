// Clocks: one request can run several at once (first response, on-site arrival, resolution), each with its own
// limit, each derived from the request's event history — never from a stored counter (time-rules.md).

import type { Messages } from '../errors.ts';
import type { Deadline } from './deadline.ts';
import type { Limit } from './limit.ts';

/** The conventional event type that carries `agreedAt` (G-9.2.5, G-5.9.2, G-6.2.10: "or at the agreed time"). */
export const APPOINTMENT_AGREED = 'appointment_agreed';
/** The conventional event type that carries `extendedTo` and `reason` (G-5.7.4, H-7.3.6, H-7.4.4). */
export const DEADLINE_EXTENDED = 'deadline_extended';

export interface ClockDefinition {
  /** Unique per record, e.g. 'first_response', 'resolution'. */
  name: string;
  /** The clause that sets the limit, e.g. 'G-5.7.2'. */
  clause: string;
  /** The statutory limit: a Limit or its text ('5wd', '0.5h', '10d'). */
  limit: Limit | string;
  /** Event type(s) that start the clock; the first one wins, later ones are ignored. */
  startOn: string | readonly string[];
  stopOn: readonly string[];
  /** Event types that pause the clock (only states the rule allows, e.g. waiting for the customer's time). */
  pauseOn?: readonly string[];
  resumeOn?: readonly string[];
  /**
   * Event types whose `agreedAt` replaces the statutory limit: the agreed time becomes the due. Opt-in per
   * clock, because agreeing a visit time answers a first-response clock but sets the on-site clock's due.
   * Usually [APPOINTMENT_AGREED].
   */
  agreedOn?: readonly string[];
  /** Event types carrying `extendedTo` + `reason`: a new date given before the due (G-5.7.4). */
  extendOn?: readonly string[];
}

export interface ClockEvent {
  type: string;
  at: Date;
  /** On an agreement event: the time agreed with the customer. */
  agreedAt?: Date;
  /** On an extension event: the new due. */
  extendedTo?: Date;
  /** On an extension event: why the matter cannot be solved in time (told to the customer). */
  reason?: string;
}

export type ClockState = 'not_started' | 'running' | 'paused' | 'met' | 'breached';

/** Where the current due comes from. */
export type DueSource = 'limit' | 'agreed' | 'extended';

export interface PauseInterval {
  from: Date;
  /** Undefined while the clock is still paused. */
  to?: Date;
}

export interface ClockResult {
  name: string;
  clause: string;
  state: ClockState;
  /** The `now` the clock was evaluated at. */
  evaluatedAt: Date;
  startedAt?: Date;
  /** The due as of `evaluatedAt` (pauses included; frozen once breached). Undefined before the start. */
  due?: Date;
  dueSource?: DueSource;
  /** The statutory deadline computed at the start, before pauses, agreements and extensions. */
  statutory?: Deadline;
  stoppedAt?: Date;
  /** The due that was passed; set once, never cleared (a late finish does not turn a clock green). */
  breachedAt?: Date;
  pauses: PauseInterval[];
  pausedMinutes: number;
  /** Running (unpaused) minutes from the start to the stop, or to `now` if not stopped. */
  minutesUsed: number;
  /** Minutes from the stop (or `now`) to the due; negative when late. Undefined before the start. */
  marginMinutes?: number;
  /** The due may move when a year's holiday notice is imported (see Deadline.provisional). */
  provisional?: boolean;
  explanation: Messages;
}
