// G-8.1.5: a leaking vehicle cylinder is handled at once by procedure. The case is a list of appended steps in a
// fixed order — found, the vehicle stopped and isolated, the owner told, handled, closed — and the domain says which
// step may come next; a step out of order is refused with what must come first.

import type { Messages } from '../errors.ts';

export const LEAK_STEPS = ['found', 'isolated', 'owner_told', 'handled', 'closed'] as const;
export type LeakStep = (typeof LEAK_STEPS)[number];

export const LEAK_STEP_LABEL: Record<LeakStep, Messages> = {
  found: { zh: '发现泄漏', en: 'Leak found' },
  isolated: { zh: '停止加气并隔离车辆', en: 'Filling stopped, vehicle isolated' },
  owner_told: { zh: '告知车主', en: 'Owner told' },
  handled: { zh: '处置完毕', en: 'Handled' },
  closed: { zh: '结案', en: 'Closed' },
};

export type LeakStepCheck = { ok: true } | { ok: false; message: Messages };

/** Whether `next` may be appended after `done` (the steps recorded so far, in order). */
export function checkLeakStep(done: readonly LeakStep[], next: LeakStep): LeakStepCheck {
  const last = done[done.length - 1];
  if (last === 'closed') {
    return { ok: false, message: { zh: '该泄漏处置已结案', en: 'This leak case is closed' } };
  }
  const expected = LEAK_STEPS[last ? LEAK_STEPS.indexOf(last) + 1 : 0]!;
  if (next === expected) return { ok: true };
  return {
    ok: false,
    message: {
      zh: `按程序下一步应为「${LEAK_STEP_LABEL[expected].zh}」，不能记录「${LEAK_STEP_LABEL[next].zh}」（G-8.1.5）`,
      en: `By the procedure the next step is "${LEAK_STEP_LABEL[expected].en}", not "${LEAK_STEP_LABEL[next].en}" (G-8.1.5)`,
    },
  };
}

/** The step due next, or null once closed. */
export function nextLeakStep(done: readonly LeakStep[]): LeakStep | null {
  const last = done[done.length - 1];
  if (last === 'closed') return null;
  return LEAK_STEPS[last ? LEAK_STEPS.indexOf(last) + 1 : 0]!;
}

/** Minutes from the leak found to the vehicle isolated: "at once" made visible (null until isolated). */
export function minutesToIsolate(steps: readonly { step: LeakStep; at: Date }[]): number | null {
  const found = steps.find((s) => s.step === 'found');
  const isolated = steps.find((s) => s.step === 'isolated');
  if (!found || !isolated) return null;
  return Math.round((isolated.at.getTime() - found.at.getTime()) / 60_000);
}
