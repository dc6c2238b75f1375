// Clocks replayed from a record's events: start, stop, met/breached, minutes used and margin.

import { describe, expect, it } from 'vitest';
import { evaluateClock } from './clock.ts';
import type { ClockDefinition, ClockEvent } from './clock-types.ts';
import { at, cal, codeOf, shown } from '../testing/support.ts';

const heatingResponse: ClockDefinition = {
  name: 'first_response',
  clause: 'H-7.4.3',
  limit: '0.5h',
  startOn: 'received',
  stopOn: ['responded'],
};

const gasComplaint: ClockDefinition = {
  name: 'resolution',
  clause: 'G-5.7.2',
  limit: '5wd',
  startOn: ['received', 'received_by_phone'],
  stopOn: ['answered'],
};

const ev = (type: string, when: string, extra: Partial<ClockEvent> = {}): ClockEvent => ({
  type,
  at: at(when),
  ...extra,
});

describe('evaluateClock: met and breached', () => {
  it('H-7.4.3: a heating-quality complaint answered after 20 min is met with 10 min to spare', () => {
    const result = evaluateClock(
      heatingResponse,
      [ev('received', '2025-12-01 10:00'), ev('responded', '2025-12-01 10:20')],
      at('2025-12-01 12:00'),
      cal,
    );
    expect(result).toMatchObject({
      name: 'first_response',
      clause: 'H-7.4.3',
      state: 'met',
      minutesUsed: 20,
      marginMinutes: 10,
      pausedMinutes: 0,
    });
    expect(shown(result.due)).toBe('2025-12-01 10:30');
    expect(shown(result.stoppedAt)).toBe('2025-12-01 10:20');
    expect(result.breachedAt).toBeUndefined();
    expect(result.dueSource).toBe('limit');
    expect(result.explanation.en).toContain(
      'Met: done 2025-12-01 10:20, before the due 2025-12-01 10:30 with 10 min to spare.',
    );
    expect(result.explanation.zh).toContain('按时');
  });

  it('H-7.4.3: answered after 45 min is breached at 10:30 with margin −15, and stays breached', () => {
    const result = evaluateClock(
      heatingResponse,
      [ev('received', '2025-12-01 10:00'), ev('responded', '2025-12-01 10:45')],
      at('2025-12-02 10:00'),
      cal,
    );
    expect(result).toMatchObject({ state: 'breached', minutesUsed: 45, marginMinutes: -15 });
    expect(shown(result.breachedAt)).toBe('2025-12-01 10:30');
    expect(shown(result.stoppedAt)).toBe('2025-12-01 10:45');
    expect(result.explanation.en).toContain('15 min late');
    expect(result.explanation.en).toContain('A late finish never turns a breach green.');
  });

  it('H-7.4.3: answered exactly at the due is met with margin 0', () => {
    const result = evaluateClock(
      heatingResponse,
      [ev('received', '2025-12-01 10:00'), ev('responded', '2025-12-01 10:30')],
      at('2025-12-01 11:00'),
      cal,
    );
    expect(result).toMatchObject({ state: 'met', marginMinutes: 0 });
  });

  it('H-7.4.3: one second late is breached with margin −1 (minutes round down)', () => {
    const result = evaluateClock(
      heatingResponse,
      [ev('received', '2025-12-01 10:00'), ev('responded', '2025-12-01 10:30:01')],
      at('2025-12-01 11:00'),
      cal,
    );
    expect(result).toMatchObject({ state: 'breached', marginMinutes: -1 });
  });

  it('H-7.4.3: still open after the due is breached and overdue', () => {
    const result = evaluateClock(
      heatingResponse,
      [ev('received', '2025-12-01 10:00')],
      at('2025-12-01 10:40'),
      cal,
    );
    expect(result).toMatchObject({ state: 'breached', minutesUsed: 40, marginMinutes: -10 });
    expect(result.stoppedAt).toBeUndefined();
    expect(result.explanation.en).toContain('still open, 10 min overdue');
  });

  it('H-7.4.3: still open before the due is running, with the time left', () => {
    const result = evaluateClock(
      heatingResponse,
      [ev('received', '2025-12-01 10:00')],
      at('2025-12-01 10:10'),
      cal,
    );
    expect(result).toMatchObject({ state: 'running', minutesUsed: 10, marginMinutes: 20 });
    expect(result.explanation.en).toContain('Running: due 2025-12-01 10:30, 20 min left.');
  });

  it('H-7.4.3: no start event means not started', () => {
    const result = evaluateClock(
      heatingResponse,
      [ev('responded', '2025-12-01 10:20')],
      at('2025-12-01 12:00'),
      cal,
    );
    expect(result).toMatchObject({ state: 'not_started', minutesUsed: 0, pausedMinutes: 0 });
    expect(result.due).toBeUndefined();
    expect(result.marginMinutes).toBeUndefined();
    expect(result.explanation.en).toBe('first_response (H-7.4.3): not started; waits for received.');
  });

  it('H-7.4.3: events after `now` are not seen — the clock as it was at that moment', () => {
    const events = [ev('received', '2025-12-01 10:00'), ev('responded', '2025-12-01 10:20')];
    expect(evaluateClock(heatingResponse, events, at('2025-12-01 10:15'), cal).state).toBe('running');
    expect(evaluateClock(heatingResponse, events, at('2025-12-01 09:00'), cal).state).toBe('not_started');
  });

  it('H-7.4.3: events are replayed in time order whatever order they come in', () => {
    const result = evaluateClock(
      heatingResponse,
      [ev('responded', '2025-12-01 10:20'), ev('received', '2025-12-01 10:00')],
      at('2025-12-01 12:00'),
      cal,
    );
    expect(result.state).toBe('met');
  });

  it('G-5.7.2: the first start event wins; a second one does not restart the clock', () => {
    const events = [ev('received', '2025-09-30 10:00'), ev('received_by_phone', '2025-10-09 10:00')];
    const result = evaluateClock(gasComplaint, events, at('2025-10-10 10:00'), cal);
    expect(shown(result.startedAt)).toBe('2025-09-30 10:00');
    expect(shown(result.due)).toBe('2025-10-14 24:00');
  });

  it('G-5.7.2: complaint received on the eve of National Day and answered 10-14 23:00 is met; the statutory deadline is kept', () => {
    const result = evaluateClock(
      gasComplaint,
      [ev('received', '2025-09-30 10:00'), ev('answered', '2025-10-14 23:00')],
      at('2025-10-20 10:00'),
      cal,
    );
    expect(result).toMatchObject({ state: 'met', marginMinutes: 60 });
    expect(result.statutory?.counted.map((d) => d.date)).toContain('2025-10-11');
    expect(result.explanation.en).toContain('Statutory limit: 5 working days from 2025-09-30');
  });

  it('G-5.7.2: answered 10-15 00:30 is breached at 10-14 24:00', () => {
    const result = evaluateClock(
      gasComplaint,
      [ev('received', '2025-09-30 10:00'), ev('answered', '2025-10-15 00:30')],
      at('2025-10-20 10:00'),
      cal,
    );
    expect(result).toMatchObject({ state: 'breached', marginMinutes: -30 });
    expect(shown(result.breachedAt)).toBe('2025-10-14 24:00');
  });

  it('G-5.7.2: a complaint received 2026-12-28 cannot be clocked before 2027 is known → CALENDAR_YEAR_UNKNOWN', () => {
    expect(
      codeOf(() =>
        evaluateClock(gasComplaint, [ev('received', '2026-12-28 10:00')], at('2026-12-28 11:00'), cal),
      ),
    ).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('G-5.7.2: events after the stop are ignored', () => {
    const events = [
      ev('received', '2025-09-30 10:00'),
      ev('answered', '2025-10-10 10:00'),
      ev('answered', '2025-10-20 10:00'),
    ];
    expect(shown(evaluateClock(gasComplaint, events, at('2025-10-30 10:00'), cal).stoppedAt)).toBe(
      '2025-10-10 10:00',
    );
  });
});

describe('evaluateClock: definitions and inputs are checked', () => {
  it.each([
    ['a type with two roles', { ...heatingResponse, stopOn: ['received'] }],
    ['no stop event', { ...heatingResponse, stopOn: [] }],
    ['no start event', { ...heatingResponse, startOn: [] }],
    ['no name', { ...heatingResponse, name: ' ' }],
    ['no clause', { ...heatingResponse, clause: '' }],
    ['pause and resume on one type', { ...heatingResponse, pauseOn: ['wait'], resumeOn: ['wait'] }],
  ])('H-7.4.3: %s is CLOCK_DEFINITION_INVALID', (_why, def) => {
    expect(codeOf(() => evaluateClock(def, [], at('2025-12-01 10:00'), cal))).toBe(
      'CLOCK_DEFINITION_INVALID',
    );
  });

  it('H-7.4.3: a bad limit is LIMIT_INVALID; a bad event time or now is DATE_INVALID', () => {
    expect(
      codeOf(() =>
        evaluateClock({ ...heatingResponse, limit: 'half an hour' }, [], at('2025-12-01 10:00'), cal),
      ),
    ).toBe('LIMIT_INVALID');
    expect(
      codeOf(() =>
        evaluateClock(
          heatingResponse,
          [{ type: 'received', at: new Date(Number.NaN) }],
          at('2025-12-01 10:00'),
          cal,
        ),
      ),
    ).toBe('DATE_INVALID');
    expect(codeOf(() => evaluateClock(heatingResponse, [], new Date(Number.NaN), cal))).toBe('DATE_INVALID');
  });
});
