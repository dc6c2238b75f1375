// Property tests (fast-check): random event sequences over random catalogue items.
//  1. Valid sequences (built by trying the events the state allows and keeping those accepted) never reach an
//     undefined state, keep the loop's invariants, and replaying any prefix of the log gives the same order as
//     folding applyWorkOrderEvent step by step (so no step changed an earlier snapshot).
//  2. Arbitrary events from any state with any role either apply or fail with a DomainError — never a crash.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import { CATALOGUE_CODES } from './catalogue.ts';
import { clockOutcome, evaluateOrderClocks } from './clocks.ts';
import { COMPLAINT_RESPONSIBILITIES } from './complaints.ts';
import type { WorkOrderEvent, WorkOrderEventType, WorkOrderLogEntry } from './events.ts';
import type { WorkOrder } from './order.ts';
import { replayWorkOrder } from './replay.ts';
import { SATISFACTIONS, WORK_ORDER_ROLES, WORK_ORDER_STATES } from './states.ts';
import { WORK_ORDER_EVENT_TYPES, WORK_ORDER_TRANSITIONS } from './transition-table.ts';
import { applyWorkOrderEvent, availableWorkOrderEvents } from './transitions.ts';
import { cal } from '../testing/support.ts';

const START = Date.parse('2025-11-20T00:00:00Z');
const HOUR = 3_600_000;

/** A payload that satisfies the event's required fields; `n` varies the optional choices. */
function eventFor(
  type: WorkOrderEventType,
  order: WorkOrder | undefined,
  at: Date,
  n: number,
  itemCode: string,
): WorkOrderEvent {
  const later = (hours: number) => new Date(at.getTime() + hours * HOUR);
  const base = { type, at, by: order?.owner ?? 'agent-1' };
  const payloads: Partial<Record<WorkOrderEventType, Record<string, unknown>>> = {
    received: {
      itemCode,
      channel: 'phone',
      summary: '来电',
      safetyAdviceGiven: true,
      ...(n % 2 ? { complaintCategory: 'attitude' } : {}),
    },
    dispatched: { assignee: `team-${n % 3}` },
    transferred: { assignee: 'team-t', reason: '辖区' },
    redispatched: { assignee: 'team-r', reason: '不满意' },
    returned: { reason: '非本班组' },
    cancelled: { reason: '用户撤回' },
    customer_contacted: { note: '已联系' },
    supervised: { note: '请加快' },
    appointment_agreed: { agreedAt: later(2) },
    deadline_extended: { previousDue: later(1), extendedTo: later(48), reason: '需协调' },
    handed_over: { to: `agent-${2 + (n % 2)}`, dueBy: later(24) },
    completed: {
      record: { result: '已处理', onSite: order?.state === 'on_site' || n % 2 === 0, signature: true },
    },
    feedback_given: {
      feedback: { staffName: '王', customer: '张', handledAt: at, result: '已处理' },
      ...(n % 3 === 0 ? { findings: { facts: 'f', correctiveMeasures: 'c', accountability: 'a' } } : {}),
      ...(n % 3 === 1 ? { explanation: { referral: '物业' } } : {}),
    },
    return_visited: { satisfaction: SATISFACTIONS[n % SATISFACTIONS.length] },
    responsibility_decided: { responsibility: COMPLAINT_RESPONSIBILITIES[n % 3] },
    complaint_judged:
      n % 2 === 0
        ? { reasonable: true, basis: '供热合同第5条' }
        : { reasonable: false, basis: '山东省供热条例', reason: '室内温度达标' },
    referred: { referral: { to: '物业公司' } },
    refused: { reason: '不符合条件', writtenNoticeRef: 'W-1', missingDocuments: ['身份证'] },
  };
  return { ...base, ...(payloads[type] ?? {}) } as WorkOrderEvent;
}

/** Builds a log by trying, at each step, the allowed events in an order the choice rotates; keeps the first accepted. */
function buildValidLog(
  itemCode: string,
  choices: readonly number[],
): { log: WorkOrderLogEntry[]; history: WorkOrder[] } {
  const log: WorkOrderLogEntry[] = [];
  const history: WorkOrder[] = [];
  let order: WorkOrder | undefined;
  let clock = START;
  for (const choice of choices) {
    clock += (1 + (choice % 5)) * HOUR;
    // Two steps in three try the state-changing events first, so walks get round the loop instead of
    // circling in notes and supervision.
    const all = availableWorkOrderEvents(order);
    const moving = all.filter((type) => WORK_ORDER_TRANSITIONS[type].to !== 'same');
    const allowed = choice % 3 === 0 ? all : [...moving, ...all.filter((type) => !moving.includes(type))];
    let accepted = false;
    for (let i = 0; i < allowed.length && !accepted; i++) {
      const type = (
        choice % 3 === 0
          ? allowed[(choice + i) % allowed.length]
          : rotateWithin(allowed, moving.length, choice, i)
      ) as WorkOrderEventType;
      const roles = WORK_ORDER_TRANSITIONS[type].roles;
      const role = roles[choice % roles.length] as string;
      const event = eventFor(type, order, new Date(clock), choice, itemCode);
      try {
        order = applyWorkOrderEvent(order, event, role);
      } catch (error) {
        if (isDomainError(error)) continue;
        throw error;
      }
      log.push({ event, actorRole: role });
      history.push(order);
      accepted = true;
    }
    if (!accepted) break;
  }
  return { log, history };
}

/** The i-th candidate: the first `head` entries rotated by `choice`, then the rest in order. */
function rotateWithin<T>(list: readonly T[], head: number, choice: number, i: number): T | undefined {
  if (i < head) return list[(choice + i) % head];
  return list[i];
}

function checkInvariants(order: WorkOrder, index: number, type: WorkOrderEventType): void {
  expect(WORK_ORDER_STATES).toContain(order.state);
  expect(order.eventCount).toBe(index + 1);
  expect(order.state === 'cancelled').toBe(order.closure?.as === 'cancelled');
  expect(order.state === 'closed').toBe(order.closure !== undefined && order.closure.as !== 'cancelled');
  if (order.closure?.as === 'resolved') {
    const answeredAtOnce = order.category === 'consultation' && order.flags.firstContactResolution;
    expect(answeredAtOnce || order.satisfaction !== undefined).toBe(true);
    if (!order.complaint) expect(order.satisfaction).not.toBe('dissatisfied');
  }
  if (order.completion?.onSite)
    expect(order.completion.signature === true || !!order.completion.signatureRefusedReason).toBe(true);
  // At the moment of closing, a complaint counted as responsible has its findings (H-7.4.10.4). The authority
  // may still decide responsibility afterwards (H-7.4.8), which changes the statistics, not the closed record.
  if (type === 'closed' && order.complaint && order.complaint.responsibility !== 'non_responsible') {
    expect(order.complaint.findings?.accountability).toBeTruthy();
  }
}

describe('work-order state machine (property)', () => {
  it('H-3.22: random valid event sequences never reach an undefined state, and replay equals folding applyWorkOrderEvent', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CATALOGUE_CODES),
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 40 }),
        (itemCode, choices) => {
          const { log, history } = buildValidLog(itemCode, choices);
          expect(log.length).toBeGreaterThan(0);
          history.forEach((order, i) => {
            checkInvariants(order, i, (log[i] as WorkOrderLogEntry).event.type);
            expect(replayWorkOrder(log.slice(0, i + 1))).toEqual(order);
          });
          // The clocks of any valid log evaluate without error, and every outcome is one the KPIs know.
          const events = log.map((entry) => entry.event);
          const now = new Date((history.at(-1) as WorkOrder).lastEventAt.getTime() + HOUR);
          for (const result of evaluateOrderClocks(itemCode, events, now, cal)) {
            expect(['met', 'breached', 'running', 'not_started']).toContain(clockOutcome(result).outcome);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('valid sequences reach every state of the loop across runs', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom(...CATALOGUE_CODES),
        fc.array(fc.nat({ max: 1000 }), { minLength: 5, maxLength: 40 }),
        (itemCode, choices) => {
          for (const order of buildValidLog(itemCode, choices).history) seen.add(order.state);
        },
      ),
      { numRuns: 400, seed: 20251201 },
    );
    expect([...seen].sort()).toEqual([...WORK_ORDER_STATES].sort());
  });

  it('arbitrary events with arbitrary roles either apply or raise a DomainError, never anything else', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CATALOGUE_CODES),
        fc.array(
          fc.tuple(
            fc.constantFrom(...WORK_ORDER_EVENT_TYPES),
            fc.constantFrom(...WORK_ORDER_ROLES, 'billing_clerk'),
            fc.nat({ max: 1000 }),
          ),
          { maxLength: 30 },
        ),
        (itemCode, steps) => {
          let order: WorkOrder | undefined;
          let clock = START;
          for (const [type, role, n] of steps) {
            clock += HOUR;
            try {
              order = applyWorkOrderEvent(order, eventFor(type, order, new Date(clock), n, itemCode), role);
            } catch (error) {
              expect(isDomainError(error), String(error)).toBe(true);
            }
            if (order) expect(WORK_ORDER_STATES).toContain(order.state);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
