import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../calendar/types.ts';
import { weekday } from '../time/shanghai.ts';
import { refundDates, refundOverdue } from './refunds.ts';

const weekendsOnly: WorkCalendar = {
  dayInfo: () => {
    throw new Error('unused');
  },
  isWorkingDay: (d) => weekday(d) !== 0 && weekday(d) !== 6,
  isKnownYear: (y) => y <= 2027,
  isProvisionalYear: () => false,
  knownYears: [2027],
};

describe('H-5.5.2 refund dates', () => {
  it('H-5.5.2: due on the committed date, at latest two months after the season ends', () => {
    expect(refundDates('2026-03-15', '2026-04-30')).toEqual({
      latest: '2026-05-15',
      due: '2026-04-30',
      movedPastRestDays: false,
    });
    expect(refundDates('2026-03-15', '2026-05-15').due).toBe('2026-05-15');
  });
  it('H-5.5.2: a committed date after the two months is refused', () => {
    expect(() => refundDates('2026-03-15', '2026-05-16')).toThrowError(/H-5.5.2/);
  });
  it('H-5.5.2: a last day on a rest day moves to the next working day when the calendar knows the year', () => {
    // 2027-05-15 is a Saturday.
    const d = refundDates('2027-03-15', '2027-05-17', weekendsOnly);
    expect(d.latest).toBe('2027-05-17');
    expect(d.movedPastRestDays).toBe(true);
    // 2028 unknown: no guess, the plain date holds.
    expect(refundDates('2028-03-15', '2028-05-15', weekendsOnly).latest).toBe('2028-05-15');
  });
  it('H-7.2.5: a pending refund past its due day is overdue; a settled one never', () => {
    expect(refundOverdue('2026-05-15', '2026-05-16', false)).toBe(true);
    expect(refundOverdue('2026-05-15', '2026-05-15', false)).toBe(false);
    expect(refundOverdue('2026-05-15', '2026-06-01', true)).toBe(false);
  });
});
