// Extensions: only before the due, with a reason, to a later date (G-5.7.4, H-7.3.6, H-7.4.4).

import { describe, expect, it } from 'vitest';
import { extendDeadline, extensionProblem } from './extension.ts';
import { evaluateClock } from './clock.ts';
import { DEADLINE_EXTENDED } from './clock-types.ts';
import type { ClockDefinition } from './clock-types.ts';
import { at, cal, codeOf, shown } from '../testing/support.ts';

const due = at('2025-10-14 24:00');

describe('extendDeadline', () => {
  it('G-5.7.4: a complaint that cannot be solved in time gets a reason and a later date before the due', () => {
    const extension = extendDeadline({
      currentDue: due,
      newDue: at('2025-10-21 24:00'),
      reason: ' 需燃气管理部门协调 ',
      at: at('2025-10-13 10:00'),
    });
    expect(shown(extension.previousDue)).toBe('2025-10-14 24:00');
    expect(shown(extension.due)).toBe('2025-10-21 24:00');
    expect(extension.reason).toBe('需燃气管理部门协调');
    expect(extension.explanation.zh).toBe(
      '时限由 2025-10-14 24:00 延至 2025-10-21 24:00（北京时间），原因：需燃气管理部门协调。',
    );
    expect(extension.explanation.en).toContain('Due moved from 2025-10-14 24:00 to 2025-10-21 24:00');
  });

  it('H-7.3.6: a fault extension asked for after the due is EXTENSION_AFTER_DEADLINE', () => {
    const request = {
      currentDue: due,
      newDue: at('2025-10-21 24:00'),
      reason: 'parts',
      at: at('2025-10-15 00:01'),
    };
    expect(codeOf(() => extendDeadline(request))).toBe('EXTENSION_AFTER_DEADLINE');
    expect(extensionProblem(request)?.messages.en).toContain('the breach stays on record');
  });

  it('H-7.4.4: an extension at the due instant itself (24:00) is still in time', () => {
    expect(() =>
      extendDeadline({ currentDue: due, newDue: at('2025-10-16 24:00'), reason: 'x', at: due }),
    ).not.toThrow();
  });

  it('H-7.4.4: a new date that is not later is EXTENSION_NOT_LATER', () => {
    expect(
      codeOf(() => extendDeadline({ currentDue: due, newDue: due, reason: 'x', at: at('2025-10-13 10:00') })),
    ).toBe('EXTENSION_NOT_LATER');
    expect(
      codeOf(() =>
        extendDeadline({
          currentDue: due,
          newDue: at('2025-10-10 10:00'),
          reason: 'x',
          at: at('2025-10-09 10:00'),
        }),
      ),
    ).toBe('EXTENSION_NOT_LATER');
  });

  it('G-5.7.4: no reason (or only spaces) is EXTENSION_REASON_REQUIRED', () => {
    expect(
      codeOf(() =>
        extendDeadline({
          currentDue: due,
          newDue: at('2025-10-21 24:00'),
          reason: '  ',
          at: at('2025-10-13 10:00'),
        }),
      ),
    ).toBe('EXTENSION_REASON_REQUIRED');
    expect(
      codeOf(() =>
        extendDeadline({
          currentDue: due,
          newDue: at('2025-10-21 24:00'),
          reason: undefined as unknown as string,
          at: at('2025-10-13 10:00'),
        }),
      ),
    ).toBe('EXTENSION_REASON_REQUIRED');
  });

  it('G-5.7.4: being late is reported before a missing reason', () => {
    expect(
      codeOf(() => extendDeadline({ currentDue: due, newDue: due, reason: '', at: at('2025-10-20 10:00') })),
    ).toBe('EXTENSION_AFTER_DEADLINE');
  });

  it('H-7.3.6: invalid instants are DATE_INVALID', () => {
    expect(
      codeOf(() =>
        extendDeadline({
          currentDue: due,
          newDue: new Date(Number.NaN),
          reason: 'x',
          at: at('2025-10-13 10:00'),
        }),
      ),
    ).toBe('DATE_INVALID');
  });
});

describe('extensions inside a clock', () => {
  const complaint: ClockDefinition = {
    name: 'answer',
    clause: 'G-5.7.2',
    limit: '5wd',
    startOn: 'received',
    stopOn: ['answered'],
    extendOn: [DEADLINE_EXTENDED],
  };

  it('G-5.7.4: an extension made in time moves the due; answering before the new date is met', () => {
    const events = [
      { type: 'received', at: at('2025-09-30 10:00') },
      {
        type: DEADLINE_EXTENDED,
        at: at('2025-10-13 10:00'),
        extendedTo: at('2025-10-21 24:00'),
        reason: '需第三方检测',
      },
      { type: 'answered', at: at('2025-10-20 10:00') },
    ];
    const result = evaluateClock(complaint, events, at('2025-10-30 10:00'), cal);
    expect(result).toMatchObject({ state: 'met', dueSource: 'extended' });
    expect(shown(result.due)).toBe('2025-10-21 24:00');
    expect(result.explanation.zh).toContain('原因：需第三方检测');
  });

  it('H-7.4.4: an extension made after the due is ignored and the clock stays breached', () => {
    const events = [
      { type: 'received', at: at('2025-09-30 10:00') },
      {
        type: DEADLINE_EXTENDED,
        at: at('2025-10-15 10:00'),
        extendedTo: at('2025-10-21 24:00'),
        reason: 'late',
      },
      { type: 'answered', at: at('2025-10-20 10:00') },
    ];
    const result = evaluateClock(complaint, events, at('2025-10-30 10:00'), cal);
    expect(result.state).toBe('breached');
    expect(shown(result.breachedAt)).toBe('2025-10-14 24:00');
    expect(result.explanation.en).toContain('Extension not applied');
  });

  it('H-7.3.6: an extension without a reason is not applied', () => {
    const events = [
      { type: 'received', at: at('2025-09-30 10:00') },
      { type: DEADLINE_EXTENDED, at: at('2025-10-13 10:00'), extendedTo: at('2025-10-21 24:00') },
    ];
    const result = evaluateClock(complaint, events, at('2025-10-13 11:00'), cal);
    expect(result.dueSource).toBe('limit');
    expect(result.explanation.en).toContain('An extension must give the customer a reason.');
  });
});
