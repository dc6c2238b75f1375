// Clocks with an agreed time (G-9.2.5, H-7.3.9), and several clocks over one record's events.

import { describe, expect, it } from 'vitest';
import { evaluateClock, evaluateClocks, mostUrgent } from './clock.ts';
import { APPOINTMENT_AGREED } from './clock-types.ts';
import type { ClockDefinition, ClockEvent } from './clock-types.ts';
import { at, cal, codeOf, shown } from '../testing/support.ts';

const ev = (type: string, when: string, extra: Partial<ClockEvent> = {}): ClockEvent => ({
  type,
  at: at(when),
  ...extra,
});

describe('evaluateClock: agreed time (G-9.2.5 "or at the agreed time")', () => {
  const installation: ClockDefinition = {
    name: 'installation',
    clause: 'G-9.2.5',
    limit: '48h',
    startOn: 'requested',
    stopOn: ['installed'],
    agreedOn: [APPOINTMENT_AGREED],
  };

  it('G-9.2.5: a customer-agreed time during the holiday replaces the 48 h limit', () => {
    const events = [
      ev('requested', '2025-09-30 14:00'),
      ev(APPOINTMENT_AGREED, '2025-09-30 15:00', { agreedAt: at('2025-10-05 10:00') }),
      ev('installed', '2025-10-05 09:30'),
    ];
    const result = evaluateClock(installation, events, at('2025-10-06 10:00'), cal);
    expect(result).toMatchObject({ state: 'met', dueSource: 'agreed', marginMinutes: 30 });
    expect(shown(result.due)).toBe('2025-10-05 10:00');
    expect(shown(result.statutory?.due)).toBe('2025-10-02 14:00');
    expect(result.explanation.en).toContain('the agreed time replaces the statutory limit');
  });

  it('G-9.2.5: an agreed time earlier than the statutory limit is the deadline too', () => {
    const events = [
      ev('requested', '2025-09-30 14:00'),
      ev(APPOINTMENT_AGREED, '2025-09-30 15:00', { agreedAt: at('2025-09-30 18:00') }),
      ev('installed', '2025-09-30 19:00'),
    ];
    const result = evaluateClock(installation, events, at('2025-10-06 10:00'), cal);
    expect(result).toMatchObject({ state: 'breached', marginMinutes: -60 });
  });

  it('G-9.2.5: an agreement made after the 48 h ran out does not undo the breach', () => {
    const events = [
      ev('requested', '2025-09-30 14:00'),
      ev(APPOINTMENT_AGREED, '2025-10-03 09:00', { agreedAt: at('2025-10-05 10:00') }),
      ev('installed', '2025-10-05 09:30'),
    ];
    const result = evaluateClock(installation, events, at('2025-10-06 10:00'), cal);
    expect(result.state).toBe('breached');
    expect(shown(result.breachedAt)).toBe('2025-10-02 14:00');
    expect(result.dueSource).toBe('limit');
    expect(result.explanation.en).toContain('came after the breach and does not undo it');
  });

  it('G-9.2.5: an agreement event without agreedAt, or with a time before the agreement itself, changes nothing', () => {
    const events = [
      ev('requested', '2025-09-30 14:00'),
      ev(APPOINTMENT_AGREED, '2025-09-30 15:00'),
      ev(APPOINTMENT_AGREED, '2025-09-30 16:00', { agreedAt: at('2025-09-30 12:00') }),
    ];
    const result = evaluateClock(installation, events, at('2025-09-30 17:00'), cal);
    expect(result.dueSource).toBe('limit');
    expect(shown(result.due)).toBe('2025-10-02 14:00');
    expect(result.explanation.en).toContain('earlier than the agreement itself');
  });

  it('G-9.2.5: an agreement does not touch a clock that does not opt in (agreedOn)', () => {
    const repair: ClockDefinition = {
      name: 'repair',
      clause: 'G-9.2.5',
      limit: '24h',
      startOn: 'requested',
      stopOn: ['repaired'],
    };
    const events = [
      ev('requested', '2025-09-30 14:00'),
      ev(APPOINTMENT_AGREED, '2025-09-30 15:00', { agreedAt: at('2025-10-05 10:00') }),
    ];
    expect(shown(evaluateClock(repair, events, at('2025-09-30 16:00'), cal).due)).toBe('2025-10-01 14:00');
  });
});

describe('evaluateClocks: several clocks per record', () => {
  const leakReply: ClockDefinition = {
    name: 'reply',
    clause: 'H-7.3.9',
    limit: '0.5h',
    startOn: 'leak_reported',
    stopOn: [APPOINTMENT_AGREED],
  };
  const visit: ClockDefinition = {
    name: 'visit',
    clause: 'H-7.3.9',
    limit: '24h',
    startOn: 'leak_reported',
    stopOn: ['arrived'],
    agreedOn: [APPOINTMENT_AGREED],
  };

  it('H-7.3.9: agreeing a visit time answers the 0.5 h reply clock and sets the visit clock due', () => {
    const events = [
      ev('leak_reported', '2025-12-31 23:50'),
      ev(APPOINTMENT_AGREED, '2026-01-01 00:10', { agreedAt: at('2026-01-01 09:00') }),
    ];
    const [reply, onSite] = evaluateClocks([leakReply, visit], events, at('2026-01-01 08:00'), cal);
    expect(reply).toMatchObject({ name: 'reply', state: 'met', minutesUsed: 20, marginMinutes: 10 });
    expect(onSite).toMatchObject({ name: 'visit', state: 'running', dueSource: 'agreed', marginMinutes: 60 });
    expect(shown(onSite?.due)).toBe('2026-01-01 09:00');
  });

  it('H-7.3.9: clock names must be unique per record', () => {
    expect(codeOf(() => evaluateClocks([visit, visit], [], at('2026-01-01 08:00'), cal))).toBe(
      'CLOCK_DEFINITION_INVALID',
    );
  });

  it('H-7.3.9: mostUrgent picks the open clock with the least margin, breached first', () => {
    const events = [ev('leak_reported', '2025-12-31 23:50')];
    const results = evaluateClocks([leakReply, visit], events, at('2026-01-01 00:30'), cal);
    expect(mostUrgent(results)?.name).toBe('reply');
    const done = evaluateClocks(
      [leakReply],
      [...events, ev(APPOINTMENT_AGREED, '2026-01-01 00:00', { agreedAt: at('2026-01-01 09:00') })],
      at('2026-01-01 00:30'),
      cal,
    );
    expect(mostUrgent(done)).toBeUndefined();
  });
});
