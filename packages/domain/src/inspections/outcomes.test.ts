import { describe, expect, it } from 'vitest';
import { at, cal } from '../testing/support.ts';
import { countsAsInspected, nextRestDay, summariseVisit, timeOfDay } from './outcomes.ts';
import { SAFETY_EDUCATION_TOPIC_CODES, safetyEducationCoverage } from './education.ts';

describe('visit outcomes', () => {
  it('G-5.11.8 refusing to sign or to take the notice is recorded on an inspected visit; refused entry is not inspected', () => {
    expect(countsAsInspected('refused_to_sign')).toBe(true);
    expect(countsAsInspected('refused_notice')).toBe(true);
    expect(countsAsInspected('refused_entry')).toBe(false);
    expect(summariseVisit([{ outcome: 'refused_entry', at: at('2026-03-02 10:00') }], null, cal).state).toBe(
      'refused',
    );
  });

  it('G-5.11.9 nobody home on a weekday morning needs another time of day and a rest day', () => {
    const s = summariseVisit([{ outcome: 'nobody_home', at: at('2026-03-02 10:00') }], null, cal);
    expect(s).toMatchObject({
      state: 'retry_needed',
      inspected: false,
      missing: { otherTimeOfDay: true, restDay: true },
    });
  });

  it('G-5.11.9 an evening attempt on a working Saturday (make-up day) is not a rest day', () => {
    // 2026-02-28 is a Saturday worked for the Spring Festival.
    const s = summariseVisit(
      [
        { outcome: 'nobody_home', at: at('2026-03-02 10:00') },
        { outcome: 'nobody_home', at: at('2026-02-28 19:00') },
      ],
      null,
      cal,
    );
    expect(s.missing).toEqual({ otherTimeOfDay: false, restDay: true });
  });

  it('G-5.11.9 after another time of day and a rest day the community follow-up is due, then recorded, never inspected', () => {
    const attempts = [
      { outcome: 'nobody_home' as const, at: at('2026-03-02 10:00') },
      { outcome: 'nobody_home' as const, at: at('2026-03-04 19:30') },
      { outcome: 'nobody_home' as const, at: at('2026-03-07 10:00') }, // Saturday
    ];
    expect(summariseVisit(attempts, null, cal).state).toBe('community_follow_up_due');
    const s = summariseVisit(
      attempts,
      { committee: '华侨城社区居委会', at: at('2026-03-09 09:00'), agreed: '由网格员联系住户' },
      cal,
    );
    expect(s).toMatchObject({ state: 'community_followed_up', inspected: false });
  });

  it('G-5.11.9 a later inspection ends the follow-up: the visit counts as inspected', () => {
    const s = summariseVisit(
      [
        { outcome: 'nobody_home', at: at('2026-03-02 10:00') },
        { outcome: 'inspected', at: at('2026-03-07 15:00') },
      ],
      null,
      cal,
    );
    expect(s.inspected).toBe(true);
  });

  it('times of day are Beijing time; the next rest day skips working days and make-up Saturdays', () => {
    expect(timeOfDay(at('2026-03-02 11:59'))).toBe('morning');
    expect(timeOfDay(at('2026-03-02 12:00'))).toBe('afternoon');
    expect(timeOfDay(at('2026-03-02 18:00'))).toBe('evening');
    expect(nextRestDay('2026-02-26', cal)).toBe('2026-03-01'); // 02-28 is a make-up working Saturday
    expect(nextRestDay('2026-09-30', cal)).toBe('2026-10-01');
  });
});

describe('safety education (G-5.10.1, G-5.10.6)', () => {
  it('G-5.10.6 coverage is complete only with the handbook given and all eight items a–h explained, over any records', () => {
    expect(SAFETY_EDUCATION_TOPIC_CODES).toHaveLength(8);
    const first = { handbookGiven: true, topics: ['basics', 'appliances', 'conditions', 'rights'] };
    const part = safetyEducationCoverage([first]);
    expect(part).toMatchObject({ handbookGiven: true, complete: false });
    expect(part.missing).toEqual(['requirements', 'contacts', 'accidents', 'unlawful']);
    const rest = { handbookGiven: false, topics: ['requirements', 'contacts', 'accidents', 'unlawful'] };
    expect(safetyEducationCoverage([first, rest]).complete).toBe(true);
    // G-5.10.1: every item explained but no handbook handed over is not complete.
    expect(safetyEducationCoverage([{ ...first, handbookGiven: false }, rest])).toMatchObject({
      handbookGiven: false,
      missing: [],
      complete: false,
    });
  });
});
