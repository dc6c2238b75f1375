// Evaluates a clock by replaying a record's events in time order, as of `now`.
// Rules: the first start event starts it; pauses are intervals between pause and resume events; an agreed time
// replaces the statutory due; an extension made in time moves it; a running clock that passes its due is
// breached at that due and stays breached whatever happens later (Odoo: a failed SLA stays failed).
// Events later than `now` are ignored, so evaluating at a past `now` shows the clock as it was then.

import { DomainErrorCodes, domainError } from '../errors.ts';
import type { Messages } from '../errors.ts';
import type { WorkCalendar } from '../calendar/types.ts';
import { MINUTE_MS, assertInstant, formatDue, toShanghaiDate, yearOf } from '../time/shanghai.ts';
import type { ClockDefinition, ClockEvent, ClockResult, DueSource, PauseInterval } from './clock-types.ts';
import { explainClock } from './clock-explain.ts';
import { computeDeadline } from './deadline.ts';
import type { Deadline } from './deadline.ts';
import { extensionProblem } from './extension.ts';
import { toLimit } from './limit.ts';
import { countFromFor, dueAfterPauses } from './pause.ts';
import type { Anchor, Interval } from './pause.ts';

/** Replay state; `notes` collects what people should be told (agreements, ignored events). */
interface Replay {
  def: ClockDefinition;
  calendar: WorkCalendar;
  statutory?: Deadline;
  anchor?: Anchor;
  dueSource?: DueSource;
  pauses: PauseInterval[];
  stoppedAt?: Date;
  breachedAt?: Date;
  notes: Messages[];
}

export function evaluateClock(
  def: ClockDefinition,
  events: readonly ClockEvent[],
  now: Date,
  calendar: WorkCalendar,
): ClockResult {
  assertInstant(now);
  checkDefinition(def);
  const replay: Replay = { def, calendar, pauses: [], notes: [] };
  for (const event of inTimeOrder(events)) {
    if (event.at.getTime() > now.getTime() || replay.stoppedAt) break;
    apply(replay, event);
  }
  if (replay.anchor && !replay.stoppedAt) markBreachBefore(replay, now);
  return summarise(replay, now);
}

/** Several named clocks over one record's events (first response, on-site arrival, resolution…). */
export function evaluateClocks(
  defs: readonly ClockDefinition[],
  events: readonly ClockEvent[],
  now: Date,
  calendar: WorkCalendar,
): ClockResult[] {
  const names = new Set<string>();
  for (const def of defs) {
    if (names.has(def.name))
      throw definitionInvalid(def, { zh: '时钟名称重复', en: 'clock names must be unique per record' });
    names.add(def.name);
  }
  return defs.map((def) => evaluateClock(def, events, now, calendar));
}

/** The clock that needs attention first: breached and still open, else the running one with least margin. */
export function mostUrgent(results: readonly ClockResult[]): ClockResult | undefined {
  const open = results.filter(
    (r) => r.state === 'running' || r.state === 'paused' || (r.state === 'breached' && !r.stoppedAt),
  );
  return [...open].sort((a, b) => (a.marginMinutes ?? 0) - (b.marginMinutes ?? 0))[0];
}

function inTimeOrder(events: readonly ClockEvent[]): ClockEvent[] {
  for (const event of events) assertInstant(event.at);
  // Array.prototype.sort is stable: events at the same instant keep the caller's order.
  return [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
}

function apply(replay: Replay, event: ClockEvent): void {
  const { def } = replay;
  if (!replay.anchor) {
    if (!startTypes(def).includes(event.type)) return;
    start(replay, event.at);
  } else {
    markBreachBefore(replay, event.at);
  }
  if (def.stopOn.includes(event.type)) {
    closeOpenPause(replay, event.at);
    replay.stoppedAt = event.at;
    return;
  }
  if (def.agreedOn?.includes(event.type)) applyAgreement(replay, event);
  if (def.extendOn?.includes(event.type)) applyExtension(replay, event);
  if (def.pauseOn?.includes(event.type) && !openPause(replay)) replay.pauses.push({ from: event.at });
  if (def.resumeOn?.includes(event.type)) closeOpenPause(replay, event.at);
}

function start(replay: Replay, at: Date): void {
  const statutory = computeDeadline(at, replay.def.limit, replay.calendar);
  replay.statutory = statutory;
  replay.anchor = { kind: 'limit', deadline: statutory, countFrom: countFromFor(statutory) };
  replay.dueSource = 'limit';
}

function openPause(replay: Replay): PauseInterval | undefined {
  const last = replay.pauses[replay.pauses.length - 1];
  return last && !last.to ? last : undefined;
}

function closeOpenPause(replay: Replay, at: Date): void {
  const open = openPause(replay);
  if (open) open.to = at;
}

/** The due as of `at`: an open pause counts up to `at`. Frozen at the breach once breached. */
function dueAt(replay: Replay, at: Date): Date {
  if (replay.breachedAt) return replay.breachedAt;
  const anchor = replay.anchor as Anchor;
  const intervals: Interval[] = replay.pauses.map((p) => ({ from: p.from, to: p.to ?? at }));
  return dueAfterPauses(anchor, intervals, replay.calendar);
}

/** A running clock whose due passed before `at` was breached at that due. A paused clock never breaches. */
function markBreachBefore(replay: Replay, at: Date): void {
  if (replay.breachedAt || openPause(replay)) return;
  const due = dueAt(replay, at);
  if (at.getTime() > due.getTime()) replay.breachedAt = due;
}

function applyAgreement(replay: Replay, event: ClockEvent): void {
  const agreedAt = event.agreedAt;
  if (!(agreedAt instanceof Date) || Number.isNaN(agreedAt.getTime())) return;
  const shown = formatDue(agreedAt);
  if (replay.breachedAt) {
    replay.notes.push({
      zh: `${formatDue(event.at)} 约定的时间 ${shown} 晚于已逾期的时限，不改变逾期结论。`,
      en: `The time agreed at ${formatDue(event.at)} (${shown}) came after the breach and does not undo it.`,
    });
    return;
  }
  if (agreedAt.getTime() < event.at.getTime()) {
    replay.notes.push({
      zh: `约定时间 ${shown} 早于约定行为本身（${formatDue(event.at)}），已忽略。`,
      en: `The agreed time ${shown} is earlier than the agreement itself (${formatDue(event.at)}) and was ignored.`,
    });
    return;
  }
  replay.anchor = { kind: 'agreed', due: agreedAt, countFrom: event.at };
  replay.dueSource = 'agreed';
  replay.notes.push({
    zh: `${formatDue(event.at)} 与用户约定时间 ${shown}，约定时间取代法定时限成为截止时间。`,
    en: `At ${formatDue(event.at)} the customer agreed ${shown}; the agreed time replaces the statutory limit as the due.`,
  });
}

function applyExtension(replay: Replay, event: ClockEvent): void {
  if (!(event.extendedTo instanceof Date)) return;
  const currentDue = dueAt(replay, event.at);
  const request = { currentDue, newDue: event.extendedTo, reason: event.reason ?? '', at: event.at };
  const problem = extensionProblem(request);
  if (problem) {
    replay.notes.push({
      zh: `延期未生效：${problem.messages.zh}`,
      en: `Extension not applied: ${problem.messages.en}`,
    });
    return;
  }
  replay.anchor = { kind: 'extended', due: event.extendedTo, countFrom: event.at };
  replay.dueSource = 'extended';
  replay.notes.push({
    zh: `${formatDue(event.at)} 延期至 ${formatDue(event.extendedTo)}，原因：${(event.reason ?? '').trim()}。`,
    en: `At ${formatDue(event.at)} the due was extended to ${formatDue(event.extendedTo)}; reason: ${(event.reason ?? '').trim()}.`,
  });
}

function summarise(replay: Replay, now: Date): ClockResult {
  const { def } = replay;
  const base = { name: def.name, clause: def.clause, evaluatedAt: now, pauses: replay.pauses };
  if (!replay.anchor || !replay.statutory) {
    const result = { ...base, state: 'not_started' as const, pausedMinutes: 0, minutesUsed: 0 };
    return { ...result, explanation: explainClock(result, def, replay.notes) };
  }
  const end = replay.stoppedAt ?? now;
  const due = dueAt(replay, end);
  const pausedMs = replay.pauses.reduce((sum, p) => sum + ((p.to ?? end).getTime() - p.from.getTime()), 0);
  const result: Omit<ClockResult, 'explanation'> = {
    ...base,
    state: stateOf(replay),
    startedAt: replay.statutory.start,
    due,
    dueSource: replay.dueSource ?? 'limit',
    statutory: replay.statutory,
    ...(replay.stoppedAt ? { stoppedAt: replay.stoppedAt } : {}),
    ...(replay.breachedAt ? { breachedAt: replay.breachedAt } : {}),
    pausedMinutes: toMinutes(pausedMs),
    minutesUsed: toMinutes(end.getTime() - replay.statutory.start.getTime() - pausedMs),
    marginMinutes: toMinutes(due.getTime() - end.getTime()),
    provisional: isProvisional(replay, due),
  };
  return { ...result, explanation: explainClock(result, def, replay.notes) };
}

/**
 * A due that rests on the statutory limit and counted a day of a year reckoned from the holiday law alone: it may
 * move when that year's notice is imported. An agreed or extended due is a fixed instant and never moves.
 */
function isProvisional(replay: Replay, due: Date): boolean {
  if ((replay.dueSource ?? 'limit') !== 'limit' || !replay.statutory) return false;
  return replay.statutory.provisional || replay.calendar.isProvisionalYear(yearOf(toShanghaiDate(due)));
}

function stateOf(replay: Replay): ClockResult['state'] {
  if (replay.breachedAt) return 'breached';
  if (replay.stoppedAt) return 'met';
  return openPause(replay) ? 'paused' : 'running';
}

/** Whole minutes, rounded down: a clock one second late shows −1, never 0. */
function toMinutes(ms: number): number {
  return Math.floor(ms / MINUTE_MS);
}

function startTypes(def: ClockDefinition): readonly string[] {
  return typeof def.startOn === 'string' ? [def.startOn] : def.startOn;
}

function checkDefinition(def: ClockDefinition): void {
  if (!def.name?.trim()) throw definitionInvalid(def, { zh: '缺少名称', en: 'a name is required' });
  if (!def.clause?.trim())
    throw definitionInvalid(def, { zh: '缺少条款编号', en: 'the clause id is required' });
  toLimit(def.limit);
  const lists = [startTypes(def), def.stopOn, def.pauseOn ?? [], def.resumeOn ?? []];
  if (lists[0]?.length === 0 || def.stopOn.length === 0) {
    throw definitionInvalid(def, {
      zh: '必须有开始和停止事件',
      en: 'start and stop event types are required',
    });
  }
  const seen = new Set<string>();
  for (const type of lists.flat()) {
    // One event type with two roles (say, both stop and pause) would make the outcome depend on code order.
    if (seen.has(type))
      throw definitionInvalid(def, {
        zh: `事件类型 ${type} 重复使用`,
        en: `event type ${type} has more than one role`,
      });
    seen.add(type);
  }
}

function definitionInvalid(def: ClockDefinition, why: Messages) {
  return domainError(
    DomainErrorCodes.CLOCK_DEFINITION_INVALID,
    `时钟定义「${def.name}」（${def.clause}）无效：${why.zh}。`,
    `Clock definition "${def.name}" (${def.clause}) is invalid: ${why.en}.`,
    { name: def.name, clause: def.clause },
  );
}
