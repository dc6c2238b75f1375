// Lead times count back from the event and are never moved over holidays. Neither the event day nor the
// notice day counts, so n whole days lie between them.

import { describe, expect, it } from 'vitest';
import { leadTimeLatest } from './lead-time.ts';
import { at, cal, codeOf, shown } from '../testing/support.ts';

describe('leadTimeLatest', () => {
  it('H-6.1.4: filling that starts 2025-11-08 must be announced by 2025-10-31 24:00 (7 whole days before)', () => {
    const lead = leadTimeLatest(at('2025-11-08 08:00'), 7);
    expect(shown(lead.latestAt)).toBe('2025-10-31 24:00');
    expect(lead.latestDate).toBe('2025-10-31');
    expect(lead.coveredDays).toEqual([
      '2025-11-01',
      '2025-11-02',
      '2025-11-03',
      '2025-11-04',
      '2025-11-05',
      '2025-11-06',
      '2025-11-07',
    ]);
    expect(lead.explanation.en).toContain('give it by 2025-10-31 24:00');
    expect(lead.explanation.zh).toContain('不因节假日顺延');
  });

  it('H-6.2.6: a lead time that lands in the National Day holiday is not moved', () => {
    const lead = leadTimeLatest(at('2025-10-10 08:00'), '7d', cal);
    expect(lead.latestDate).toBe('2025-10-02');
    expect(shown(lead.latestAt)).toBe('2025-10-02 24:00');
  });

  it('H-6.1.4: the hour of the event does not matter for a lead in days', () => {
    expect(leadTimeLatest(at('2025-11-08 23:59'), 7).latestAt.getTime()).toBe(
      leadTimeLatest(at('2025-11-08 00:00'), 7).latestAt.getTime(),
    );
  });

  it('G-6.2.12: a planned outage at 2025-10-03 09:00 must be announced 72 h ahead, by 2025-09-30 09:00', () => {
    const lead = leadTimeLatest(at('2025-10-03 09:00'), '72h');
    expect(shown(lead.latestAt)).toBe('2025-09-30 09:00');
    expect(lead.latestDate).toBe('2025-09-30');
    expect(lead.coveredDays).toEqual([]);
  });

  it('G-6.2.14: ceasing business on 2026-07-01 needs the application by 2026-02-12 24:00 (90 working days, across the Spring Festival)', () => {
    const lead = leadTimeLatest(at('2026-07-01 00:00'), '90wd', cal);
    expect(lead.coveredDays).toHaveLength(90);
    expect(lead.coveredDays[0]).toBe('2026-02-13');
    expect(lead.coveredDays).toContain('2026-02-14');
    expect(lead.coveredDays).toContain('2026-02-28');
    expect(lead.coveredDays).not.toContain('2026-02-16');
    expect(lead.coveredDays[89]).toBe('2026-06-30');
    expect(shown(lead.latestAt)).toBe('2026-02-12 24:00');
    expect(lead.latestDate).toBe('2026-02-12');
  });

  it('G-6.2.14: counting 90 working days back into unknown 2024 → CALENDAR_YEAR_UNKNOWN', () => {
    expect(codeOf(() => leadTimeLatest(at('2025-03-01 00:00'), '90wd', cal))).toBe('CALENDAR_YEAR_UNKNOWN');
  });

  it('G-6.2.14: working days without a calendar → CALENDAR_REQUIRED', () => {
    expect(codeOf(() => leadTimeLatest(at('2026-07-01 00:00'), '90wd'))).toBe('CALENDAR_REQUIRED');
  });

  it('H-6.1.4: a lead of zero or a fraction of a day is LIMIT_INVALID', () => {
    expect(codeOf(() => leadTimeLatest(at('2025-11-08 08:00'), 0))).toBe('LIMIT_INVALID');
    expect(codeOf(() => leadTimeLatest(at('2025-11-08 08:00'), 1.5))).toBe('LIMIT_INVALID');
    expect(codeOf(() => leadTimeLatest(new Date(Number.NaN), 7))).toBe('DATE_INVALID');
  });
});
