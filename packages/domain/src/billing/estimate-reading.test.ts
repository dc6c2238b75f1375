import { describe, expect, it } from 'vitest';
import { estimateReading, settleReadings } from './estimate-reading.ts';
import type { ReadingPoint } from './plausibility.ts';
import { codeOf } from '../testing/support.ts';

const r = (readOn: string, kind: ReadingPoint['kind'], register: number, usage: number): ReadingPoint => ({
  readOn,
  kind,
  register,
  usage,
});

// A household: last winter heavy, then a mild year.
const readings = [
  r('2024-12-31', 'actual', 20_000, 90_000),
  r('2025-01-31', 'actual', 100_000, 80_000),
  r('2025-10-31', 'actual', 300_000, 20_000),
  r('2025-11-30', 'remote', 340_000, 40_000),
  r('2025-12-31', 'customer', 390_000, 50_000),
];

describe('G-6.2.5 estimating an unread month from the readings history', () => {
  it('G-6.2.5: the same month of last year (80 m³) is one of the past twelve months, so it is within the cap; 13 months back (90 m³) is not', () => {
    const e = estimateReading({ readings, periodEnd: '2026-01-31' });
    expect(e).toMatchObject({ readOn: '2026-01-31', usage: 80_000, register: 470_000 });
    expect(e.basis).toMatchObject({
      method: 'same_month_last_year',
      uncappedVolume: 80_000,
      capped: false,
      cap: { periodEnd: '2025-01-31', volume: 80_000 },
      previous: { readOn: '2025-12-31', register: 390_000 },
      clause: 'G-6.2.5',
    });
    expect(e.basis.basisMonths.map((m) => m.periodEnd)).toEqual([
      '2025-01-31',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
    ]);
    expect(e.basis.reason.zh).toContain('G-6.2.5');
  });

  it('G-6.2.5: a chain of estimates never exceeds the cap, and estimates do not raise it', () => {
    const first = estimateReading({ readings, periodEnd: '2026-01-31' });
    // For 2026-02 the twelve months are 2025-02 … 2026-01: actual 20, 40, 50 m³ (2026-01 is an estimate) → cap 50.
    const second = estimateReading({
      readings: [...readings, r(first.readOn, 'estimated', first.register, first.usage)],
      periodEnd: '2026-02-28',
      method: { kind: 'fixed', volume: 90_000 },
    });
    expect(second.usage).toBe(50_000);
    expect(second.register).toBe(520_000);
  });

  it('G-6.2.5: without a reading before the period, or with one on that day, no estimate', () => {
    expect(codeOf(() => estimateReading({ readings: [], periodEnd: '2026-01-31' }))).toBe(
      'READING_ESTIMATE_NO_PREVIOUS',
    );
    expect(codeOf(() => estimateReading({ readings, periodEnd: '2025-12-31' }))).toBe('READING_EXISTS');
  });

  it('G-6.2.5 多退少补: the next actual reading below the estimates refunds and names the bill to correct', () => {
    const withEstimates = [
      ...readings,
      r('2026-01-31', 'estimated', 440_000, 50_000),
      r('2026-02-28', 'estimated', 490_000, 50_000),
    ];
    const s = settleReadings(withEstimates, { readOn: '2026-03-31', register: 470_000 }, (d) =>
      d === '2026-02-28' ? 'bill-feb' : d === '2026-01-31' ? 'bill-jan' : undefined,
    );
    expect(s).toMatchObject({ volumeDifference: -20_000, direction: 'refund', billsToCorrect: ['bill-feb'] });
    expect(s.correctionRequired).toBe(true);
  });

  it('G-6.2.5 多退少补: above the estimates collects; no estimate pending settles nothing', () => {
    const withEstimate = [...readings, r('2026-01-31', 'estimated', 440_000, 50_000)];
    expect(settleReadings(withEstimate, { readOn: '2026-02-28', register: 500_000 })).toMatchObject({
      volumeDifference: 60_000,
      direction: 'collect',
      correctionRequired: false,
    });
    expect(settleReadings(readings, { readOn: '2026-01-31', register: 430_000 }).direction).toBe('none');
  });
});
