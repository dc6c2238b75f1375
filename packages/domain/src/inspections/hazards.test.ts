import { describe, expect, it } from 'vitest';
import { at, cal, codeOf, shown } from '../testing/support.ts';
import { planProgress } from './progress.ts';
import { assertSupplyAllowed } from './supply-gate.ts';
import {
  HAZARD_GRADE_RULES,
  hazardDeadline,
  hazardOverdue,
  replayHazard,
  type HazardEvent,
} from './hazards.ts';

describe('hazards to closure', () => {
  it('G-6.2.17 only a major hazard is reported to the regulator', () => {
    expect(HAZARD_GRADE_RULES.major.reportToRegulator).toBe(true);
    expect(HAZARD_GRADE_RULES.serious.reportToRegulator).toBe(false);
    expect(HAZARD_GRADE_RULES.general.reportToRegulator).toBe(false);
  });

  it('G-5.11.6 a hazard deadline comes from its grade and the calendar (a period ending on a holiday moves on)', () => {
    expect(shown(hazardDeadline('major', at('2026-03-02 10:00'), cal))).toBe('2026-03-03 10:00');
    // 7 days from 2026-09-26 end on 10-03, inside the National Day holiday: moved to 10-08.
    expect(shown(hazardDeadline('serious', at('2026-09-26 10:00'), cal))).toBe('2026-10-08 24:00');
  });

  it('G-5.11.6 re-inspection closes the file or extends it with a reason; a closed file takes nothing more', () => {
    const found: HazardEvent = {
      type: 'found',
      at: at('2026-03-02 10:00'),
      grade: 'general',
      dueAt: at('2026-04-01 24:00'),
    };
    const extended = replayHazard([
      found,
      { type: 'extended', at: at('2026-03-30 10:00'), dueAt: at('2026-04-15 24:00'), reason: '待更换热水器' },
    ]);
    expect(extended).toMatchObject({ status: 'open', extensions: 1 });
    expect(hazardOverdue(extended, at('2026-04-10 10:00'))).toBe(false);
    expect(hazardOverdue(extended, at('2026-04-16 10:00'))).toBe(true);
    expect(
      codeOf(() =>
        replayHazard([
          found,
          { type: 'extended', at: at('2026-03-30 10:00'), dueAt: at('2026-04-15 24:00'), reason: ' ' },
        ]),
      ),
    ).toBe('HAZARD_EVENT_NOT_ALLOWED');
    const closed = [found, { type: 'closed' as const, at: at('2026-03-20 10:00'), note: '已更换软管' }];
    expect(hazardOverdue(replayHazard(closed), at('2026-05-01 10:00'))).toBe(false);
    expect(
      codeOf(() => replayHazard([...closed, { type: 'notice_signed', at: at('2026-03-21 10:00') }])),
    ).toBe('HAZARD_EVENT_NOT_ALLOWED');
  });
});

describe('plan progress and the supply gate', () => {
  it('G-5.11.1 progress counts done, outstanding and overdue against the window', () => {
    const p = planProgress(
      [
        { windowFrom: '2026-01-01', windowTo: '2026-03-31', inspected: true },
        { windowFrom: '2026-01-01', windowTo: '2026-03-31', inspected: false },
        { windowFrom: '2026-04-01', windowTo: '2026-06-30', inspected: false },
        { windowFrom: '2026-07-01', windowTo: '2026-09-30', inspected: false },
      ],
      at('2026-04-01 09:00'),
    );
    expect(p).toEqual({ planned: 4, done: 1, outstanding: 3, overdue: 1, due: 2 });
  });

  it('G-5.11.3 no supply without a passed inspection, nor after a renovation, nor with a serious hazard open', () => {
    expect(codeOf(() => assertSupplyAllowed({ lastPassedAt: null, openSeriousHazards: 0 }))).toBe(
      'SUPPLY_INSPECTION_MISSING',
    );
    expect(
      codeOf(() =>
        assertSupplyAllowed({
          lastPassedAt: at('2026-01-01 10:00'),
          renovatedAt: at('2026-02-01 10:00'),
          openSeriousHazards: 0,
        }),
      ),
    ).toBe('SUPPLY_INSPECTION_MISSING');
    expect(
      codeOf(() => assertSupplyAllowed({ lastPassedAt: at('2026-03-01 10:00'), openSeriousHazards: 1 })),
    ).toBe('SUPPLY_INSPECTION_MISSING');
    expect(
      codeOf(() => assertSupplyAllowed({ lastPassedAt: at('2026-03-01 10:00'), openSeriousHazards: 0 })),
    ).toBe('NO_ERROR');
  });
});
