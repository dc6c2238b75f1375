import { describe, expect, it } from 'vitest';
import {
  centiM2FromDecimal,
  legalHeatingDaysOf,
  priceInEffect,
  seasonBillLines,
  seasonFlags,
  seasonPeriod,
} from './season.ts';

describe('H-5.2 heating season as data', () => {
  it('H-5.2: legal heating days come from the dates set, not from a constant', () => {
    expect(legalHeatingDaysOf({ startsOn: '2026-11-15', endsOn: '2027-03-15' })).toBe(120);
    expect(legalHeatingDaysOf({ startsOn: '2027-11-01', endsOn: '2028-03-31' })).toBe(151);
    expect(seasonPeriod({ startsOn: '2026-11-15', endsOn: '2027-03-15' })).toBe('2026-2027');
  });
  it('H-5.2: an end not after the start is refused', () => {
    expect(() => legalHeatingDaysOf({ startsOn: '2026-11-15', endsOn: '2026-11-15' })).toThrowError(/after/);
    expect(() => legalHeatingDaysOf({ startsOn: '2026-11-31', endsOn: '2027-03-15' })).toThrowError();
  });
  it('H-5.2.2: a later start and an earlier end are flagged with the days lost', () => {
    const season = { startsOn: '2026-11-15', endsOn: '2027-03-15' };
    expect(seasonFlags({ ...season, actualStartOn: '2026-11-15', actualEndOn: '2027-03-16' })).toEqual([]);
    expect(seasonFlags({ ...season, actualStartOn: '2026-11-14' })).toEqual([]);
    expect(seasonFlags({ ...season, actualStartOn: '2026-11-17', actualEndOn: '2027-03-10' })).toEqual([
      { code: 'late_start', days: 2, on: '2026-11-17' },
      { code: 'early_end', days: 5, on: '2027-03-10' },
    ]);
  });
});

describe('H-7.2.1 season prices', () => {
  it('H-7.2.1: by area, heated area × price per m² per season, rounded once', () => {
    // 89.57 m² × 25.00 元/m² = 2239.25 元
    expect(seasonBillLines({ price: { method: 'area', fenPerM2PerSeason: 2500 }, centiM2: 8957 })).toEqual([
      { part: 'area', quantity: 8957, unit: 'centi_m2', price: 2500, amountFen: 223_925 },
    ]);
    // 0.01 m² × 1 fen = 0.01 fen → 0; 0.50 m² × 1 fen → 0.5 → 1
    expect(
      seasonBillLines({ price: { method: 'area', fenPerM2PerSeason: 1 }, centiM2: 1 })[0]!.amountFen,
    ).toBe(0);
    expect(
      seasonBillLines({ price: { method: 'area', fenPerM2PerSeason: 1 }, centiM2: 50 })[0]!.amountFen,
    ).toBe(1);
  });
  it('H-7.2.1: two-part tariff = base part by area + metered heat', () => {
    const lines = seasonBillLines({
      price: { method: 'two_part', baseFenPerM2: 750, fenPerKwh: 28 },
      centiM2: 10_000,
      meteredWh: 4_321_500, // 4321.5 kWh × 0.28 元 = 1210.02 元
    });
    expect(lines.map((l) => [l.part, l.amountFen])).toEqual([
      ['base', 75_000],
      ['metered', 121_002],
    ]);
    const baseOnly = seasonBillLines({
      price: { method: 'two_part', baseFenPerM2: 750, fenPerKwh: 28 },
      centiM2: 10_000,
    });
    expect(baseOnly).toHaveLength(1);
  });
  it('H-7.2.1: prices are data with effective dates; the latest not after the day applies', () => {
    const schedules = [
      { effectiveFrom: '2025-10-01', p: 1 },
      { effectiveFrom: '2026-10-01', p: 2 },
      { effectiveFrom: '2027-10-01', p: 3 },
    ];
    expect(priceInEffect(schedules, '2026-11-15')?.p).toBe(2);
    expect(priceInEffect(schedules, '2025-09-30')).toBeUndefined();
  });
  it('H-7.2.1: bad prices and areas are refused', () => {
    expect(() =>
      seasonBillLines({ price: { method: 'area', fenPerM2PerSeason: 25.5 }, centiM2: 100 }),
    ).toThrowError(/fen/);
    expect(() =>
      seasonBillLines({ price: { method: 'area', fenPerM2PerSeason: 2500 }, centiM2: -1 }),
    ).toThrowError();
    expect(centiM2FromDecimal('89.5')).toBe(8950);
    expect(centiM2FromDecimal('89.57')).toBe(8957);
    expect(centiM2FromDecimal(null)).toBeNull();
    expect(centiM2FromDecimal('x')).toBeNull();
  });
});
