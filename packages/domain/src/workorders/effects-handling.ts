// Effects of the events that move an order through dispatch and handling, up to (not including) completion.
// Each returns a new object; the order passed in is never changed, so every earlier snapshot stays valid.

import type { Messages } from '../errors.ts';
import { extensionProblem } from '../sla/extension.ts';
import { type EffectContext, type Effects, notNow, why } from './effect-context.ts';
import { payloadInvalid, roleNotAllowed } from './errors.ts';
import type { WorkOrder } from './order.ts';
import { requireInstant, requireText } from './payload.ts';

export type HandlingEvent =
  | 'dispatched'
  | 'accepted'
  | 'returned'
  | 'transferred'
  | 'redispatched'
  | 'started'
  | 'arrived_on_site'
  | 'customer_contacted'
  | 'appointment_agreed'
  | 'deadline_extended'
  | 'handed_over'
  | 'design_started'
  | 'design_finished'
  | 'construction_started'
  | 'construction_finished';

export const HANDLING_EFFECTS: Effects<HandlingEvent> = {
  dispatched: (o, e, c) => ({
    ...o,
    assignee: requireText(
      c.place,
      'assignee',
      e.assignee,
      why('派给哪个部门或人员', 'the department or person it goes to'),
    ),
    dispatchCount: o.dispatchCount + 1,
  }),
  accepted: (o) => o,
  returned: (o, e, c) => ({
    ...o,
    lastReturnReason: requireText(
      c.place,
      'reason',
      e.reason,
      why('退单须说明原因', 'a return needs its reason'),
    ),
    assignee: undefined,
    returnCount: o.returnCount + 1,
  }),
  transferred: (o, e, c) => {
    requireText(c.place, 'reason', e.reason, why('转派须说明原因', 'a transfer needs its reason'));
    const assignee = requireText(
      c.place,
      'assignee',
      e.assignee,
      why('转给哪个部门或人员', 'who takes it over'),
    );
    return { ...o, assignee, dispatchCount: o.dispatchCount + 1 };
  },
  redispatched: (o, e, c) => {
    if (c.fromState === 'return_visited' && o.satisfaction !== 'dissatisfied') {
      throw notNow(
        c,
        why('回访满意，应归档而非再次派单', 'the return visit was satisfied: close it instead'),
      );
    }
    requireText(
      c.place,
      'reason',
      e.reason,
      why(
        '再次派单须说明原因（回访不满意或审核未通过）',
        'why it goes back (dissatisfied, or review failed)',
      ),
    );
    const assignee = requireText(
      c.place,
      'assignee',
      e.assignee,
      why('派给哪个部门或人员', 'who handles it now'),
    );
    return {
      ...o,
      assignee,
      dispatchCount: o.dispatchCount + 1,
      redispatchCount: o.redispatchCount + 1,
      // The next round of handling produces its own record, feedback and visit (H-7.3.4).
      completion: undefined,
      feedback: undefined,
      satisfaction: undefined,
      flags: { ...o.flags, signatureRefused: false, firstContactResolution: false },
    };
  },
  started: (o) => o,
  arrived_on_site: (o) => o,
  customer_contacted: (o, e, c) => {
    requireText(
      c.place,
      'note',
      e.note,
      why('记录联系内容和处置措施（H-7.4.3）', 'what was said and the measures (H-7.4.3)'),
    );
    return o;
  },
  appointment_agreed: (o, e, c) => {
    const agreedAt = requireInstant(
      c.place,
      'agreedAt',
      e.agreedAt,
      why('与用户约定的时间（G-5.9.2）', 'the time agreed with the customer (G-5.9.2)'),
    );
    if (agreedAt.getTime() < e.at.getTime()) {
      throw payloadInvalid(
        c.place,
        'agreedAt',
        why('约定时间不能早于约定行为本身', 'the agreed time cannot be before the agreement'),
      );
    }
    return { ...o, agreedAt };
  },
  deadline_extended: (o, e, c) => {
    if (!c.item.clocks.some((clock) => (clock.extendOn ?? []).length > 0)) {
      throw notNow(
        c,
        why(
          `「${c.item.name.zh}」的时限不能延期，只能与用户约定时间`,
          `"${c.item.name.en}" has no extendable limit; agree a time with the customer instead`,
        ),
      );
    }
    const previousDue = requireInstant(
      c.place,
      'previousDue',
      e.previousDue,
      why('当前时限（由时钟计算）', 'the due in force (from the clocks)'),
    );
    const extendedTo = requireInstant(
      c.place,
      'extendedTo',
      e.extendedTo,
      why('告知用户的新解决时间', 'the new date told to the customer'),
    );
    const problem = extensionProblem({
      currentDue: previousDue,
      newDue: extendedTo,
      reason: e.reason ?? '',
      at: e.at,
    });
    if (problem) throw problem;
    return { ...o, extension: { previousDue, due: extendedTo, reason: e.reason.trim(), at: e.at } };
  },
  handed_over: (o, e, c) => {
    // G-5.5.1: the first responder owns it; only the owner (or a supervisor) can pass it on.
    if (c.role === 'agent' && o.owner !== undefined && o.owner !== e.by) {
      throw roleNotAllowed(
        c.place,
        c.role,
        ['owner', 'dispatcher', 'enterprise_admin'],
        why(
          `只有首问责任人 ${o.owner} 或调度、管理员可以移交`,
          `only the first responder ${o.owner}, a dispatcher or an admin may hand it over`,
        ),
      );
    }
    const to = requireText(c.place, 'to', e.to, why('接手的部门或人员', 'who takes ownership'));
    const dueBy = requireInstant(
      c.place,
      'dueBy',
      e.dueBy,
      why('限时办结的时间（H-7.6.1.2）', 'the time limit for the hand-over (H-7.6.1.2)'),
    );
    if (dueBy.getTime() <= e.at.getTime())
      throw payloadInvalid(c.place, 'dueBy', why('应晚于移交时间', 'must be after the hand-over'));
    return { ...o, owner: to, ownerDueBy: dueBy };
  },
  design_started: (o, _e, c) => startPause(o, c, 'design'),
  construction_started: (o, _e, c) => startPause(o, c, 'construction'),
  design_finished: (o, _e, c) => endPause(o, c, 'design'),
  construction_finished: (o, _e, c) => endPause(o, c, 'construction'),
};

const PAUSE_LABELS: Readonly<Record<'design' | 'construction', Messages>> = {
  design: { zh: '方案设计', en: 'design' },
  construction: { zh: '工程施工', en: 'construction' },
};

function startPause(o: WorkOrder, c: EffectContext, kind: 'design' | 'construction'): WorkOrder {
  if (c.item.category !== 'connection') {
    throw notNow(
      c,
      why(
        '只有报装事项的设计、施工时间不计入时限（G-6.1.2）',
        'only connections exclude design and construction time (G-6.1.2)',
      ),
    );
  }
  if (o.pausedFor) {
    const running = PAUSE_LABELS[o.pausedFor];
    throw notNow(c, why(`${running.zh}尚未完成`, `${running.en} is still under way`));
  }
  return { ...o, pausedFor: kind };
}

function endPause(o: WorkOrder, c: EffectContext, kind: 'design' | 'construction'): WorkOrder {
  if (o.pausedFor !== kind) {
    const label = PAUSE_LABELS[kind];
    throw notNow(c, why(`没有进行中的${label.zh}`, `no ${label.en} is under way`));
  }
  return { ...o, pausedFor: undefined };
}
