import { describe, expect, it } from 'vitest';
import {
  drawHouseholds,
  judgeInletPressure,
  judgeOdorant,
  roundPeriod,
  roundState,
} from './network-checks.ts';

const at = (s: string) => new Date(`${s}T12:00:00+08:00`);

describe('network checks', () => {
  it('G-6.2.15 the inlet pressure is judged against the band of its gas type', () => {
    expect(judgeInletPressure('natural_gas', 2000).passed).toBe(true);
    expect(judgeInletPressure('natural_gas', 1499).passed).toBe(false);
    expect(judgeInletPressure('natural_gas', 3001).passed).toBe(false);
    // the same reading passes for LPG's higher band only where it lies inside it
    expect(judgeInletPressure('lpg', 1600).passed).toBe(false);
    expect(judgeInletPressure('lpg', 3500).passed).toBe(true);
    expect(judgeInletPressure('natural_gas', 2000).source.zh).toContain('GB/T 13611');
    expect(() => judgeInletPressure('natural_gas', -5)).toThrow(/implausible/);
  });

  it('G-6.2.16 the odorant passes at or above the threshold', () => {
    expect(judgeOdorant(20, 20)).toBe(true);
    expect(judgeOdorant(19.9, 20)).toBe(false);
    expect(() => judgeOdorant(Number.NaN, 20)).toThrow();
  });

  it('G-6.2.15 the draw is random but repeatable from its seed, whatever order the candidates come in', () => {
    const candidates = Array.from({ length: 200 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    const a = drawHouseholds('seed-1', candidates, 5);
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    expect(drawHouseholds('seed-1', [...candidates].reverse(), 5)).toEqual(a);
    expect(drawHouseholds('seed-2', candidates, 5)).not.toEqual(a);
    // not simply the first ones
    expect(a).not.toEqual(candidates.slice(0, 5));
    expect(drawHouseholds('x', ['a', 'b'], 5)).toHaveLength(2);
  });

  it('G-6.2.15 pressure rounds fall in two-month periods; G-6.2.16 odorant rounds in calendar months', () => {
    expect(roundPeriod('2026-04-30', 2)).toEqual({ from: '2026-03-01', to: '2026-05-01' });
    expect(roundPeriod('2026-12-05', 2)).toEqual({ from: '2026-11-01', to: '2027-01-01' });
    expect(roundPeriod('2026-12-05', 1)).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(roundPeriod('2027-01-31', 2)).toEqual({ from: '2027-01-01', to: '2027-03-01' });
  });

  it('G-6.2.16 a round still missing is flagged in the last week of its period, and a missed one is reported', () => {
    expect(roundState([], at('2026-12-10'), 1)).toMatchObject({ state: 'due', previousMissed: true });
    expect(roundState(['2026-11-03'], at('2026-12-25'), 1)).toMatchObject({
      state: 'due_soon',
      previousMissed: false,
    });
    expect(roundState(['2026-11-03', '2026-12-02'], at('2026-12-25'), 1).state).toBe('done');
    // G-6.2.15: a check in November covers the whole November–December period
    expect(roundState(['2026-11-03'], at('2026-12-25'), 2)).toMatchObject({
      state: 'done',
      previousMissed: true,
    });
  });
});
