import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.ts';
import {
  daysBelowStandard,
  lowTemperatureReduction,
  passRate,
  sensorReadingProblem,
} from './low-temperature.ts';

describe('H-5.5 / H-7.2.3 low-temperature fee reduction', () => {
  it('H-7.2.3: days × degrees below × rule rate, tenths of a degree pro rata, rounded once half up', () => {
    expect(lowTemperatureReduction({ daysBelow: 10, tenthsBelow: 30, fenPerDayPerDegree: 50 })).toBe(1500);
    expect(lowTemperatureReduction({ daysBelow: 1, tenthsBelow: 1, fenPerDayPerDegree: 5 })).toBe(1); // 0.5 → 1
    expect(lowTemperatureReduction({ daysBelow: 1, tenthsBelow: 1, fenPerDayPerDegree: 4 })).toBe(0); // 0.4 → 0
    expect(lowTemperatureReduction({ daysBelow: 0, tenthsBelow: 25, fenPerDayPerDegree: 80 })).toBe(0);
  });
  it('rejects fractions and negatives', () => {
    try {
      lowTemperatureReduction({ daysBelow: 1.5, tenthsBelow: 1, fenPerDayPerDegree: 1 });
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e, 'LOW_TEMPERATURE_INPUT_INVALID')).toBe(true);
    }
    expect(() => lowTemperatureReduction({ daysBelow: 1, tenthsBelow: -1, fenPerDayPerDegree: 1 })).toThrow();
  });
  it('days below: first day inclusive, restored day exclusive; restored before start refused', () => {
    expect(daysBelowStandard('2026-12-01', '2026-12-11')).toBe(10);
    expect(daysBelowStandard('2026-12-01', '2026-12-01')).toBe(0);
    expect(() => daysBelowStandard('2026-12-05', '2026-12-01')).toThrow(/before/);
  });
});

describe('H-5.4.1 sensor readings', () => {
  const now = new Date('2026-11-26T04:00:00Z');
  const season = {
    seasonStart: new Date('2026-11-14T16:00:00Z'),
    seasonEnd: new Date('2027-03-15T16:00:00Z'),
  };
  const ok = { known: true, at: new Date('2026-11-26T03:00:00Z'), tenths: 195, now, ...season };
  it('H-5.4.1: a good reading has no problem; each bad one names its reason', () => {
    expect(sensorReadingProblem(ok)).toBeNull();
    expect(sensorReadingProblem({ ...ok, known: false })?.code).toBe('SENSOR_UNKNOWN');
    expect(sensorReadingProblem({ ...ok, at: new Date('2026-11-26T05:00:00Z') })?.code).toBe(
      'READING_IN_FUTURE',
    );
    expect(sensorReadingProblem({ ...ok, at: new Date('2026-11-10T00:00:00Z') })?.code).toBe(
      'READING_OUTSIDE_SEASON',
    );
    expect(sensorReadingProblem({ ...ok, seasonStart: null, seasonEnd: null })?.code).toBe(
      'READING_OUTSIDE_SEASON',
    );
    expect(sensorReadingProblem({ ...ok, tenths: 451 })?.code).toBe('TEMPERATURE_OUT_OF_RANGE');
    expect(sensorReadingProblem({ ...ok, tenths: -301 })?.code).toBe('TEMPERATURE_OUT_OF_RANGE');
    expect(sensorReadingProblem({ ...ok, tenths: 450 })).toBeNull();
    expect(sensorReadingProblem({ ...ok, tenths: -300 })).toBeNull();
  });
});

describe('H-10.5.3 room-temperature pass rate', () => {
  it('H-10.5.3: C = passing ÷ measured; 99 % meets the target, 98.99 % does not', () => {
    expect(passRate(99, 100)).toEqual({ percent: 99, meetsTarget: true });
    expect(passRate(9899, 10000)).toEqual({ percent: 98.99, meetsTarget: false });
    expect(passRate(0, 0)).toEqual({ percent: null, meetsTarget: false });
  });
});
