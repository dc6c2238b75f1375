// Pauses come from the event list (pause/resume events), never from a counter. A paused clock never breaches;
// the paused time is given back in the limit's own currency (see pause.ts).

import { describe, expect, it } from 'vitest';
import { evaluateClock } from './clock.ts';
import { APPOINTMENT_AGREED } from './clock-types.ts';
import type { ClockDefinition, ClockEvent } from './clock-types.ts';
import { at, cal, shown } from '../testing/support.ts';

const ev = (type: string, when: string, extra: Partial<ClockEvent> = {}): ClockEvent => ({
  type,
  at: at(when),
  ...extra,
});
const waiting = { pauseOn: ['waiting_customer'], resumeOn: ['customer_replied'] };

const repair: ClockDefinition = {
  name: 'repair',
  clause: 'G-9.2.5',
  limit: '24h',
  startOn: 'requested',
  stopOn: ['repaired'],
  ...waiting,
};
const complaint: ClockDefinition = {
  name: 'answer',
  clause: 'G-5.7.2',
  limit: '5wd',
  startOn: 'received',
  stopOn: ['answered'],
  ...waiting,
};
const payment: ClockDefinition = {
  name: 'payment',
  clause: 'G-6.2.6',
  limit: '10d',
  startOn: 'notice_sent',
  stopOn: ['paid'],
  ...waiting,
};

describe('pauses on clock-hour clocks (elapsed time)', () => {
  it('G-9.2.5: a 24 h pause waiting for the customer moves the repair due by 24 h', () => {
    const events = [
      ev('requested', '2025-10-01 10:00'),
      ev('waiting_customer', '2025-10-01 12:00'),
      ev('customer_replied', '2025-10-02 12:00'),
    ];
    const result = evaluateClock(repair, events, at('2025-10-02 20:00'), cal);
    expect(result).toMatchObject({
      state: 'running',
      pausedMinutes: 1440,
      minutesUsed: 600,
      marginMinutes: 840,
    });
    expect(shown(result.due)).toBe('2025-10-03 10:00');
    expect(result.pauses).toEqual([{ from: at('2025-10-01 12:00'), to: at('2025-10-02 12:00') }]);
    expect(result.explanation.en).toContain(
      'Paused 1 time for 1 d in all; paused time does not count, so the due moves to 2025-10-03 10:00.',
    );
  });

  it('G-9.2.5: a clock still paused long after the original due is paused, not breached, and its due keeps moving', () => {
    const events = [ev('requested', '2025-10-01 10:00'), ev('waiting_customer', '2025-10-01 12:00')];
    const result = evaluateClock(repair, events, at('2025-10-03 12:00'), cal);
    expect(result).toMatchObject({
      state: 'paused',
      minutesUsed: 120,
      pausedMinutes: 2880,
      marginMinutes: 1320,
    });
    expect(shown(result.due)).toBe('2025-10-04 10:00');
    expect(result.breachedAt).toBeUndefined();
    expect(result.pauses).toEqual([{ from: at('2025-10-01 12:00') }]);
  });

  it('G-9.2.5: a pause that starts after the due does not save the clock — it stays breached', () => {
    const events = [
      ev('requested', '2025-10-01 10:00'),
      ev('waiting_customer', '2025-10-02 11:00'),
      ev('customer_replied', '2025-10-03 11:00'),
      ev('repaired', '2025-10-03 12:00'),
    ];
    const result = evaluateClock(repair, events, at('2025-10-04 10:00'), cal);
    expect(result.state).toBe('breached');
    expect(shown(result.breachedAt)).toBe('2025-10-02 10:00');
    expect(shown(result.due)).toBe('2025-10-02 10:00');
    expect(result.marginMinutes).toBe(-(26 * 60));
    expect(result.minutesUsed).toBe(26 * 60);
  });

  it('G-9.2.5: stopping while paused is met; the open pause ends at the stop', () => {
    const events = [
      ev('requested', '2025-10-01 10:00'),
      ev('waiting_customer', '2025-10-01 12:00'),
      ev('repaired', '2025-10-03 12:00'),
    ];
    const result = evaluateClock(repair, events, at('2025-10-04 10:00'), cal);
    expect(result).toMatchObject({ state: 'met', minutesUsed: 120, pausedMinutes: 2880 });
    expect(result.pauses).toEqual([{ from: at('2025-10-01 12:00'), to: at('2025-10-03 12:00') }]);
  });

  it('G-9.2.5: a second pause while paused and a resume while running are ignored; several pauses add up', () => {
    const events = [
      ev('requested', '2025-10-01 10:00'),
      ev('customer_replied', '2025-10-01 10:30'),
      ev('waiting_customer', '2025-10-01 11:00'),
      ev('waiting_customer', '2025-10-01 11:30'),
      ev('customer_replied', '2025-10-01 12:00'),
      ev('waiting_customer', '2025-10-01 13:00'),
      ev('customer_replied', '2025-10-01 16:00'),
    ];
    const result = evaluateClock(repair, events, at('2025-10-01 17:00'), cal);
    expect(result.pauses).toHaveLength(2);
    expect(result.pausedMinutes).toBe(240);
    expect(shown(result.due)).toBe('2025-10-02 14:00');
  });

  it('H-7.4.3: pause events before the start are ignored', () => {
    const def: ClockDefinition = { ...repair, clause: 'H-7.4.3', limit: '0.5h' };
    const events = [ev('waiting_customer', '2025-12-01 09:00'), ev('requested', '2025-12-01 10:00')];
    const result = evaluateClock(def, events, at('2025-12-01 10:10'), cal);
    expect(result).toMatchObject({ state: 'running', pausedMinutes: 0 });
  });
});

describe('pauses on working-day clocks (working time given back)', () => {
  it('G-5.7.2: paused Fri 2025-10-10 18:00 to Mon 10-13 08:00 gives back 6 h + 24 h (make-up Saturday) + 8 h', () => {
    const events = [
      ev('received', '2025-09-30 10:00'),
      ev('waiting_customer', '2025-10-10 18:00'),
      ev('customer_replied', '2025-10-13 08:00'),
      ev('answered', '2025-10-15 10:00'),
    ];
    const result = evaluateClock(complaint, events, at('2025-10-20 10:00'), cal);
    expect(shown(result.due)).toBe('2025-10-16 14:00');
    expect(result).toMatchObject({ state: 'met', pausedMinutes: 62 * 60 });
  });

  it('G-5.7.2: a weekend inside a pause is not given back (Fri 18:00 → Mon 08:00 gives 14 h)', () => {
    const events = [
      ev('received', '2025-11-05 10:00'),
      ev('waiting_customer', '2025-11-07 18:00'),
      ev('customer_replied', '2025-11-10 08:00'),
    ];
    const result = evaluateClock(complaint, events, at('2025-11-10 09:00'), cal);
    expect(shown(result.statutory?.due)).toBe('2025-11-12 24:00');
    expect(shown(result.due)).toBe('2025-11-13 14:00');
  });

  it('G-5.7.2: a pause inside the National Day holiday gives nothing back', () => {
    const events = [
      ev('received', '2025-09-30 10:00'),
      ev('waiting_customer', '2025-10-02 10:00'),
      ev('customer_replied', '2025-10-05 10:00'),
    ];
    expect(shown(evaluateClock(complaint, events, at('2025-10-06 10:00'), cal).due)).toBe('2025-10-14 24:00');
  });

  it('G-5.7.2: a pause on the day of receipt gives nothing back (that day does not count)', () => {
    const events = [
      ev('received', '2025-11-03 10:00'),
      ev('waiting_customer', '2025-11-03 11:00'),
      ev('customer_replied', '2025-11-03 15:00'),
    ];
    const result = evaluateClock(complaint, events, at('2025-11-03 16:00'), cal);
    expect(shown(result.due)).toBe('2025-11-10 24:00');
    expect(result.pausedMinutes).toBe(240);
    expect(result.minutesUsed).toBe(120);
  });

  it('G-5.7.2: a pause that spans the statutory due carries the remaining working time past the Spring Festival', () => {
    // Received Mon 2026-02-09: the five working days are 02-10 … 02-13 and make-up Saturday 02-14.
    const events = [
      ev('received', '2026-02-09 10:00'),
      ev('waiting_customer', '2026-02-14 12:00'),
      ev('customer_replied', '2026-02-24 12:00'),
    ];
    const result = evaluateClock(complaint, events, at('2026-02-24 13:00'), cal);
    expect(shown(result.statutory?.due)).toBe('2026-02-14 24:00');
    // Given back: 12 h on 02-14, nothing in the holiday, 12 h on 02-24 → 24 h of working time after 02-14 24:00,
    // skipping 02-15 … 02-23: 02-24 24:00.
    expect(shown(result.due)).toBe('2026-02-24 24:00');
    expect(result.state).toBe('running');
  });
});

describe('pauses on calendar-day clocks (elapsed time, then the rest-day rule again)', () => {
  it('G-6.2.6: a 5 h pause moves 2025-11-13 24:00 to 11-14 05:00', () => {
    const events = [
      ev('notice_sent', '2025-11-03 10:00'),
      ev('waiting_customer', '2025-11-05 10:00'),
      ev('customer_replied', '2025-11-05 15:00'),
    ];
    const result = evaluateClock(payment, events, at('2025-11-06 10:00'), cal);
    expect(shown(result.statutory?.due)).toBe('2025-11-13 24:00');
    expect(shown(result.due)).toBe('2025-11-14 05:00');
  });

  it('G-6.2.6: a 48 h pause would end the period on Saturday 11-15, so it ends Monday 11-17 24:00', () => {
    const events = [
      ev('notice_sent', '2025-11-03 10:00'),
      ev('waiting_customer', '2025-11-05 10:00'),
      ev('customer_replied', '2025-11-07 10:00'),
    ];
    expect(shown(evaluateClock(payment, events, at('2025-11-08 10:00'), cal).due)).toBe('2025-11-17 24:00');
  });

  it('G-6.2.6: a 1 h pause pushing the end into National Day moves it to 2025-10-09 24:00', () => {
    const events = [
      ev('notice_sent', '2025-09-20 10:00'),
      ev('waiting_customer', '2025-09-22 10:00'),
      ev('customer_replied', '2025-09-22 11:00'),
    ];
    expect(shown(evaluateClock(payment, events, at('2025-09-23 10:00'), cal).due)).toBe('2025-10-09 24:00');
  });

  it('G-6.2.6: a pause on the notice day itself gives nothing back', () => {
    const events = [
      ev('notice_sent', '2025-11-03 10:00'),
      ev('waiting_customer', '2025-11-03 11:00'),
      ev('customer_replied', '2025-11-03 20:00'),
    ];
    expect(shown(evaluateClock(payment, events, at('2025-11-04 10:00'), cal).due)).toBe('2025-11-13 24:00');
  });
});

describe('pauses after an agreed time', () => {
  it('G-9.2.5: a pause after the agreement moves the agreed due by the paused time; earlier pauses do not', () => {
    const def: ClockDefinition = { ...repair, agreedOn: [APPOINTMENT_AGREED] };
    const events = [
      ev('requested', '2025-10-01 08:00'),
      ev('waiting_customer', '2025-10-01 08:30'),
      ev('customer_replied', '2025-10-01 09:30'),
      ev(APPOINTMENT_AGREED, '2025-10-01 10:00', { agreedAt: at('2025-10-03 10:00') }),
      ev('waiting_customer', '2025-10-02 10:00'),
      ev('customer_replied', '2025-10-02 12:00'),
    ];
    const result = evaluateClock(def, events, at('2025-10-02 13:00'), cal);
    expect(result.dueSource).toBe('agreed');
    expect(shown(result.due)).toBe('2025-10-03 12:00');
    expect(result.pausedMinutes).toBe(180);
  });
});
