import { describe, expect, it } from 'vitest';
import { accidentRateCounts, outageExposure, seasonExposure } from './accident-rate.ts';
import { evaluate } from './evaluate.ts';
import { indicatorById } from './indicators.ts';

const def = indicatorById('heating_accident_rate')!;
const at = (iso: string) => new Date(iso);
// A 2026-2027 season from 15 Nov to 15 Mar inclusive (Shanghai): 121 days = 174,240 minutes.
const season = { start: at('2026-11-14T16:00:00Z'), end: at('2027-03-15T16:00:00Z') };
const window = season;

describe('H-10.5.1 operation accident rate S = Σ(ts × ss) ÷ (T × st), Table 1 ≤ 2 ‰', () => {
  it('H-10.5.1: one company-caused outage of 10 h over 20,000 m² in a 100,000 m² season of 121 days is 0.83 ‰ (met)', () => {
    const counts = accidentRateCounts({
      outages: [
        {
          startedAt: at('2026-12-01T00:00:00Z'),
          restoredAt: at('2026-12-01T10:00:00Z'),
          heatedAreaM2: 20_000,
          companyCaused: true,
        },
      ],
      seasons: [season],
      heatedAreaM2: 100_000,
      window,
    });
    // 600 min × 20,000 m² over 174,240 min × 100,000 m².
    expect(counts).toEqual({ numerator: 12_000_000, denominator: 17_424_000_000 });
    // 12e6 / 17.424e9 = 0.000688… → 0.69 ‰
    expect(evaluate(def, counts)).toEqual({ ...counts, value: 0.69, status: 'met' });
  });

  it('H-3.8: an interruption the company did not cause is left out; 3 ‰ (over 2 ‰) is missed', () => {
    const counts = accidentRateCounts({
      outages: [
        // Chosen so Σ is 3 ‰ of 174,240 min × 10,000 m² = 5,227,200 m²·min.
        {
          startedAt: at('2026-12-10T00:00:00Z'),
          restoredAt: at('2026-12-10T08:00:00Z'),
          heatedAreaM2: 10_890,
          companyCaused: true,
        },
        {
          startedAt: at('2026-12-20T00:00:00Z'),
          restoredAt: at('2026-12-21T00:00:00Z'),
          heatedAreaM2: 10_000,
          companyCaused: false,
        },
      ],
      seasons: [season],
      heatedAreaM2: 10_000,
      window,
    });
    // 480 min × 10,890 m² = 5,227,200 over 1,742,400,000 = exactly 3 ‰.
    expect(counts).toEqual({ numerator: 5_227_200, denominator: 1_742_400_000 });
    expect(evaluate(def, counts)).toMatchObject({ value: 3, status: 'missed' });
  });

  it('H-10.5.1: exactly 2 ‰ is met; an outage still open counts to the end of the window and is clipped to it', () => {
    expect(evaluate(def, { numerator: 2, denominator: 1000 }).status).toBe('met');
    expect(evaluate(def, { numerator: 2001, denominator: 1_000_000 }).status).toBe('missed');
    const w = { start: at('2026-12-01T00:00:00Z'), end: at('2026-12-02T00:00:00Z') };
    // Began 2 h before the window, never restored: the window's 24 h × 100 m².
    expect(
      outageExposure(
        { startedAt: at('2026-11-30T22:00:00Z'), restoredAt: null, heatedAreaM2: 100, companyCaused: true },
        w,
      ),
    ).toBe(1440 * 100);
    // A month window outside the season has no heating time: no data, not a met figure.
    const summer = { start: at('2027-06-01T00:00:00Z'), end: at('2027-07-01T00:00:00Z') };
    expect(seasonExposure([season], 100_000, summer)).toBe(0);
    expect(evaluate(def, { numerator: 0, denominator: 0 }).status).toBe('no_data');
  });
});
