// Property tests (fast-check) against an oracle built straight from the notice lists, independent of the
// calendar and deadline code under test.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDeadline } from './deadline.ts';
import { leadTimeLatest } from './lead-time.ts';
import { evaluateClock } from './clock.ts';
import type { ClockDefinition, ClockEvent } from './clock-types.ts';
import { CN_CALENDAR_2025_2026, MAKEUP_WORKDAYS_2025, MAKEUP_WORKDAYS_2026 } from '../calendar/fixtures.ts';
import { cal } from '../testing/support.ts';

const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000;
const rest = new Set(Object.keys(CN_CALENDAR_2025_2026.restDays));
const makeup = new Set([...Object.keys(MAKEUP_WORKDAYS_2025), ...Object.keys(MAKEUP_WORKDAYS_2026)]);

/** Oracle: Shanghai date of an instant, and whether a date is a working day, from first principles. */
const shanghaiDate = (ms: number) => new Date(ms + OFFSET).toISOString().slice(0, 10);
const oracleWorking = (date: string) => {
  if (makeup.has(date)) return true;
  if (rest.has(date)) return false;
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
};
const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** Instants from 2025-01-01 to 2026-08-31 (Shanghai), leaving room for limits to stay inside 2026. */
const instant = fc
  .integer({ min: Date.parse('2024-12-31T16:00:00Z'), max: Date.parse('2026-08-31T15:59:59Z') })
  .map((ms) => new Date(ms));

describe('working-day deadlines (property)', () => {
  it('G-5.7.2, G-6.1.2, G-6.2.10, H-9.5: the due is a Shanghai midnight right after a working day, with exactly n working days counted after the start day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const deadline = computeDeadline(start, { unit: 'working_days', amount: n }, cal);
        const due = deadline.due.getTime();
        expect((due + OFFSET) % DAY).toBe(0);
        const lastDay = shanghaiDate(due - 1);
        expect(oracleWorking(lastDay)).toBe(true);
        let count = 0;
        for (let date = nextDate(shanghaiDate(start.getTime())); date <= lastDay; date = nextDate(date)) {
          if (oracleWorking(date)) count += 1;
        }
        expect(count).toBe(n);
      }),
      { numRuns: 400 },
    );
  });

  it('G-5.7.2: the due is strictly increasing in n and never earlier than n calendar days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 59 }), (start, n) => {
        const shorter = computeDeadline(start, { unit: 'working_days', amount: n }, cal).due.getTime();
        const longer = computeDeadline(start, { unit: 'working_days', amount: n + 1 }, cal).due.getTime();
        expect(longer).toBeGreaterThan(shorter);
        expect(shorter - start.getTime()).toBeGreaterThan((n - 1) * DAY);
      }),
      { numRuns: 300 },
    );
  });

  it('G-5.7.2: the due is monotonic in the start instant', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 1, max: 30 }), (a, b, n) => {
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        const limit = { unit: 'working_days' as const, amount: n };
        expect(computeDeadline(early, limit, cal).due.getTime()).toBeLessThanOrEqual(
          computeDeadline(late, limit, cal).due.getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('calendar-day and hour deadlines (property)', () => {
  it('G-6.2.6: a calendar-day period ends at midnight after a working day, on or after start + n, with only rest days in between', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const deadline = computeDeadline(start, { unit: 'calendar_days', amount: n }, cal);
        const lastDay = shanghaiDate(deadline.due.getTime() - 1);
        expect(oracleWorking(lastDay)).toBe(true);
        const nominal = new Date(Date.parse(`${shanghaiDate(start.getTime())}T00:00:00Z`) + n * DAY)
          .toISOString()
          .slice(0, 10);
        expect(deadline.nominalLastDay).toBe(nominal);
        for (let date = nominal; date < lastDay; date = nextDate(date))
          expect(oracleWorking(date)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('H-7.3.9, G-6.2.13, G-9.2.5, H-7.1.8: an hour deadline is exactly start + h, holidays or not', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 2000 }), (start, halfHours) => {
        const deadline = computeDeadline(start, { unit: 'hours', amount: halfHours / 2 }, cal);
        expect(deadline.due.getTime() - start.getTime()).toBe(halfHours * 1_800_000);
      }),
    );
  });
});

describe('lead times (property)', () => {
  it('H-6.1.4: n whole days lie between the latest notice day and the event day', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (event, n) => {
        const lead = leadTimeLatest(event, n);
        expect(lead.coveredDays).toHaveLength(n);
        let date = lead.latestDate;
        for (let i = 0; i <= n; i += 1) date = nextDate(date);
        expect(date).toBe(shanghaiDate(event.getTime()));
      }),
    );
  });

  it('G-6.2.14: counting n working days forward from the latest application day ends on the last working day before the event', () => {
    const events = fc
      .integer({ min: Date.parse('2025-06-01T00:00:00Z'), max: Date.parse('2026-12-31T00:00:00Z') })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 90 }), (event, n) => {
        const lead = leadTimeLatest(event, { unit: 'working_days', amount: n }, cal);
        const forward = computeDeadline(
          new Date(lead.latestAt.getTime() - 1),
          { unit: 'working_days', amount: n },
          cal,
        );
        expect(forward.lastDay).toBe(lead.coveredDays[n - 1]);
        expect(forward.due.getTime()).toBeLessThanOrEqual(
          Date.parse(`${shanghaiDate(event.getTime())}T00:00:00Z`) - OFFSET,
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('clocks (property)', () => {
  const def: ClockDefinition = {
    name: 'resolution',
    clause: 'G-5.7.2',
    limit: '5wd',
    startOn: 'received',
    stopOn: ['answered'],
    pauseOn: ['waiting'],
    resumeOn: ['resumed'],
  };
  const start = Date.parse('2025-09-29T02:00:00Z');
  const type = fc.constantFrom('waiting', 'resumed', 'answered', 'note');
  const history = fc
    .array(fc.record({ type, offset: fc.integer({ min: 1, max: 40 * DAY }) }), { maxLength: 12 })
    .map((list): ClockEvent[] => [
      { type: 'received', at: new Date(start) },
      ...list.map((e) => ({ type: e.type, at: new Date(start + e.offset) })),
    ]);

  it('G-5.7.2, H-7.4.6: once breached, a clock stays breached at the same instant whenever it is looked at later', () => {
    fc.assert(
      fc.property(
        history,
        fc.integer({ min: 0, max: 45 * DAY }),
        fc.integer({ min: 0, max: 45 * DAY }),
        (events, a, b) => {
          const [early, late] = a <= b ? [a, b] : [b, a];
          const first = evaluateClock(def, events, new Date(start + early), cal);
          const second = evaluateClock(def, events, new Date(start + late), cal);
          if (first.state === 'breached') {
            expect(second.state).toBe('breached');
            expect(second.breachedAt?.getTime()).toBe(first.breachedAt?.getTime());
          }
          if (first.state === 'met') expect(second.state).toBe('met');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('G-5.7.2: pauses never bring the due forward, and minutes used plus paused equal elapsed time', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 45 * DAY }), (events, offset) => {
        const now = new Date(start + offset);
        const result = evaluateClock(def, events, now, cal);
        expect(result.due!.getTime()).toBeGreaterThanOrEqual(result.statutory!.due.getTime());
        const end = (result.stoppedAt ?? now).getTime();
        const elapsedMinutes = (end - start) / 60_000;
        expect(Math.abs(result.minutesUsed + result.pausedMinutes - elapsedMinutes)).toBeLessThanOrEqual(2);
        if (result.state === 'met') expect(result.marginMinutes).toBeGreaterThanOrEqual(0);
        if (result.state === 'breached') expect(result.breachedAt!.getTime()).toBeLessThan(end);
      }),
      { numRuns: 300 },
    );
  });
});
