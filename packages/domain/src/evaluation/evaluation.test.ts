import { describe, expect, it } from 'vitest';
import {
  evaluate,
  parseEvaluationPeriod,
  periodInstants,
  rankFigures,
  seasonWindow,
  trendPeriods,
} from './evaluate.ts';
import { INDICATORS, indicatorById, indicatorsFor } from './indicators.ts';
import { CATALOGUE } from '../workorders/catalogue.ts';

const def = (id: string) => indicatorById(id)!;

describe('Table 1 targets (H-10.5)', () => {
  it('H-10.5.4: complaint timeliness ≥ 95 % — 19 of 20 met, 18 of 19 missed (94.74 %)', () => {
    expect(evaluate(def('heating_complaint_timeliness'), { numerator: 19, denominator: 20 })).toEqual({
      value: 95,
      numerator: 19,
      denominator: 20,
      status: 'met',
    });
    expect(evaluate(def('heating_complaint_timeliness'), { numerator: 18, denominator: 19 })).toMatchObject({
      value: 94.74,
      status: 'missed',
    });
  });
  it('H-10.5.3: room temperature ≥ 99 % — 99 of 100 met, 197 of 199 (98.99 %) missed', () => {
    expect(evaluate(def('room_temperature_pass'), { numerator: 99, denominator: 100 }).status).toBe('met');
    expect(evaluate(def('room_temperature_pass'), { numerator: 197, denominator: 199 })).toMatchObject({
      value: 98.99,
      status: 'missed',
    });
  });
  it('H-10.5.5 / H-10.5.2: completion and repair response 100 % — one short of all is missed even if it rounds to 100.00', () => {
    expect(evaluate(def('heating_complaint_completion'), { numerator: 3, denominator: 3 }).status).toBe(
      'met',
    );
    const nearly = evaluate(def('heating_repair_response'), { numerator: 99999, denominator: 100000 });
    expect(nearly).toMatchObject({ value: 100, status: 'missed' });
  });
  it('G-12.4.1.3: gas complaint timeliness has no Table 1 target — a figure without a verdict', () => {
    expect(evaluate(def('gas_complaint_timeliness'), { numerator: 1, denominator: 3 })).toEqual({
      value: 33.33,
      numerator: 1,
      denominator: 3,
      status: 'no_target',
    });
  });
  it('nothing counted is no data, not 0 % and not 100 %', () => {
    expect(evaluate(def('heating_repair_response'), { numerator: 0, denominator: 0 })).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
      status: 'no_data',
    });
  });
  it('refuses a numerator above the denominator', () => {
    expect(() => evaluate(def('room_temperature_pass'), { numerator: 3, denominator: 2 })).toThrow(
      /EVALUATION_COUNTS_INVALID|numerator/,
    );
  });
});

describe('definitions', () => {
  it('every clock an indicator counts exists in the catalogue under that name', () => {
    for (const i of INDICATORS) {
      if (i.source.kind !== 'clock') continue;
      for (const ref of i.source.clocks) {
        const item = CATALOGUE.find((c) => c.code === ref.itemCode);
        expect(item, `${i.id}: ${ref.itemCode}`).toBeDefined();
        expect(
          item!.clocks.map((c) => c.name),
          `${i.id}: ${ref.itemCode}`,
        ).toContain(ref.clock);
      }
    }
  });
  it('G-12.4.2.4 / G-12.4.3.3: repair response applies to pipeline and bottled gas, not heating', () => {
    expect(indicatorsFor('bottled_gas').map((i) => i.id)).toContain('gas_repair_response');
    expect(indicatorsFor('heating').map((i) => i.id)).not.toContain('gas_repair_response');
    expect(indicatorsFor('regulator')).toEqual([]);
  });
});

describe('periods', () => {
  it('a month, a year and December roll over in Shanghai time', () => {
    expect(parseEvaluationPeriod('2026-12')).toEqual({
      kind: 'month',
      key: '2026-12',
      from: '2026-12-01',
      to: '2027-01-01',
    });
    expect(parseEvaluationPeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2027-01-01' });
    expect(periodInstants('2026-12-01', '2027-01-01').start.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
  it('a season takes its dates from the stored seasons; an unknown or malformed period is refused', () => {
    expect(parseEvaluationPeriod('2026-2027')).toEqual({ kind: 'season', key: '2026-2027' });
    expect(
      seasonWindow('2026-2027', [
        { startsOn: '2026-11-15', endsOn: '2027-03-15' },
        { startsOn: '2026-11-10', endsOn: '2027-03-20' },
      ]),
    ).toEqual({ from: '2026-11-10', to: '2027-03-21' });
    expect(() => seasonWindow('2026-2027', [])).toThrow();
    for (const bad of ['2026-13', '2026-2028', '26', '2026-1'])
      expect(() => parseEvaluationPeriod(bad)).toThrow();
  });
  it('ranks best first, equal values share a rank, no data is unranked', () => {
    expect(
      rankFigures([{ value: 90 }, { value: 100 }, { value: null }, { value: 90 }]).map((r) => r.rank),
    ).toEqual([2, 1, null, 2]);
  });
});

describe('trend periods', () => {
  it('counts back months across a year end, years and heating seasons, oldest first', () => {
    expect(trendPeriods('2027-02', 4)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(trendPeriods('2026', 3)).toEqual(['2024', '2025', '2026']);
    expect(trendPeriods('2026-2027', 2)).toEqual(['2025-2026', '2026-2027']);
    expect(trendPeriods('2026-01', 1)).toEqual(['2026-01']);
  });
});
