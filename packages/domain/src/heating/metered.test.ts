import { describe, expect, it } from 'vitest';
import { meteredHeatFee, meteredHeatOfSeason, type HeatReading } from './metered.ts';

const season = { startsOn: '2026-11-15', endsOn: '2027-03-15' };
const r = (readOn: string, register: number, meterId = 'm1', kind = 'remote'): HeatReading => ({
  meterId,
  readOn,
  register,
  kind,
});

describe('H-7.2.1 metered part of the two-part tariff', () => {
  it('H-7.2.1: heat used is the register at the season end minus the register at the season start', () => {
    const use = meteredHeatOfSeason(season, [
      r('2026-10-01', 1_000_000),
      r('2026-11-14', 5_000_000),
      r('2027-01-10', 60_000_000),
      r('2027-03-15', 125_500_000),
      r('2027-04-01', 126_000_000), // after the end: not part of the season
    ]);
    expect(use).toEqual({
      ok: true,
      wh: 120_500_000,
      meters: [
        {
          meterId: 'm1',
          startOn: '2026-11-14',
          startRegister: 5_000_000,
          endOn: '2027-03-15',
          endRegister: 125_500_000,
          wh: 120_500_000,
        },
      ],
    });
  });
  it('H-7.2.1: without a reading before the start, the first reading in the season opens it; the latest reading ≤ end closes it', () => {
    const use = meteredHeatOfSeason(season, [r('2026-11-20', 2_000), r('2027-03-01', 9_002_000)]);
    expect(use).toMatchObject({ ok: true, wh: 9_000_000 });
  });
  it('H-7.2.1: a replaced meter adds the heat of each meter', () => {
    const use = meteredHeatOfSeason(season, [
      r('2026-11-15', 100, 'a'),
      r('2027-01-05', 4_000_100, 'a'),
      r('2027-01-05', 0, 'b'),
      r('2027-03-15', 3_000_000, 'b'),
    ]);
    expect(use).toMatchObject({ ok: true, wh: 7_000_000 });
  });
  it('H-7.2.1: a missing reading is reported, not guessed; estimates are not used', () => {
    expect(meteredHeatOfSeason(season, [])).toEqual({ ok: false, reason: 'no_reading' });
    expect(meteredHeatOfSeason(season, [r('2026-11-01', 5)])).toEqual({
      ok: false,
      reason: 'no_end_reading',
      meterId: 'm1',
    });
    expect(meteredHeatOfSeason(season, [r('2026-12-01', 5)])).toMatchObject({ reason: 'no_end_reading' });
    expect(
      meteredHeatOfSeason(season, [r('2026-11-14', 5), r('2027-03-15', 9_000, 'm1', 'estimated')]),
    ).toMatchObject({ ok: false, reason: 'no_end_reading' });
    expect(meteredHeatOfSeason(season, [r('2027-03-20', 5)])).toEqual({ ok: false, reason: 'no_reading' });
    expect(meteredHeatOfSeason(season, [r('2026-11-14', 9_000), r('2027-03-15', 5)])).toMatchObject({
      ok: false,
      reason: 'register_decreased',
    });
  });
  it('H-7.2.1: metered fee = Wh × fen per kWh ÷ 1000, whole fen, half up', () => {
    // 120 500 kWh × 0.28 元 = 33 740.00 元
    expect(meteredHeatFee(120_500_000, 28)).toBe(3_374_000);
    // 1.5 kWh × 1 fen = 1.5 fen → 2; 1.499 kWh → 1
    expect(meteredHeatFee(1_500, 1)).toBe(2);
    expect(meteredHeatFee(1_499, 1)).toBe(1);
    expect(meteredHeatFee(0, 28)).toBe(0);
    expect(() => meteredHeatFee(1.5, 28)).toThrowError();
    expect(() => meteredHeatFee(1, -1)).toThrowError();
  });
});
